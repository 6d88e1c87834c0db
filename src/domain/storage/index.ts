import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { BlobAccess, Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { OutcomeRecord } from '../outcomes.js';
import { JsonLinesRecordStore } from './jsonLinesRecordStore.js';
import { LowdbStorage } from './lowdbStorage.js';
import { MemoryRecordStore, type CaseRecord, type FeedbackRecord, type RecordStore, type StoredRecord } from './records.js';
import type { Stores } from './stores.js';

export type { Stores } from './stores.js';

export type StoreConfig = Pick<Config, 'dataDir'> & Partial<Pick<Config, 'storage' | 'blobConnectionString' | 'blobAccess' | 'blobContainer'>>;

/**
 * The stores `STORAGE` names: lowdb files under DATA_DIR (the default), memory, or Azure Blob Storage.
 * `logger` hears of stored documents the store had to set aside.
 */
export function createStores(config: StoreConfig, logger?: Logger): Stores {
  switch (config.storage ?? 'lowdb') {
    case 'memory':
      return createMemoryStores();
    case 'blob': {
      const access: BlobAccess | undefined =
        config.blobAccess ?? (config.blobConnectionString ? { kind: 'connectionString', connectionString: config.blobConnectionString } : undefined);
      if (!access) throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL.');
      return loadedOnFirstUse(import('./blobStores.js').then(({ createBlobStores }) =>
        createBlobStores(access, config.blobContainer ?? 'cancellation-assistant'),
      ));
    }
    case 'lowdb':
      return createLowdbStores(config.dataDir, logger);
  }
}

/**
 * Stores that wait for their implementation on every call: the Azure SDK is imported only when
 * STORAGE=blob (it adds most of a second to every start-up otherwise).
 */
function loadedOnFirstUse(loading: Promise<Stores>): Stores {
  const part = <K extends keyof Stores>(name: K): Promise<Stores[K]> => {
    const loaded = loading.then((stores) => stores[name]);
    loaded.catch(() => undefined); // reported by the first call that needs it
    return loaded;
  };
  const state = part('state');
  return {
    state: {
      read: async (keys) => (await state).read(keys),
      write: async (changes) => (await state).write(changes),
      delete: async (keys) => (await state).delete(keys),
    },
    feedback: recordsOnFirstUse(part('feedback')),
    cases: recordsOnFirstUse(part('cases')),
    outcomes: recordsOnFirstUse(part('outcomes')),
  };
}

function recordsOnFirstUse<T extends StoredRecord>(loading: Promise<RecordStore<T>>): RecordStore<T> {
  return {
    insert: async (record) => (await loading).insert(record),
    list: async (query) => (await loading).list(query),
    removeWhere: async (predicate) => (await loading).removeWhere(predicate),
  };
}

/** The embedded store under DATA_DIR (created when missing): one process owns the folder. */
export function createLowdbStores(dataDir: string, logger?: Logger): Stores {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const onUnreadableDocument = (file: string) =>
    logger?.warn('unreadable state document set aside; its conversation starts afresh', { file });
  return {
    state: new LowdbStorage(join(root, 'state'), { onUnreadableDocument }),
    feedback: new JsonLinesRecordStore<FeedbackRecord>(join(root, 'feedback')),
    cases: new JsonLinesRecordStore<CaseRecord>(join(root, 'cases')),
    outcomes: new JsonLinesRecordStore<OutcomeRecord>(join(root, 'outcomes')),
  };
}

/** Everything in memory: for tests and the in-memory benchmark; lost when the process ends. */
export function createMemoryStores(): Stores {
  return {
    state: new MemoryStorage(),
    feedback: new MemoryRecordStore<FeedbackRecord>(),
    cases: new MemoryRecordStore<CaseRecord>(),
    outcomes: new MemoryRecordStore<OutcomeRecord>(),
  };
}
