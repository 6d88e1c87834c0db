import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import type { CaseRecord } from '../src/domain/storage/records.js';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { testConfig } from '../src/domain/config.js';
import { BlobRecordStore } from '../src/domain/storage/blobRecordStore.js';
import { BlobStateStorage } from '../src/domain/storage/blobStateStorage.js';
import { CREATE_ONLY_ETAG } from '../src/domain/storage/optimisticConversationState.js';
import { createStores } from '../src/domain/storage/index.js';
import { hashId } from '../src/domain/outcomes.js';
import { removeDataDir, startApp } from './support/app.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { ODD_KEYS, runRecordStoreContract, runStorageContract, type SampleRecord } from './support/storageContract.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 120_000);
afterAll(() => azurite?.stop());

// What STORAGE=blob uses for state: BlobsStorage's layout and rules, with create-only writes added.
runStorageContract('BlobStateStorage on Azurite', () => new BlobStateStorage(new ContainerClient(azurite.connectionString, 'contract-state')));
// A fresh prefix per test: each starts from an empty store in the one container.
runRecordStoreContract(
  'BlobRecordStore on Azurite',
  () => new BlobRecordStore<SampleRecord>(new ContainerClient(azurite.connectionString, 'contract-records'), `records/${randomUUID()}`),
);

test('STORAGE=blob puts state and every kind of record in the configured container', async () => {
  const config = testConfig({ storage: 'blob', blobConnectionString: azurite.connectionString, blobContainer: 'stores-choice' });
  const stores = createStores(config);
  await stores.state.write({ 'test/conversations/chosen': { step: 1 } });
  const createdAt = new Date().toISOString();
  await stores.feedback.insert({ id: 'f1', createdAt, reason: null, locale: 'sv' });
  await stores.outcomes.insert({ id: 'o1', createdAt, conversationKey: 'k', path: 'menu', locale: 'en' });
  await stores.cases.insert({ id: 'c1', createdAt, reference: 'R1', locale: 'sv', userKey: 'u', details: {}, transcriptSummary: [] });

  const names: string[] = [];
  for await (const blob of new ContainerClient(azurite.connectionString, 'stores-choice').listBlobsFlat()) names.push(blob.name);
  const day = createdAt.slice(0, 10);
  const batch = (kind: string) => new RegExp(`^records/${kind}/${day}/${createdAt.replace(/[.]/g, '[.]')}_[0-9a-f-]{36}[.]jsonl$`);
  expect(names.sort()).toEqual([
    expect.stringMatching(batch('cases')),
    expect.stringMatching(batch('feedback')),
    expect.stringMatching(batch('outcomes')),
    encodeURIComponent('test/conversations/chosen'),
  ]);
  expect((await stores.feedback.list()).map((record) => record.id)).toEqual(['f1']);
});

test("a create-only write stores the blob BlobsStorage itself would, under the same name", async () => {
  const connection = azurite.connectionString;
  const ours = new BlobStateStorage(new ContainerClient(connection, 'create-only-shape'));
  const key = `test/conversations/${randomUUID()}/åäö 😀/`;
  await ours.write({ [key]: { dialogState: { step: 1 }, name: 'Åsa', eTag: CREATE_ONLY_ETAG } });
  const plain = new BlobsStorage(connection, 'create-only-shape');
  const read = (await plain.read([key]))[key];
  expect(read).toEqual({ dialogState: { step: 1 }, name: 'Åsa', eTag: expect.any(String) });
  // And BlobsStorage's own update against that eTag goes through.
  await plain.write({ [key]: { ...read, name: 'Åsa Öberg' } });
  expect((await ours.read([key]))[key]?.name).toBe('Åsa Öberg');
});

test.each(ODD_KEYS)('state BlobsStorage stored under %j is read, updated against its eTag and read back by either', async (oddKey) => {
  const connection = azurite.connectionString;
  const theirs = new BlobsStorage(connection, 'shared-layout');
  const ours = new BlobStateStorage(new ContainerClient(connection, 'shared-layout'));
  const key = `test/users/${randomUUID()}/${oddKey}`;
  await theirs.write({ [key]: { language: 'sv', name: 'Åsa 😀' } });
  const read = (await ours.read([key]))[key]!;
  expect(read).toEqual({ language: 'sv', name: 'Åsa 😀', eTag: expect.any(String) });
  await ours.write({ [key]: { ...read, language: 'en' } });
  // The eTag BlobsStorage read before our update is stale now, for either of them.
  await expect(ours.write({ [key]: { ...read, language: 'de' } })).rejects.toThrow(/eTag conflict/);
  expect((await theirs.read([key]))[key]).toEqual({ language: 'en', name: 'Åsa 😀', eTag: expect.any(String) });
  await ours.delete([key]);
  expect(await theirs.read([key])).toEqual({});
});

