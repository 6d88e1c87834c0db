import type { BotAdapter } from 'botbuilder';
import { CardSubmitMiddleware } from '../domain/cardActions.js';
import { hashId } from '../domain/outcomes.js';
import { turnTelemetry } from '../domain/telemetry/instrumentation.js';
import { TeamsActivityMiddleware } from './teams/middleware.js';

/**
 * Middleware every adapter runs before the bot (Bot Framework's /api/messages and the local Direct
 * Line). Telemetry comes first, so the turn's span and duration cover everything after it.
 */
export function useSharedMiddleware(adapter: BotAdapter): BotAdapter {
  return adapter.use(turnTelemetry(hashId), new TeamsActivityMiddleware(), new CardSubmitMiddleware());
}
