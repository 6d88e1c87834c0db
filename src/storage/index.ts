import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { Config } from '../config.js';
import type { OutcomeRecord } from '../outcomes.js';
import { JsonLinesRecordStore } from './jsonLinesRecordStore.js';
import { LowdbStorage } from './lowdbStorage.js';
import { MemoryRecordStore, type CaseRecord, type FeedbackRecord, type RecordStore } from './records.js';

/** Everything the bot stores: conversation and user state, feedback, escalation cases, outcomes. */
export interface Stores {
  state: Storage;
  feedback: RecordStore<FeedbackRecord>;
  cases: RecordStore<CaseRecord>;
  outcomes: RecordStore<OutcomeRecord>;
}

export type StoreConfig = Pick<Config, 'dataDir'> & Partial<Pick<Config, 'storage' | 'blobConnectionString' | 'blobContainer'>>;

/** The stores `STORAGE` names: lowdb files under DATA_DIR (the default), memory, or Azure Blob Storage. */
export async function createStores(config: StoreConfig): Promise<Stores> {
  switch (config.storage ?? 'lowdb') {
    case 'memory':
      return createMemoryStores();
    case 'blob': {
      if (!config.blobConnectionString) throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING.');
      // Loaded only when used: the Azure SDK adds most of a second to every start-up otherwise.
      const { createBlobStores } = await import('./blobStores.js');
      return createBlobStores(config.blobConnectionString, config.blobContainer ?? 'cancellation-assistant');
    }
    case 'lowdb':
      return createLowdbStores(config.dataDir);
  }
}

/** The embedded store under DATA_DIR (created when missing): one process owns the folder. */
export function createLowdbStores(dataDir: string): Stores {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  return {
    state: new LowdbStorage(join(root, 'state')),
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
