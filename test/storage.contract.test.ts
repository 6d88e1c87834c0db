import { MemoryStorage } from 'botbuilder';
import { JsonLinesRecordStore } from '../src/domain/storage/jsonLinesRecordStore.js';
import { LowdbStorage } from '../src/domain/storage/lowdbStorage.js';
import { MemoryRecordStore } from '../src/domain/storage/records.js';
import { makeDataDir, removeDataDir } from './support/app.js';
import { runRecordStoreContract, runStorageContract, type SampleRecord } from './support/storageContract.js';

const dataDirs: string[] = [];
const freshDir = () => {
  const dir = makeDataDir();
  dataDirs.push(dir);
  return dir;
};
afterAll(() => dataDirs.forEach(removeDataDir));

// botbuilder's own MemoryStorage is the reference the suite is checked against.
runStorageContract('MemoryStorage (reference)', () => new MemoryStorage());
runStorageContract('LowdbStorage', () => new LowdbStorage(freshDir()));
// A cache smaller than what a test touches: documents come back from disk too.
runStorageContract('LowdbStorage with a two-document cache', () => new LowdbStorage(freshDir(), { cachedDocuments: 2 }));

runRecordStoreContract('MemoryRecordStore', () => new MemoryRecordStore<SampleRecord>());
runRecordStoreContract('JsonLinesRecordStore', () => new JsonLinesRecordStore<SampleRecord>(freshDir()));
