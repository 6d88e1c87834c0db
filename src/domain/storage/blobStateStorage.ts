import { RestError, type BlockBlobClient, type ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
// Not re-exported by the package; used so that every blob has the very name botbuilder's BlobsStorage gives it.
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { readBlobText } from './blobText.js';
import { ContainerReadiness } from './containerReadiness.js';
import { jsonAsRead, jsonToWrite } from './documentJson.js';
import { CREATE_ONLY_ETAG } from './optimisticConversationState.js';

/** How many keys keep their blob client between turns (the conversations and admins of the moment; under 1 KB each). */
const KEPT_BLOB_CLIENTS = 10_000;

/**
 * Conversation and user state on Azure Blob Storage, one blob per key, stored as botbuilder's
 * BlobsStorage stores it (the same blob names and JSON, so either reads what the other wrote) and
 * with its rules: a write with an eTag is made against it (If-Match) and fails with the eTag conflict
 * when the blob changed; `'*'` or no eTag overwrites; a missing key reads as nothing. Plus the one
 * write BlobsStorage cannot do: the eTag `CREATE_ONLY_ETAG` only creates (If-None-Match: *).
 *
 * Written on the SDK's ContainerClient instead of through BlobsStorage, which on every call checks its
 * arguments with new zod schemas and builds a new blob client per key: here one container client
 * serves the process and each key keeps its blob client (the last KEPT_BLOB_CLIENTS keys). Reads hand
 * change tracking the JSON they parsed and writes take the JSON it made (documentJson.ts), as lowdb does.
 */
export class BlobStateStorage implements Storage {
  private readonly blobClients = new Map<string, BlockBlobClient>();

  constructor(
    private readonly container: ContainerClient,
    private readonly readiness = new ContainerReadiness(container),
  ) {}

  private ready(): Promise<unknown> {
    return this.readiness.ready();
  }

  private blobOf(key: string): BlockBlobClient {
    let client = this.blobClients.get(key);
    if (client) {
      // Most recently used last: the first entry is the one to let go.
      this.blobClients.delete(key);
    } else {
      client = this.container.getBlockBlobClient(sanitizeBlobKey(key));
      if (this.blobClients.size >= KEPT_BLOB_CLIENTS) this.blobClients.delete(this.blobClients.keys().next().value as string);
    }
    this.blobClients.set(key, client);
    return client;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Storage read needs an array of keys.');
    await this.ready();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        let response;
        try {
          response = await this.blobOf(key).download();
        } catch (error) {
          if (error instanceof RestError && error.statusCode === 404) return;
          throw error;
        }
        if (!response.readableStreamBody) return;
        const json = await readBlobText(response.readableStreamBody);
        const item = { ...(JSON.parse(json) as Record<string, unknown>), eTag: response.etag };
        jsonAsRead.set(item, json);
        items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Storage write needs an object of changes.');
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    await this.ready();
    await Promise.all(entries.map(([key, change]) => this.writeOne(key, change as Record<string, unknown>)));
  }

  private async writeOne(key: string, change: Record<string, unknown>): Promise<void> {
    const { eTag, ...value } = change;
    const json = jsonToWrite.get(change) ?? JSON.stringify(value);
    const conditions =
      eTag === CREATE_ONLY_ETAG ? { ifNoneMatch: '*' } : typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? { ifMatch: eTag } : {};
    try {
      await this.blobOf(key).upload(json, Buffer.byteLength(json), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 412: changed since read; 409 BlobAlreadyExists: a create-only write found it created. Either way
      // the message BlobsStorage gives, which the turn runner reruns the turn on.
      if (error instanceof RestError && (error.statusCode === 412 || (error.statusCode === 409 && eTag === CREATE_ONLY_ETAG))) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Storage delete needs an array of keys.');
    await this.ready();
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.blobOf(key).delete();
        } catch (error) {
          if (!(error instanceof RestError && error.statusCode === 404)) throw error;
        }
      }),
    );
  }
}
