import type { ContainerClient } from '@azure/storage-blob';
import { daysBetween, matchesQuery, sortByCreation, type RecordQuery, type RecordStore, type StoredRecord } from './records.js';

/** How many blobs one list or removal downloads at a time. */
const DOWNLOAD_CONCURRENCY = 16;

/**
 * Records on Azure Blob Storage, one blob per record named `<prefix>/<UTC day>/<createdAt>_<id>.json`.
 * An insert is one upload that never overwrites (if-none-match), so several instances insert without
 * coordinating and its cost does not depend on how many records exist. Lists read only the days a
 * query covers, by name prefix.
 */
export class BlobRecordStore<T extends StoredRecord> implements RecordStore<T> {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly container: ContainerClient,
    private readonly prefix: string,
  ) {}

  private initialize(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private nameOf(record: T): string {
    return `${this.prefix}/${record.createdAt.slice(0, 10)}/${record.createdAt}_${encodeURIComponent(record.id)}.json`;
  }

  async insert(record: T): Promise<void> {
    await this.initialize();
    const body = Buffer.from(JSON.stringify(record), 'utf8');
    await this.container.getBlockBlobClient(this.nameOf(record)).upload(body, body.length, {
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    const records = await this.download(await this.names(query));
    return sortByCreation(records.filter((record) => matchesQuery(record, query)));
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    const names = await this.names();
    let removed = 0;
    await forEachLimited(names, DOWNLOAD_CONCURRENCY, async (name) => {
      const record = await this.downloadOne(name);
      if (!record || !predicate(record)) return;
      const { succeeded } = await this.container.deleteBlob(name).then(
        () => ({ succeeded: true }),
        (error: { statusCode?: number }) => {
          if (error.statusCode === 404) return { succeeded: false };
          throw error;
        },
      );
      if (succeeded) removed += 1;
    });
    return removed;
  }

  /** Blob names of the days the query covers (every day when it has no bounds). */
  private async names(query: RecordQuery<T> = {}): Promise<string[]> {
    await this.initialize();
    const from = query.from?.slice(0, 10);
    const to = query.to?.slice(0, 10);
    const prefixes = from && to && from <= to ? daysBetween(from, to).map((day) => `${this.prefix}/${day}/`) : [`${this.prefix}/`];
    const names: string[] = [];
    for (const prefix of prefixes) {
      for await (const blob of this.container.listBlobsFlat({ prefix })) {
        const day = blob.name.slice(this.prefix.length + 1, this.prefix.length + 11);
        if ((from && day < from) || (to && day > to)) continue;
        names.push(blob.name);
      }
    }
    return names;
  }

  private async download(names: string[]): Promise<T[]> {
    const records: T[] = [];
    await forEachLimited(names, DOWNLOAD_CONCURRENCY, async (name) => {
      const record = await this.downloadOne(name);
      if (record) records.push(record);
    });
    return records;
  }

  private async downloadOne(name: string): Promise<T | undefined> {
    try {
      const content = await this.container.getBlobClient(name).downloadToBuffer();
      return JSON.parse(content.toString('utf8')) as T;
    } catch (error) {
      // Removed by another instance between listing and reading.
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }
}

/** Runs `task` over `items` with at most `limit` running at once. */
async function forEachLimited<I>(items: I[], limit: number, task: (item: I) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as I;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
