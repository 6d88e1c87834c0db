import { KeyedMutex } from './keyedMutex.js';

/**
 * Group commit, per key (the JSON Lines and blob record stores: per day). Items added while a commit
 * of their key is running go out together in the next commit: one write for the records of many turns
 * instead of a queue of writes. Each `add` resolves only once its own item is committed, and fails
 * if that commit did. Commits of a key run one at a time, in order, under `locks`, which the store
 * may share with its other writes of the same key.
 */
export class GroupCommit<I> {
  private readonly waiting = new Map<string, { items: I[]; committed: Promise<void> }>();

  constructor(
    private readonly commit: (key: string, items: I[]) => Promise<void>,
    private readonly locks = new KeyedMutex(),
  ) {}

  add(key: string, item: I): Promise<void> {
    let batch = this.waiting.get(key);
    if (!batch) {
      const items: I[] = [];
      const committed = this.locks.run(key, () => {
        // From here on, new items wait for the next commit.
        this.waiting.delete(key);
        return this.commit(key, items);
      });
      batch = { items, committed };
      this.waiting.set(key, batch);
    }
    batch.items.push(item);
    return batch.committed;
  }
}
