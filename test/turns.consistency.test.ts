import { randomUUID } from 'node:crypto';
import { MemoryStorage, TestAdapter, type Storage, type StoreItems } from 'botbuilder';
import { ConsistentTurns } from '../src/bot/consistentTurns.js';
import { createLogger } from '../src/domain/logger.js';
import { BotStates } from '../src/bot/state.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { MemoryRecordStore, type FeedbackRecord } from '../src/domain/storage/records.js';
import { makeDataDir, removeDataDir, startApp } from './support/app.js';
import { conversationKey, storedTurnCount } from './support/conversationState.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { NUMBER_NOT_IN_MENU } from './support/menu.js';

/** A storage where another instance saves the conversation right after this turn read it, `times` times. */
class InterferingStorage extends MemoryStorage {
  constructor(public times: number) {
    super();
  }

  override async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      if (this.times > 0 && key.includes('/conversations/') && change.eTag !== '*' && change.eTag !== undefined) {
        this.times -= 1;
        const current = (await this.read([key]))[key] ?? {};
        // The other instance counted one turn of its own.
        await super.write({ [key]: { ...current, turnCount: ((current.turnCount as number) ?? 0) + 1, eTag: '*' } });
      }
    }
    return super.write(changes);
  }
}

/** Memory storage that remembers the keys of every read. */
class ReadRecordingStorage extends MemoryStorage {
  readonly readKeys: string[] = [];

  override read(keys: string[]) {
    this.readKeys.push(...keys);
    return super.read(keys);
  }
}

function turnRig(storage: Storage, feedback = new MemoryRecordStore<FeedbackRecord>()) {
  const states = new BotStates(storage);
  const turns = new ConsistentTurns(states, createLogger('silent'), { retryJitterMs: 1 });
  const stores = turns.deferInserts({ ...createMemoryStores(), feedback });
  let runs = 0;
  const adapter = new TestAdapter(async (context) =>
    turns.run(context, async () => {
      runs += 1;
      const count = await turns.turnCount.get(context, 0);
      await context.sendActivity(`turn ${count}`);
      await stores.feedback.insert({ id: randomUUID(), createdAt: new Date().toISOString(), reason: null, locale: 'en' });
      await states.conversationState.saveChanges(context);
    }),
  );
  return { adapter, feedback, runs: () => runs };
}

describe('a turn that loses a race with another instance', () => {
  test('reruns on the fresh state: the user sees one answer, one record is stored, no update is lost', async () => {
    const storage = new InterferingStorage(0);
    const rig = turnRig(storage);
    await rig.adapter.send('first').assertReply('turn 1').startTest();

    storage.times = 2; // the next turn loses twice before it wins
    await rig.adapter.send('second').assertReply('turn 4').startTest();
    expect(rig.runs()).toBe(1 + 3);
    expect(rig.feedback.records).toHaveLength(2);
    expect((await storage.read([conversationKey('Convo1')]))[conversationKey('Convo1')]?.turnCount).toBe(4);
  });

  test("a new conversation's first turn that loses the race to create it reruns on what the other instance saved", async () => {
    const storage = new InterferingStorage(1);
    const rig = turnRig(storage);
    // The other instance creates the conversation (its turn 1) between this turn's read and save.
    await rig.adapter.send('first').assertReply('turn 2').startTest();
    expect(rig.runs()).toBe(2);
    expect(rig.feedback.records).toHaveLength(1);
    expect((await storage.read([conversationKey('Convo1')]))[conversationKey('Convo1')]?.turnCount).toBe(2);
  });

  test("reads the conversation's state only: the user's profile waits until the turn asks for it (one round trip, not two)", async () => {
    const storage = new ReadRecordingStorage();
    const rig = turnRig(storage);
    await rig.adapter.send('first').assertReply('turn 1').send('second').assertReply('turn 2').startTest();
    expect(storage.readKeys.filter((key) => key.includes('/users/'))).toEqual([]);
    expect(storage.readKeys.filter((key) => key.includes('/conversations/'))).toHaveLength(2);
  });

  test('gives up after a bounded number of attempts, sends nothing but fails, and stores nothing', async () => {
    const storage = new InterferingStorage(0);
    const rig = turnRig(storage);
    await rig.adapter.send('first').startTest();
    // From the next turn on, the other instance always saves in between.
    storage.times = 1000;
    const failures: unknown[] = [];
    rig.adapter.onTurnError = async (_context, error) => void failures.push(error);
    await rig.adapter.send('second').startTest();
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/eTag conflict/);
    expect(rig.runs()).toBe(1 + 8);
    expect(rig.feedback.records).toHaveLength(1);
  });
});

test('turns of one conversation arriving together on one server are serialized: every one is counted', async () => {
  const dataDir = makeDataDir();
  const app = await startApp({ dataDir });
  try {
    const conversation = { conversationId: `together-${randomUUID()}`, locale: 'en-US' };
    await say(app.url, 'hello', conversation);
    const replies = await Promise.all(Array.from({ length: 20 }, () => say(app.url, NUMBER_NOT_IN_MENU, conversation)));
    for (const reply of replies) expect(reply.map((activity) => activity.text)).toEqual([text('en', 'menu.retry')]);
    expect(await storedTurnCount(app.app.stores.state, conversation.conversationId)).toBe(21);
  } finally {
    await app.close();
    removeDataDir(dataDir);
  }
});

test('a record insert that fails after the state was saved: the user hears the error, not silence', async () => {
  const feedback = new MemoryRecordStore<FeedbackRecord>();
  feedback.insert = async () => {
    throw new Error('ECONNREFUSED');
  };
  const rig = turnRig(new MemoryStorage(), feedback);
  rig.adapter.onTurnError = async (context) => void (await context.sendActivity('sorry, that did not save'));
  // Not "turn 1" first: the turn's own answer is held back and dropped.
  await rig.adapter.send('too expensive').assertReply('sorry, that did not save').startTest();
});
