// Child process for the crash test: writes state documents and appends records as fast as it can
// until it is killed. Prints "state <key> <version>" after each acknowledged document write and
// "record <id>" after each acknowledged insert (stdout to a pipe is synchronous on Linux, so what is
// printed was acknowledged before the kill).
import { JsonLinesRecordStore } from '../../dist/src/domain/storage/jsonLinesRecordStore.js';
import { LowdbStorage } from '../../dist/src/domain/storage/lowdbStorage.js';

const [dataDir] = process.argv.slice(2);
const storage = new LowdbStorage(`${dataDir}/state`);
const records = new JsonLinesRecordStore(`${dataDir}/records`);
// Large enough documents that a kill often lands in the middle of writing one.
const padding = 'å'.repeat(64 * 1024);
const KEYS = 8;

async function writeDocuments(key) {
  for (let version = 1; ; version += 1) {
    await storage.write({ [key]: { version, padding, eTag: '*' } });
    process.stdout.write(`state ${key} ${version}\n`);
  }
}

async function insertRecords(worker) {
  for (let n = 1; ; n += 1) {
    const id = `${worker}-${n}`;
    await records.insert({ id, createdAt: new Date().toISOString(), text: padding.slice(0, 2000) });
    process.stdout.write(`record ${id}\n`);
  }
}

process.stdout.write('started\n');
await Promise.all([
  ...Array.from({ length: KEYS }, (_, i) => writeDocuments(`conversation/${i}`)),
  ...Array.from({ length: 4 }, (_, i) => insertRecords(`w${i}`)),
]);
