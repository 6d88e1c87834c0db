import { ConversationState } from 'botbuilder';
import { trackingChanges } from './trackedState.js';

/**
 * Conversation state saved with the eTag it was read with, instead of botbuilder's `'*'` (last writer
 * wins). When another instance saved the same conversation in between, the save fails with the
 * storage's eTag conflict and the turn runner (`src/consistentTurns.ts`) reruns the turn on the
 * fresh state, so no update is lost. A conversation's first save (nothing was read) creates the
 * document unconditionally. Changes are told by snapshot (see trackedState.ts).
 */
export class OptimisticConversationState extends trackingChanges(ConversationState, (readETag) => readETag ?? '*') {}

/** Whether a storage error means "someone else saved this document since you read it". */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, message } = error as { statusCode?: unknown; message?: unknown };
  return statusCode === 412 || (typeof message === 'string' && message.includes('eTag conflict'));
}
