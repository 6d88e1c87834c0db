import { ConversationState, calculateChangeHash, type TurnContext } from 'botbuilder';

/** What this turn read: the eTag to write against, and the state's hash to tell whether it changed. */
interface ReadMark {
  eTag: string | undefined;
  hash: string;
  state: object;
}

const READ_MARK = Symbol('conversationStateRead');

/**
 * Conversation state saved with the eTag it was read with, instead of botbuilder's `'*'` (last writer
 * wins). When another instance saved the same conversation in between, the save fails with the
 * storage's eTag conflict and the turn runner (`src/consistentTurns.ts`) reruns the turn on the
 * fresh state, so no update is lost. A conversation's first save (nothing was read) creates the
 * document unconditionally.
 */
export class OptimisticConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<any> {
    const before = this.get(context);
    const state = (await super.load(context, force)) as Record<string, unknown>;
    if (state !== before) {
      const eTag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : undefined;
      context.turnState.set(READ_MARK, { eTag, hash: calculateChangeHash(state), state } satisfies ReadMark);
    }
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as Record<string, unknown> | undefined;
    if (!state) return super.saveChanges(context, force);
    const read = context.turnState.get(READ_MARK) as ReadMark | undefined;
    const hash = calculateChangeHash(state);
    const unchanged = read?.state === state && read.hash === hash;
    if (unchanged && !force) return;
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: { ...state, eTag: read?.eTag ?? '*' } });
    // The new eTag is not returned by Storage.write: a second save in this same turn overwrites.
    context.turnState.set(READ_MARK, { eTag: undefined, hash, state } satisfies ReadMark);
  }
}

/** Whether a storage error means "someone else saved this document since you read it". */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, message } = error as { statusCode?: unknown; message?: unknown };
  return statusCode === 412 || (typeof message === 'string' && message.includes('eTag conflict'));
}
