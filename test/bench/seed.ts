import { LowdbStorage } from '../../src/domain/storage/lowdbStorage.js';

/**
 * Writes `count` stored conversations (and their users) the way the bot stores them, many at a time,
 * so the lowdb benchmark runs against a full store. The state is a real one, read from a conversation
 * the bot has had.
 */
export async function seedConversations(stateDir: string, count: number, sample: { conversation: object; user: object }): Promise<void> {
  const storage = new LowdbStorage(stateDir);
  const batch = 500;
  const parallel = 8;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + batch);
      const changes: Record<string, object> = {};
      for (let i = from; i < next; i += 1) {
        changes[`bench/conversations/seeded-${i}/`] = { ...sample.conversation, eTag: '*' };
        changes[`bench/users/admin-seeded-${i}/`] = { ...sample.user, eTag: '*' };
      }
      await storage.write(changes);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
