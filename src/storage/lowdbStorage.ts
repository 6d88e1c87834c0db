import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { KeyedMutex } from './keyedMutex.js';

/** The document stored for one storage key: the key itself, so any key round-trips, and its eTag. */
interface StoredDocument {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

/** What the cache knows of a key: its document as JSON (parsed afresh for every reader), or that there is none. */
type CachedDocument = { eTag: string; valueJson: string } | 'absent';

/** How many documents stay in memory by default: the active conversations, not the whole store. */
export const DEFAULT_CACHED_DOCUMENTS = 5000;

/**
 * botbuilder `Storage` on lowdb, one small JSON document per key. A turn reads and writes only its
 * own documents, so its cost does not grow with the number of stored conversations. lowdb's file
 * adapter (steno) writes to a temporary file and renames it over the document, so a document is
 * never half-written, even when the process is killed mid-write.
 * Files live at `<dir>/<first 2 hex of sha256(key)>/<sha256(key)>.json` (keys may hold any character).
 * One process owns the folder, so recently used documents are also kept in memory (a bounded LRU):
 * a turn reads its conversation from memory and only writes go to disk.
 */
export class LowdbStorage implements Storage {
  private readonly locks = new KeyedMutex();
  private readonly createdFolders = new Set<string>();
  private readonly cache = new Map<string, CachedDocument>();

  constructor(
    private readonly dir: string,
    private readonly cachedDocuments = DEFAULT_CACHED_DOCUMENTS,
  ) {}

  private pathOf(key: string): { folder: string; file: string } {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const folder = join(this.dir, hash.slice(0, 2));
    return { folder, file: join(folder, `${hash}.json`) };
  }

  private database<T>(file: string, initial: T): Low<T> {
    // Compact JSON: documents are read by the program, not by people.
    return new Low(new DataFile<T>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), initial);
  }

  private remember(key: string, entry: CachedDocument): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.cachedDocuments) this.cache.delete(this.cache.keys().next().value as string);
  }

  private async load(key: string): Promise<CachedDocument> {
    const cached = this.cache.get(key);
    if (cached) {
      this.remember(key, cached);
      return cached;
    }
    const db = this.database<StoredDocument | null>(this.pathOf(key).file, null);
    await db.read();
    const document = db.data && db.data.key === key ? db.data : undefined;
    const entry: CachedDocument = document ? { eTag: document.eTag, valueJson: JSON.stringify(document.value) } : 'absent';
    // A write that finished while this read was on disk wins: keep what it cached.
    if (!this.cache.has(key)) this.remember(key, entry);
    return this.cache.get(key) ?? entry;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const entry = await this.load(key);
        if (entry !== 'absent') items[key] = { ...(JSON.parse(entry.valueJson) as object), eTag: entry.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(([key, change]) =>
        this.locks.run(key, async () => {
          const { eTag: expected, ...value } = (change ?? {}) as Record<string, unknown>;
          if (typeof expected === 'string' && expected !== '*' && expected !== '') {
            const current = await this.load(key);
            if (current !== 'absent' && current.eTag !== expected) {
              throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            }
          }
          const { folder, file } = this.pathOf(key);
          if (!this.createdFolders.has(folder)) {
            await mkdir(folder, { recursive: true });
            this.createdFolders.add(folder);
          }
          const document: StoredDocument = { key, eTag: randomUUID(), value };
          try {
            await this.database(file, document).write();
          } catch (error) {
            this.cache.delete(key);
            throw error;
          }
          this.remember(key, { eTag: document.eTag, valueJson: JSON.stringify(value) });
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    await Promise.all(
      keys.map((key) =>
        this.locks.run(key, async () => {
          this.cache.delete(key);
          await rm(this.pathOf(key).file, { force: true });
          this.remember(key, 'absent');
        }),
      ),
    );
  }

  /**
   * The keys whose documents were last written before `cutoff` (file modification time), for the
   * retention of idle conversations. Walks the folder: run it in the background, not in a turn.
   */
  async keysIdleSince(cutoff: Date): Promise<string[]> {
    const keys: string[] = [];
    const shards = await readdir(this.dir).catch(() => [] as string[]);
    for (const shard of shards) {
      const folder = join(this.dir, shard);
      for (const file of await readdir(folder).catch(() => [] as string[])) {
        if (!file.endsWith('.json')) continue;
        const path = join(folder, file);
        const info = await stat(path).catch(() => undefined);
        if (!info || info.mtime >= cutoff) continue;
        try {
          const document = JSON.parse(await readFile(path, 'utf8')) as Partial<StoredDocument>;
          if (typeof document.key === 'string') keys.push(document.key);
        } catch {
          // A file that is not one of our documents is left alone.
        }
      }
    }
    return keys;
  }
}