describe('records on blob storage', () => {
  const container = () => new ContainerClient(azurite.connectionString, 'record-layouts');
  const caseRecord = (id: string, createdAt: string, userKey: string): CaseRecord => ({
    id, createdAt, reference: `R-${id}`, locale: 'sv', userKey, details: { name: 'Åsa' }, transcriptSummary: ['avsluta nu'],
  });
  /** A record as inserts stored it before batches: a blob of its own, `<createdAt>_<id>.json`. */
  const storeInOldLayout = async (prefix: string, record: CaseRecord) => {
    const body = JSON.stringify(record);
    const name = `${prefix}/${record.createdAt.slice(0, 10)}/${record.createdAt}_${encodeURIComponent(record.id)}.json`;
    await container().getBlockBlobClient(name).upload(body, Buffer.byteLength(body));
  };
  const blobNames = async (prefix: string) => {
    const names: string[] = [];
    for await (const blob of container().listBlobsFlat({ prefix: `${prefix}/` })) names.push(blob.name);
    return names;
  };

  test('records stored one blob each (the layout before batches) are listed beside new ones, and removed when asked', async () => {
    const prefix = `records/${randomUUID()}`;
    await container().createIfNotExists();
    const old = [caseRecord('old-1', '2026-03-01T10:00:00.000Z', 'admin-a'), caseRecord('old-2', '2026-03-01T11:00:00.000Z', 'admin-b')];
    for (const record of old) await storeInOldLayout(prefix, record);
    const store = new BlobRecordStore<CaseRecord>(container(), prefix);
    const fresh = [caseRecord('new-1', '2026-03-01T12:00:00.000Z', 'admin-a'), caseRecord('new-2', '2026-03-02T09:00:00.000Z', 'admin-b')];
    for (const record of fresh) await store.insert(record);

    expect((await store.list()).map((record) => record.id)).toEqual(['old-1', 'old-2', 'new-1', 'new-2']);
    expect(await store.list({ from: '2026-03-01', to: '2026-03-01', where: (record) => record.userKey === 'admin-b' })).toEqual([old[1]]);
    // Data deletion: every case of one admin goes, in either layout; the others stay as they were.
    expect(await store.removeWhere((record) => record.userKey === 'admin-a')).toBe(2);
    expect(await store.list()).toEqual([old[1], fresh[1]]);
    expect((await blobNames(prefix)).some((name) => name.endsWith('_old-1.json'))).toBe(false);
  });

  test('inserts that arrive together are stored in one blob; removing some keeps the others in it', async () => {
    const prefix = `records/${randomUUID()}`;
    const store = new BlobRecordStore<CaseRecord>(container(), prefix);
    await store.insert(caseRecord('first', '2026-04-01T08:00:00.000Z', 'admin-a'));
    const together = Array.from({ length: 20 }, (_, i) => caseRecord(`c${i}`, `2026-04-01T09:00:${String(i).padStart(2, '0')}.000Z`, i % 2 ? 'admin-a' : 'admin-b'));
    await Promise.all(together.map((record) => store.insert(record)));
    // The first insert's blob, and the twenty of one turn of the event loop in one more.
    expect(await blobNames(prefix)).toHaveLength(2);
    expect(await store.removeWhere((record) => record.userKey === 'admin-a')).toBe(11);
    expect((await store.list()).map((record) => record.id)).toEqual(together.filter((_, i) => i % 2 === 0).map((record) => record.id));
    expect(await blobNames(prefix)).toHaveLength(1);
  });

  test('a failed upload fails the inserts waiting for it, and the next inserts are stored', async () => {
    const prefix = `records/${randomUUID()}`;
    const missing = new ContainerClient(azurite.connectionString, `gone-${randomUUID().slice(0, 8)}`);
    const store = new BlobRecordStore<CaseRecord>(missing, prefix);
    await store.insert(caseRecord('before', '2026-05-01T08:00:00.000Z', 'admin-a'));
    await missing.delete();
    await expect(store.insert(caseRecord('lost', '2026-05-01T09:00:00.000Z', 'admin-a'))).rejects.toThrow();
    await missing.create();
    await store.insert(caseRecord('after', '2026-05-01T10:00:00.000Z', 'admin-a'));
    expect((await store.list()).map((record) => record.id)).toEqual(['after']);
  });
});

test('"delete my data" on blob storage removes the admin\'s cases from a batch shared with another admin\'s, and keeps those', async () => {
  const running = await startApp({ storage: 'blob', blobConnectionString: azurite.connectionString, blobContainer: 'privacy-batches' });
  try {
    const userId = `29:user-${randomUUID()}`;
    const otherUser = `29:other-${randomUUID()}`;
    const createdAt = new Date().toISOString();
    const caseOf = (user: string, n: number): CaseRecord => ({
      id: randomUUID(), createdAt, reference: `CA-${n}`, locale: 'sv', userKey: hashId(user), details: { contactName: 'Åsa' }, transcriptSummary: [],
    });
    // Stored together: one batch blob holds both admins' cases.
    await Promise.all([caseOf(userId, 1), caseOf(otherUser, 2), caseOf(userId, 3)].map((record) => running.app.stores.cases.insert(record)));
    const casesOf = async (user: string) => (await running.app.stores.cases.list({ where: (record) => record.userKey === hashId(user) })).map((record) => record.reference);
    expect(await casesOf(userId)).toEqual(['CA-1', 'CA-3']);
    const caseBlobs: string[] = [];
    for await (const blob of new ContainerClient(azurite.connectionString, 'privacy-batches').listBlobsFlat({ prefix: 'records/cases/' })) caseBlobs.push(blob.name);
    expect(caseBlobs).toHaveLength(1);

    const conversation = { conversationId: `erase-${randomUUID()}`, userId, locale: 'sv-SE' };
    await say(running.url, 'radera mina uppgifter', conversation);
    const replies = await say(running.url, 'ja', conversation);
    expect(replies.filter((reply) => reply.type === 'message').map((reply) => reply.text)).toEqual([text('sv', 'privacy:deleted')]);
    expect(await casesOf(userId)).toEqual([]);
    expect(await casesOf(otherUser)).toEqual(['CA-2']);
  } finally {
    await running.close();
    removeDataDir(running.dataDir);
  }
}, 60_000);
