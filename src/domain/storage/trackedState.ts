import { UserState, type BotState, type TurnContext } from 'botbuilder';
import { jsonAsRead, jsonToWrite } from './documentJson.js';

/**
 * What botbuilder's BotState keeps for a turn, under its own private key (read by `get`, `clear` and
 * `delete`): the state, and what it was when read or last saved (`hash`: here, its snapshot).
 */
interface CachedState {
  state: Record<string, unknown>;
  hash: string;
  /** The eTag the state was read with (conversation state saves against it); `'*'` once this turn saved it. */
  eTag?: string;
}

/**
 * The text a state is compared by to tell whether the turn changed it: its JSON without the eTag.
 * botbuilder's `calculateChangeHash` does the same with a stringify written in JavaScript and a
 * SHA-256 on top, on every load and save of every state; native JSON.stringify is several times
 * cheaper and tells the same.
 */
function stateSnapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

function cacheKey(botState: BotState): symbol {
  return (botState as unknown as { stateKey: symbol }).stateKey;
}

function cachedState(botState: BotState, context: TurnContext): CachedState | undefined {
  return context.turnState.get(cacheKey(botState)) as CachedState | undefined;
}

function cacheState(botState: BotState, context: TurnContext, cached: CachedState): void {
  context.turnState.set(cacheKey(botState), cached);
}

type BotStateClass = new (...args: any[]) => BotState;

/**
 * A BotState that tells changes by snapshot (read once per turn unless `force`; saved only when
 * changed or `force`), and saves with the eTag `saveETag` picks from the one it was read with.
 */
export function trackingChanges<T extends BotStateClass>(Base: T, saveETag: (readETag: string | undefined) => string) {
  return class TrackedState extends Base {
    override async load(context: TurnContext, force = false): Promise<any> {
      const cached = cachedState(this, context);
      if (!force && cached?.state) return cached.state;
      const key = await this.storageKey(context);
      const state = ((await this.storage.read([key]))[key] as Record<string, unknown> | undefined) ?? {};
      const eTag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : undefined;
      // The store may already have the JSON it parsed the state from: the same text.
      cacheState(this, context, { state, hash: jsonAsRead.get(state) ?? stateSnapshot(state), eTag });
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      const cached = cachedState(this, context) ?? (force ? { state: {}, hash: '' } : undefined);
      if (!cached) return;
      const snapshot = stateSnapshot(cached.state);
      if (!force && snapshot === cached.hash) return;
      const key = await this.storageKey(context);
      const change = { ...cached.state, eTag: saveETag(cached.eTag) };
      jsonToWrite.set(change, snapshot);
      await this.storage.write({ [key]: change });
      // The new eTag is not returned by Storage.write: a second save in this same turn overwrites.
      cacheState(this, context, { state: cached.state, hash: snapshot, eTag: '*' });
    }
  };
}

/** User state, told by snapshot and saved as botbuilder saves it: eTag `'*'` (a profile is last-writer-wins). */
export class TrackedUserState extends trackingChanges(UserState, () => '*') {}
