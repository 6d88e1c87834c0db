import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../config.js';
import type { OutcomeRecord } from '../outcomes.js';
import { BlobRecordStore } from './blobRecordStore.js';
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
export function createStores(config: StoreConfig): Stores {
  switch (config.storage ?? 'lowdb') {
    case 'memory':
      return createMemoryStores();
    case 'blob':
      if (!config.blobConnectionString) throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING.');
      return createBlobStores(config.blobConnectionString, config.blobContainer ?? 'cancellation-assistant');
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

/**
 * One blob container shared by every instance: state through botbuilder's BlobsStorage (blob names
 * are the URL-encoded keys, so they never contain '/'), records under `records/<kind>/<day>/`.
 */
export function createBlobStores(connectionString: string, containerName: string): Stores {
  const container = new ContainerClient(connectionString, containerName);
  return {
    state: new BlobsStorage(connectionString, containerName),
    feedback: new BlobRecordStore<FeedbackRecord>(container, 'records/feedback'),
    cases: new BlobRecordStore<CaseRecord>(container, 'records/cases'),
    outcomes: new BlobRecordStore<OutcomeRecord>(container, 'records/outcomes'),
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
