import type { TokenCredential } from '@azure/identity';
import { RestError, type ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
// Not re-exported by the package; used so that a created blob has the very name BlobsStorage reads.
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { CREATE_ONLY_ETAG } from './optimisticConversationState.js';

/**
 * Conversation and user state on Azure Blob Storage: botbuilder's BlobsStorage, plus the one write it
 * cannot do: create a document only if none exists (If-None-Match: *). A write with the eTag
 * `CREATE_ONLY_ETAG` gets it (BlobsStorage would send that eTag as If-Match, which fails for a blob
 * that does not exist yet); every other read, write and delete is BlobsStorage's own.
 */
export class BlobStateStorage implements Storage {
  private readonly blobs: BlobsStorage;
  private containerReady?: Promise<unknown>;

  /**
   * BlobsStorage signs in as `container` does: by the account's connection string, or by the
   * container's URL and a token credential (a managed identity).
   */
  constructor(
    private readonly container: ContainerClient,
    signIn: string | TokenCredential,
  ) {
    this.blobs =
      typeof signIn === 'string'
        ? new BlobsStorage(signIn, container.containerName)
        : new BlobsStorage('', container.containerName, undefined, container.url, signIn);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') return this.blobs.write(changes);
    const creates = Object.entries(changes).filter(([, item]) => item?.eTag === CREATE_ONLY_ETAG);
    if (creates.length === 0) return this.blobs.write(changes);
    const others = Object.fromEntries(Object.entries(changes).filter(([, item]) => item?.eTag !== CREATE_ONLY_ETAG));
    await Promise.all([
      ...(Object.keys(others).length > 0 ? [this.blobs.write(others)] : []),
      ...creates.map(([key, item]) => this.create(key, item as Record<string, unknown>)),
    ]);
  }

  private async create(key: string, item: Record<string, unknown>): Promise<void> {
    this.containerReady ??= this.container.createIfNotExists();
    await this.containerReady;
    const { eTag: _eTag, ...value } = item;
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 409 BlobAlreadyExists (or 412): another instance created it first. The message is the one
      // BlobsStorage gives for a stale eTag, so the turn runner reruns the turn either way.
      if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      throw error;
    }
  }
}
