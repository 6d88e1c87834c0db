import { ConversationState } from 'botbuilder';
import { trackingChanges } from './trackedState.js';

/**
 * The eTag of a save that may only create the document: it fails with the eTag conflict when one
 * exists. lowdb and botbuilder's MemoryStorage already treat any eTag they did not give that way
 * (absent: created; present: conflict); on Azure Blob Storage, `BlobStateStorage` turns it into
 * If-None-Match.
 */
export const CREATE_ONLY_ETAG = 'create-only';

/**
 * Conversation state saved with the eTag it was read with, instead of botbuilder's `'*'` (last writer
 * wins). When another instance saved the same conversation in between, the save fails with the
 * storage's eTag conflict and the turn runner (`src/bot/consistentTurns.ts`) reruns the turn on the
 * fresh state, so no update is lost. A conversation's first save (nothing was read) only creates:
 * two instances racing on a new conversation's first turns do not both create it. Changes are told
 * by snapshot (see trackedState.ts).
 */
export class OptimisticConversationState extends trackingChanges(ConversationState, (readETag) => readETag ?? CREATE_ONLY_ETAG) {}

/** Whether a storage error means "someone else saved this document since you read it". */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, message } = error as { statusCode?: unknown; message?: unknown };
  return statusCode === 412 || (typeof message === 'string' && message.includes('eTag conflict'));
}
