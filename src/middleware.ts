import type { BotAdapter } from 'botbuilder';
import { CardSubmitMiddleware } from './cardActions.js';
import { TeamsActivityMiddleware } from './teams/middleware.js';

/** Middleware every adapter runs before the bot (Bot Framework's /api/messages and the local Direct Line). */
export function useSharedMiddleware(adapter: BotAdapter): BotAdapter {
  return adapter.use(new TeamsActivityMiddleware(), new CardSubmitMiddleware());
}
