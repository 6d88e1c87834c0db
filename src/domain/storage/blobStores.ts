import { ContainerClient } from '@azure/storage-blob';
import type { BlobAccess } from '../config.js';
import type { OutcomeRecord } from '../outcomes.js';
import { BlobRecordStore } from './blobRecordStore.js';
import { BlobStateStorage } from './blobStateStorage.js';
import { ContainerReadiness } from './containerReadiness.js';
import type { Stores } from './stores.js';
import type { CaseRecord, FeedbackRecord } from './records.js';

/**
 * The container, signed in as configured: by the connection string's account key, or by a token
 * of the managed identity (`managedIdentityClientId`: a user-assigned one) or, without a client id,
 * of whatever DefaultAzureCredential finds (a system-assigned identity, a developer's `az login`).
 * @azure/identity is loaded only for the second.
 */
export async function blobContainer(access: BlobAccess, containerName: string): Promise<ContainerClient> {
  if (access.kind === 'connectionString') {
    return new ContainerClient(access.connectionString, containerName);
  }
  const { DefaultAzureCredential, ManagedIdentityCredential } = await import('@azure/identity');
  const credential = access.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: access.managedIdentityClientId })
    : new DefaultAzureCredential();
  return new ContainerClient(`${access.accountUrl}/${containerName}`, credential);
}

/**
 * One blob container, and one client of it, shared by state and records: state one blob per key, as
 * botbuilder's BlobsStorage names and stores them (the URL-encoded keys, so they never contain '/'),
 * with create-only writes added (`BlobStateStorage`); records under `records/<kind>/<day>/`.
 */
export async function createBlobStores(access: BlobAccess, containerName: string): Promise<Stores> {
  const container = await blobContainer(access, containerName);
  const readiness = new ContainerReadiness(container);
  return {
    state: new BlobStateStorage(container, readiness),
    feedback: new BlobRecordStore<FeedbackRecord>(container, 'records/feedback', readiness),
    cases: new BlobRecordStore<CaseRecord>(container, 'records/cases', readiness),
    outcomes: new BlobRecordStore<OutcomeRecord>(container, 'records/outcomes', readiness),
  };
}
