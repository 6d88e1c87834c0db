import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { testConfig } from '../src/domain/config.js';
import { BlobRecordStore } from '../src/domain/storage/blobRecordStore.js';
import { BlobStateStorage } from '../src/domain/storage/blobStateStorage.js';
import { CREATE_ONLY_ETAG } from '../src/domain/storage/optimisticConversationState.js';
import { createStores } from '../src/domain/storage/index.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { runRecordStoreContract, runStorageContract, type SampleRecord } from './support/storageContract.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 120_000);
afterAll(() => azurite?.stop());

// What STORAGE=blob uses for state: BlobsStorage, with create-only writes added.
runStorageContract('BlobStateStorage (BlobsStorage) on Azurite', () => new BlobStateStorage(new ContainerClient(azurite.connectionString, 'contract-state'), azurite.connectionString));
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
  expect(names.sort()).toEqual(
    [
      encodeURIComponent('test/conversations/chosen'),
      `records/cases/${day}/${createdAt}_c1.json`,
      `records/feedback/${day}/${createdAt}_f1.json`,
      `records/outcomes/${day}/${createdAt}_o1.json`,
    ].sort(),
  );
  expect((await stores.feedback.list()).map((record) => record.id)).toEqual(['f1']);
});

test("a create-only write stores the blob BlobsStorage itself would, under the same name", async () => {
  const connection = azurite.connectionString;
  const ours = new BlobStateStorage(new ContainerClient(connection, 'create-only-shape'), connection);
  const key = `test/conversations/${randomUUID()}/åäö 😀/`;
  await ours.write({ [key]: { dialogState: { step: 1 }, name: 'Åsa', eTag: CREATE_ONLY_ETAG } });
  const plain = new BlobsStorage(connection, 'create-only-shape');
  const read = (await plain.read([key]))[key];
  expect(read).toEqual({ dialogState: { step: 1 }, name: 'Åsa', eTag: expect.any(String) });
  // And BlobsStorage's own update against that eTag goes through.
  await plain.write({ [key]: { ...read, name: 'Åsa Öberg' } });
  expect((await ours.read([key]))[key]?.name).toBe('Åsa Öberg');
});
