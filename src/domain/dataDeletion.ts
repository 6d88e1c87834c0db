import type { BotState, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { isPhraseOf } from './i18n.js';
import type { Logger } from './logger.js';
import { hashId } from './outcomes.js';
import type { CaseRecord, RecordStore } from './storage/records.js';
import { tr } from './turn.js';

const ERASURE_REQUESTED = Symbol('erasureRequested');

/** Asks for this user's data to be deleted at the end of the turn, after the bot has saved its state. */
export function requestErasure(context: TurnContext): void {
  context.turnState.set(ERASURE_REQUESTED, true);
}

/**
 * "delete my data" / "radera mina uppgifter": what the user can say at any point. The phrases, in
 * both languages, live in locales/<lng>/privacy.json (`commands.deleteMyData`).
 */
export function isDeleteMyDataRequest(i18n: i18n, input: string | undefined): boolean {
  return isPhraseOf(i18n, 'privacy:commands.deleteMyData', input);
}

export interface DataEraserDependencies {
  /** The bot's conversation and user state (BotStates). */
  states: { conversationState: BotState; userState: BotState };
  cases: RecordStore<CaseRecord>;
  logger: Logger;
}

/**
 * Removes the user's escalation cases (found by `userKey` = hashId(user id)), their user state and
 * this conversation's state, then says so. It runs after the turn's state was saved, so nothing
 * writes the state back; if storage fails, the user hears "couldn't save, please try again"
 * instead of "deleted".
 */
export async function eraseRequestedData(context: TurnContext, deps: DataEraserDependencies): Promise<void> {
  if (context.turnState.get(ERASURE_REQUESTED) !== true) return;
  context.turnState.delete(ERASURE_REQUESTED);
  const userKey = hashId(context.activity.from?.id ?? 'unknown');
  const cases = await deps.cases.removeWhere((record) => record.userKey === userKey);
  await deps.states.conversationState.delete(context);
  await deps.states.userState.delete(context);
  deps.logger.info('user data deleted', { userKey, cases });
  await context.sendActivity(tr(context)('privacy:deleted'));
}
