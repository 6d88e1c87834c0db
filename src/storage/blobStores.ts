import { ContainerClient } from '@azure/storage-blob';
import type { OutcomeRecord } from '../outcomes.js';
import { BlobRecordStore } from './blobRecordStore.js';
import { BlobStateStorage } from './blobStateStorage.js';
import type { Stores } from './index.js';
import type { CaseRecord, FeedbackRecord } from './records.js';

/**
 * One blob container shared by every instance: state through botbuilder's BlobsStorage (blob names
 * are the URL-encoded keys, so they never contain '/') with create-only writes added
 * (`BlobStateStorage`), records under `records/<kind>/<day>/`.
 */
export function createBlobStores(connectionString: string, containerName: string): Stores {
  const container = new ContainerClient(connectionString, containerName);
  return {
    state: new BlobStateStorage(connectionString, container),
    feedback: new BlobRecordStore<FeedbackRecord>(container, 'records/feedback'),
    cases: new BlobRecordStore<CaseRecord>(container, 'records/cases'),
    outcomes: new BlobRecordStore<OutcomeRecord>(container, 'records/outcomes'),
  };
}

