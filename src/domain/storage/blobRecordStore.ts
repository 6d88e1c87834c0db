import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import { readBlobText } from './blobText.js';
import { ContainerReadiness } from './containerReadiness.js';
import { GroupCommit } from './groupCommit.js';
import { asJsonLines, daysBetween, matchesQuery, sortByCreation, type RecordQuery, type RecordStore, type StoredRecord } from './records.js';

/** How many blobs one list or removal downloads at a time. */
const DOWNLOAD_CONCURRENCY = 16;
/** How many times a removal tries a blob that something else changed while it was being rewritten. */
const REWRITE_ATTEMPTS = 5;

/**
 * Records on Azure Blob Storage, under `<prefix>/<UTC day>/`, in blobs that are never appended to:
 * - a batch blob `<createdAt of its first record>_<uuid>.jsonl`, JSON Lines, one record a line: what
 *   inserts write;
 * - a record blob `<createdAt>_<id>.json`, one record: what inserts wrote before batches. They are
 *   still read and removed, so nothing stored before is lost.
 *
 * Inserts are committed in groups, per day, as the JSON Lines store does: records that arrive while an
 * upload of their day is running go out together in the next one, one request for many turns instead
 * of one per record. Each insert resolves only once its own record is stored. An upload never
 * overwrites (if-none-match on a new name), so several instances insert without coordinating, and its
 * cost does not depend on how many records exist. Lists read only the days a query covers, by name
 * prefix. A removal (data deletion, retention) rewrites a batch without the removed records, against
 * the eTag it read, or deletes it when nothing is left.
 */
export class BlobRecordStore<T extends StoredRecord> implements RecordStore<T> {
  /** Per day, the records waiting for the next upload. */
  private readonly uploads = new GroupCommit<T>((day, records) => this.upload(day, records));

  constructor(
    private readonly container: ContainerClient,
    private readonly prefix: string,
    private readonly readiness = new ContainerReadiness(container),
  ) {}

  private initialize(): Promise<unknown> {
    return this.readiness.ready();
  }

  async insert(record: T): Promise<void> {
    await this.initialize();
    await this.uploads.add(record.createdAt.slice(0, 10), record);
  }

  private async upload(day: string, records: T[]): Promise<void> {
    const name = `${this.prefix}/${day}/${records[0]!.createdAt}_${randomUUID()}.jsonl`;
    await this.write(name, records, { ifNoneMatch: '*' });
  }

  private async write(name: string, records: T[], conditions: { ifNoneMatch?: string; ifMatch?: string }): Promise<void> {
    const body = Buffer.from(asJsonLines(records), 'utf8');
    await this.container.getBlockBlobClient(name).upload(body, body.length, {
      conditions,
      blobHTTPHeaders: { blobContentType: 'application/x-ndjson' },
    });
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    const records: T[] = [];
    await forEachLimited(await this.names(query), DOWNLOAD_CONCURRENCY, async (name) => {
      records.push(...((await this.downloadOne(name))?.records ?? []));
    });
    return sortByCreation(records.filter((record) => matchesQuery(record, query)));
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    let removed = 0;
    await forEachLimited(await this.names(), DOWNLOAD_CONCURRENCY, async (name) => {
      const removedHere = await this.removeFrom(name, predicate);
      removed += removedHere;
    });
    return removed;
  }

  /** Removes the matching records from one blob; how many went. */
  private async removeFrom(name: string, predicate: (record: T) => boolean): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = await this.downloadOne(name);
      if (!stored) return 0;
      const kept = stored.records.filter((record) => !predicate(record));
      if (kept.length === stored.records.length) return 0;
      try {
        const conditions = { ifMatch: stored.eTag };
        if (kept.length === 0) await this.container.deleteBlob(name, { conditions });
        else await this.write(name, kept, conditions);
        return stored.records.length - kept.length;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        // Gone: another instance removed it. Changed: another removal rewrote it; read it again.
        if (status === 404) return 0;
        if (status === 412 && attempt < REWRITE_ATTEMPTS) continue;
        throw error;
      }
    }
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

  /** A blob's records and eTag, in either layout; undefined when it is gone. */
  private async downloadOne(name: string): Promise<{ records: T[]; eTag: string } | undefined> {
    try {
      const response = await this.container.getBlobClient(name).download();
      const text = await readBlobText(response.readableStreamBody);
      const records = name.endsWith('.jsonl') ? fromJsonLines<T>(text) : [JSON.parse(text) as T];
      return { records, eTag: response.etag ?? '' };
    } catch (error) {
      // Removed by another instance between listing and reading.
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }
}

/** Blobs are written whole, so every line is a whole record (JSON.stringify escapes newlines in text). */
function fromJsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
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
