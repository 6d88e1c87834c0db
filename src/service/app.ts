/**
 * What the server and its channels share: the App they are built into and the turn error handler
 * every adapter uses. Its own module, so the channel routes need not import the server that
 * registers them.
 */
import { CloudAdapter, type TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type restify from 'restify';
import type { BotStates } from '../bot/state.js';
import type { Config } from '../domain/config.js';
import type { Logger } from '../domain/logger.js';
import { isStorageFailure } from '../domain/storage/storageFailure.js';
import { inTurnTrace } from '../domain/telemetry/instrumentation.js';
import { turnLanguage } from '../domain/turn.js';
import type { Readiness } from './resilience/readiness.js';
import type { GuardedStores } from './resilience/storageGuard.js';
import type { PublicEndpointGuards } from './security/publicEndpoint.js';

export interface App {
  config: Config;
  server: restify.Server;
  adapter: CloudAdapter;
  /** Runs one turn through the bot, once the recognizer has loaded (turns that come earlier wait). */
  runTurn(context: TurnContext): Promise<void>;
  /** Resolves when the recognizer is loaded and the bot built; rejects when that failed. */
  ready: Promise<void>;
  /** What `/readyz` answers. */
  readiness: Readiness;
  /** Every store, guarded: failures become StorageUnavailableError; `flush()` waits for writes in flight. */
  stores: GuardedStores;
  states: BotStates;
  /** Rate limits and checks of the public endpoints; the Direct Line adapter uses `conversationLimit`. */
  guards: PublicEndpointGuards;
  i18n: i18n;
  logger: Logger;
  /** Starts listening (port 0 picks a free one) and resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * What happens when a turn throws: log what failed (ids only, never the user's text), tell the user
 * in their language, and leave the stored state as it was before the turn (its changes are not saved).
 */
export function createTurnErrorHandler(config: Pick<Config, 'defaultLocale'>, logger: Logger, i18n: i18n) {
  return (context: TurnContext, error: Error): Promise<void> => inTurnTrace(context, async () => {
    logger.error('turn failed', {
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      channelId: context.activity.channelId,
      error,
    });
    let t;
    try {
      t = turnLanguage(context).t;
    } catch {
      t = i18n.getFixedT(config.defaultLocale);
    }
    await context.sendActivity(t(isStorageFailure(error) ? 'security:storageUnavailable' : 'errors.turnFailed'));
  });
}
