import { randomUUID } from 'node:crypto';
import { ActivityTypes, ConversationState, TestAdapter, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, NumberPrompt, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { CREATE_ONLY_ETAG } from '../../src/domain/storage/optimisticConversationState.js';
import type { RecordStore, StoredRecord } from '../../src/domain/storage/records.js';

/** Keys botbuilder's own storage tests call "crazy", and Unicode ones. */
export const ODD_KEYS = [
  `!@#$%^&*()~/\\><,.?';"\`~`,
  'användare/ärende: Prenumerationer – snabb återkallelse',
  '日本語のキー/😀',
  'key with spaces and %20 and + and #hash',
];

/** Values of every JSON kind, including text that is not ASCII. */
const RICH_VALUE = {
  text: 'Avsluta abonnemang – «snabb återkallelse» 😀',
  number: 42.5,
  flag: true,
  nothing: null,
  list: [1, 'två', { three: 3 }],
  nested: { deeper: { deepest: 'ö' } },
};

/**
 * The botbuilder `Storage` contract, covering what botbuilder's own storage tests cover: create,
 * read, update with and without an eTag, delete, batches, odd keys, and a dialog that keeps its
 * place between turns; and the create-only write a conversation's first save uses. Every test uses fresh keys, so one backing store can serve the whole suite.
 */
export function runStorageContract(name: string, makeStorage: () => Storage | Promise<Storage>): void {
  describe(`${name}: the botbuilder Storage contract`, () => {
    let storage: Storage;
    let prefix: string;
    const key = (name: string) => `${prefix}/${name}`;

    beforeEach(async () => {
      storage = await makeStorage();
      prefix = `contract-${randomUUID()}`;
    });

    test('reading keys never written returns nothing for them', async () => {
      expect(await storage.read([key('missing')])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    test('reading without keys or writing without changes is refused', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow();
      await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow();
    });

    test('writing no items is accepted and stores nothing', async () => {
      await storage.write({});
      expect(await storage.read([key('a')])).toEqual({});
    });

    test('a created item reads back with its values and a real eTag', async () => {
      await storage.write({ [key('rich')]: RICH_VALUE, [key('with-star')]: { count: 1, eTag: '*' } });
      const items = await storage.read([key('rich'), key('with-star')]);
      expect(items[key('rich')]).toEqual({ ...RICH_VALUE, eTag: expect.any(String) });
      expect(items[key('with-star')]).toEqual({ count: 1, eTag: expect.any(String) });
      for (const item of Object.values(items)) {
        expect(item.eTag).not.toBe('*');
        expect(item.eTag).not.toBe('');
      }
    });

    test.each(ODD_KEYS)('the key %j round-trips', async (oddKey) => {
      const full = key(oddKey);
      await storage.write({ [full]: { value: oddKey } });
      const items = await storage.read([full]);
      expect(Object.keys(items)).toEqual([full]);
      expect(items[full]?.value).toBe(oddKey);
      await storage.delete([full]);
      expect(await storage.read([full])).toEqual({});
    });

    test('an update with the eTag just read succeeds and gives a new eTag', async () => {
      await storage.write({ [key('doc')]: { count: 1 } });
      const first = (await storage.read([key('doc')]))[key('doc')]!;
      await storage.write({ [key('doc')]: { ...first, count: 2 } });
      const second = (await storage.read([key('doc')]))[key('doc')]!;
      expect(second.count).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    test('an update with a stale eTag fails and leaves the stored item as it was', async () => {
      await storage.write({ [key('doc')]: { count: 1 } });
      const stale = (await storage.read([key('doc')]))[key('doc')]!;
      await storage.write({ [key('doc')]: { ...stale, count: 2 } });
      await expect(storage.write({ [key('doc')]: { ...stale, count: 99 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read([key('doc')]))[key('doc')]?.count).toBe(2);
    });

    test("an update with eTag '*' overwrites whatever is stored", async () => {
      await storage.write({ [key('doc')]: { count: 1 } });
      const read = (await storage.read([key('doc')]))[key('doc')]!;
      await storage.write({ [key('doc')]: { ...read, count: 2 } });
      await storage.write({ [key('doc')]: { count: 3, eTag: '*' } });
      expect((await storage.read([key('doc')]))[key('doc')]).toEqual({ count: 3, eTag: expect.any(String) });
    });

    test('an update without an eTag overwrites whatever is stored', async () => {
      await storage.write({ [key('doc')]: { count: 1, removed: 'yes' } });
      await storage.write({ [key('doc')]: { count: 2 } });
      expect((await storage.read([key('doc')]))[key('doc')]).toEqual({ count: 2, eTag: expect.any(String) });
    });

    test('changing an item that was read does not change what is stored', async () => {
      await storage.write({ [key('doc')]: { nested: { count: 1 } } });
      const read = (await storage.read([key('doc')]))[key('doc')]!;
      (read.nested as { count: number }).count = 99;
      expect((await storage.read([key('doc')]))[key('doc')]?.nested).toEqual({ count: 1 });
    });

    test('delete removes an item, and deleting it again or a key never written is fine', async () => {
      await storage.write({ [key('doc')]: { count: 1 } });
      await storage.delete([key('doc')]);
      expect(await storage.read([key('doc')])).toEqual({});
      await storage.delete([key('doc')]);
      await storage.delete([key('never-written')]);
      expect(await storage.read([key('doc'), key('never-written')])).toEqual({});
    });

    test('an item can be written again after it was deleted', async () => {
      await storage.write({ [key('doc')]: { count: 1 } });
      await storage.delete([key('doc')]);
      await storage.write({ [key('doc')]: { count: 5 } });
      expect((await storage.read([key('doc')]))[key('doc')]?.count).toBe(5);
    });

    test('a create-only write creates a missing item, and fails with the eTag conflict on one that exists', async () => {
      await storage.write({ [key('doc')]: { count: 1, eTag: CREATE_ONLY_ETAG } });
      const created = (await storage.read([key('doc')]))[key('doc')]!;
      expect(created).toEqual({ count: 1, eTag: expect.any(String) });
      expect(created.eTag).not.toBe(CREATE_ONLY_ETAG);
      await expect(storage.write({ [key('doc')]: { count: 2, eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read([key('doc')]))[key('doc')]?.count).toBe(1);
      // In one batch with ordinary writes, each item keeps its own rule.
      await storage.write({ [key('new')]: { n: 1, eTag: CREATE_ONLY_ETAG }, [key('doc')]: { count: 3, eTag: '*' } });
      const items = await storage.read([key('new'), key('doc')]);
      expect([items[key('new')]?.n, items[key('doc')]?.count]).toEqual([1, 3]);
    });

    test('of ten create-only writes of one item at once, exactly one succeeds', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) => storage.write({ [key('raced')]: { writer, eTag: CREATE_ONLY_ETAG } })),
      );
      const succeeded = outcomes.flatMap((outcome, writer) => (outcome.status === 'fulfilled' ? [writer] : []));
      expect(succeeded).toHaveLength(1);
      for (const outcome of outcomes) if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/eTag conflict/);
      expect((await storage.read([key('raced')]))[key('raced')]?.writer).toBe(succeeded[0]);
    });

    test('batches: several written, read (only what exists comes back) and deleted at once', async () => {
      await storage.write({ [key('one')]: { n: 1 }, [key('two')]: { n: 2 }, [key('three')]: { n: 3 } });
      const items = await storage.read([key('one'), key('missing'), key('two'), key('three')]);
      expect(Object.keys(items).sort()).toEqual([key('one'), key('three'), key('two')].sort());
      expect([items[key('one')]?.n, items[key('two')]?.n, items[key('three')]?.n]).toEqual([1, 2, 3]);
      await storage.delete([key('one'), key('two'), key('missing')]);
      expect(Object.keys(await storage.read([key('one'), key('two'), key('three')]))).toEqual([key('three')]);
    });

    test('a waterfall dialog keeps its place and its values between turns, through storage alone', async () => {
      // Fresh state objects every turn: only the storage carries the dialog from one turn to the next.
      const runTurn = async (context: TurnContext) => {
        const conversationState = new ConversationState(storage);
        const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
        dialogs.add(new TextPrompt('plan'));
        dialogs.add(new NumberPrompt('licenses', undefined, 'en-us'));
        dialogs.add(
          new WaterfallDialog('order', [
            async (step) => step.prompt('plan', 'Which plan?'),
            async (step) => {
              (step.values as { plan?: unknown }).plan = step.result;
              return step.prompt('licenses', { prompt: 'How many licenses?', retryPrompt: 'A number, please.' });
            },
            async (step) => {
              await step.context.sendActivity(`${(step.values as { plan?: unknown }).plan}: ${step.result}`);
              return step.endDialog();
            },
          ]),
        );
        const dialogContext = await dialogs.createContext(context);
        const result = await dialogContext.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog('order');
        await conversationState.saveChanges(context);
      };
      const adapter = new TestAdapter(runTurn);
      adapter.conversation.conversation.id = `${prefix}-dialog`;
      await adapter
        .send('hello')
        .assertReply('Which plan?')
        .send('Enterprise')
        .assertReply('How many licenses?')
        .send('many')
        .assertReply('A number, please.')
        .send('12')
        .assertReply('Enterprise: 12')
        .send({ type: ActivityTypes.Message, text: 'again' })
        .assertReply('Which plan?')
        .startTest();
      // ConversationState's key, namespace '' included.
      const stateKey = `${adapter.conversation.channelId}/conversations/${prefix}-dialog/`;
      expect(Object.keys(await storage.read([stateKey]))).toEqual([stateKey]);
    });
  });
}

/** A record as the record stores keep them; `text` carries characters that must survive. */
export interface SampleRecord extends StoredRecord {
  kind: 'feedback' | 'case';
  text: string;
}

const sample = (createdAt: string, kind: SampleRecord['kind'] = 'feedback', text = 'ok'): SampleRecord => ({
  id: randomUUID(),
  createdAt,
  kind,
  text,
});

/** What every record store (feedback, cases, outcomes) promises, whatever it is built on. */
export function runRecordStoreContract(name: string, makeStore: () => RecordStore<SampleRecord> | Promise<RecordStore<SampleRecord>>): void {
  describe(`${name}: the record store contract`, () => {
    let store: RecordStore<SampleRecord>;

    beforeEach(async () => {
      store = await makeStore();
    });

    test('an empty store lists nothing and removes nothing', async () => {
      expect(await store.list()).toEqual([]);
      expect(await store.removeWhere(() => true)).toBe(0);
    });

    test('records come back oldest first, across days, whatever order they were inserted in', async () => {
      const records = [
        sample('2026-03-02T10:00:00.000Z'),
        sample('2026-03-01T23:59:59.999Z'),
        sample('2026-03-02T09:00:00.000Z'),
        sample('2026-03-04T00:00:00.000Z'),
      ];
      for (const record of records) await store.insert(record);
      expect((await store.list()).map((record) => record.createdAt)).toEqual([
        '2026-03-01T23:59:59.999Z',
        '2026-03-02T09:00:00.000Z',
        '2026-03-02T10:00:00.000Z',
        '2026-03-04T00:00:00.000Z',
      ]);
    });

    test('from/to select by day (a date includes the whole day) or by timestamp, and where filters', async () => {
      const records = [
        sample('2026-03-01T12:00:00.000Z', 'case'),
        sample('2026-03-02T08:00:00.000Z'),
        sample('2026-03-02T20:00:00.000Z', 'case'),
        sample('2026-03-03T01:00:00.000Z'),
      ];
      for (const record of records) await store.insert(record);
      const times = (list: SampleRecord[]) => list.map((record) => record.createdAt);
      expect(times(await store.list({ from: '2026-03-02', to: '2026-03-02' }))).toEqual([
        '2026-03-02T08:00:00.000Z',
        '2026-03-02T20:00:00.000Z',
      ]);
      expect(times(await store.list({ from: '2026-03-02T09:00:00.000Z' }))).toEqual([
        '2026-03-02T20:00:00.000Z',
        '2026-03-03T01:00:00.000Z',
      ]);
      expect(times(await store.list({ to: '2026-03-02T08:00:00.000Z' }))).toEqual([
        '2026-03-01T12:00:00.000Z',
        '2026-03-02T08:00:00.000Z',
      ]);
      expect(times(await store.list({ where: (record) => record.kind === 'case' }))).toEqual([
        '2026-03-01T12:00:00.000Z',
        '2026-03-02T20:00:00.000Z',
      ]);
    });

    test('text with quotes, newlines, slashes and Unicode round-trips unchanged', async () => {
      const text = `rad ett\nrad två "citat" \\ / 😀 ${ODD_KEYS[0]}\u2028`;
      const record = sample('2026-03-05T10:00:00.000Z', 'feedback', text);
      await store.insert(record);
      expect(await store.list()).toEqual([record]);
    });

    test('fifty inserts on the same day at once are all kept', async () => {
      const records = Array.from({ length: 50 }, (_, i) => sample(`2026-03-06T10:00:${String(i).padStart(2, '0')}.000Z`));
      await Promise.all(records.map((record) => store.insert(record)));
      const listed = await store.list({ from: '2026-03-06', to: '2026-03-06' });
      expect(listed.map((record) => record.id).sort()).toEqual(records.map((record) => record.id).sort());
    });

    test('removeWhere removes exactly the matching records, on every day, and says how many', async () => {
      const keep = [sample('2026-03-07T10:00:00.000Z'), sample('2026-03-08T10:00:00.000Z')];
      const remove = [sample('2026-03-07T11:00:00.000Z', 'case'), sample('2026-03-09T11:00:00.000Z', 'case')];
      for (const record of [...keep, ...remove]) await store.insert(record);
      expect(await store.removeWhere((record) => record.kind === 'case')).toBe(2);
      expect(await store.removeWhere((record) => record.kind === 'case')).toBe(0);
      expect((await store.list()).map((record) => record.id)).toEqual(keep.map((record) => record.id));
      const later = sample('2026-03-07T12:00:00.000Z');
      await store.insert(later);
      expect((await store.list({ from: '2026-03-07', to: '2026-03-07' })).map((record) => record.id)).toEqual([keep[0]!.id, later.id]);
    });

    test('changing a listed record does not change what is stored', async () => {
      const record = sample('2026-03-10T10:00:00.000Z', 'feedback', 'original');
      await store.insert(record);
      const [listed] = await store.list();
      listed!.text = 'changed';
      expect((await store.list())[0]?.text).toBe('original');
    });
  });
}
