import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { jsonAsRead, jsonToWrite } from './documentJson.js';
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

export interface LowdbStorageOptions {
  /** How many documents stay in memory (default DEFAULT_CACHED_DOCUMENTS). */
  cachedDocuments?: number;
  /** Told where an unreadable document was set aside: `<shard>/<file name>`, a hash with no key or content. */
  onUnreadableDocument?: (file: string) => void;
}

// An unreadable document is renamed `<name>.json.unreadable-<ms since 1970>`: kept for the operator,
// out of the store, and removed with the idle conversations once its time is past.
const UNREADABLE_MARK = '.unreadable-';
const SET_ASIDE_FILE = /\.json\.unreadable-(\d+)$/;
// steno's temporary file for `<name>.json`: left behind only by a process killed mid-write.
const TEMPORARY_FILE = /^\..+\.json\.tmp$/;

/** What a document file holds: our document, no file, or something that cannot be one. */
type DocumentOnDisk = StoredDocument | 'absent' | 'unreadable';

function isStoredDocument(data: unknown): data is StoredDocument {
  const document = data as Partial<StoredDocument> | null;
  return (
    typeof document === 'object' && document !== null && typeof document.key === 'string' && typeof document.eTag === 'string' &&
    typeof document.value === 'object' && document.value !== null
  );
}

/**
 * botbuilder `Storage` on lowdb, one small JSON document per key. A turn reads and writes only its
 * own documents, so its cost does not grow with the number of stored conversations. lowdb's file
 * adapter (steno) writes to a temporary file and renames it over the document, so a document is
 * never half-written, even when the process is killed mid-write.
 * Files live at `<dir>/<first 2 hex of sha256(key)>/<sha256(key)>.json` (keys may hold any character).
 * One process owns the folder, so recently used documents are also kept in memory (a bounded LRU):
 * a turn reads its conversation from memory and only writes go to disk.
 * A document that is not whole JSON (a disk fault, a power cut before the file system wrote a new
 * file out, a hand edit) would fail every turn of its conversation, for good. It is set aside
 * instead, and the key reads as absent: the conversation starts afresh.
 */
export class LowdbStorage implements Storage {
  private readonly locks = new KeyedMutex();
  private readonly createdFolders = new Set<string>();
  private readonly cache = new Map<string, CachedDocument>();
  private readonly cachedDocuments: number;
  private readonly onUnreadableDocument: (file: string) => void;

  constructor(
    private readonly dir: string,
    options: LowdbStorageOptions = {},
  ) {
    this.cachedDocuments = options.cachedDocuments ?? DEFAULT_CACHED_DOCUMENTS;
    this.onUnreadableDocument = options.onUnreadableDocument ?? (() => undefined);
  }

  private pathOf(key: string): { folder: string; file: string } {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const folder = join(this.dir, hash.slice(0, 2));
    return { folder, file: join(folder, `${hash}.json`) };
  }

  private database<T>(file: string, initial: T): Low<T> {
    // Compact JSON: documents are read by the program, not by people.
    return new Low(new DataFile<T>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), initial);
  }

  /** A document's file, written from its text (its value's JSON is made once, and cached as well). */
  private documentFile(file: string, text: string): Low<string> {
    return new Low(new DataFile<string>(file, { parse: JSON.parse, stringify: (data) => data }), text);
  }

  private remember(key: string, entry: CachedDocument): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.cachedDocuments) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** `lockHeld`: the caller runs under the key's lock (a write), so setting aside must not wait for it. */
  private async load(key: string, lockHeld = false): Promise<CachedDocument> {
    const cached = this.cache.get(key);
    if (cached) {
      this.remember(key, cached);
      return cached;
    }
    const document = await this.readFromDisk(key, lockHeld);
    const entry: CachedDocument = document === 'absent' ? 'absent' : { eTag: document.eTag, valueJson: JSON.stringify(document.value) };
    // A write that finished while this read was on disk wins: keep what it cached.
    if (!this.cache.has(key)) this.remember(key, entry);
    return this.cache.get(key) ?? entry;
  }

  private async readFromDisk(key: string, lockHeld: boolean): Promise<StoredDocument | 'absent'> {
    const { file } = this.pathOf(key);
    const document = await this.readDocument(key, file);
    if (document !== 'unreadable') return document;
    if (lockHeld) return this.setAside(file);
    // Under the key's lock, and only if still unreadable: a write that landed meanwhile stays.
    return this.locks.run(key, async () => {
      const again = await this.readDocument(key, file);
      return again === 'unreadable' ? this.setAside(file) : again;
    });
  }

  private async readDocument(key: string, file: string): Promise<DocumentOnDisk> {
    const db = this.database<unknown>(file, null);
    try {
      await db.read();
    } catch (error) {
      if (error instanceof SyntaxError) return 'unreadable';
      throw error;
    }
    if (db.data === null) return 'absent';
    if (!isStoredDocument(db.data)) return 'unreadable';
    // Another key with the same hash: not this key's document.
    return db.data.key === key ? db.data : 'absent';
  }

  private async setAside(file: string): Promise<'absent'> {
    const aside = `${file}${UNREADABLE_MARK}${Date.now()}`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return 'absent';
    }
    this.onUnreadableDocument(relative(this.dir, aside));
    return 'absent';
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const entry = await this.load(key);
        if (entry === 'absent') return;
        const item = { ...(JSON.parse(entry.valueJson) as object), eTag: entry.eTag };
        jsonAsRead.set(item, entry.valueJson);
        items[key] = item;
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
            const current = await this.load(key, true);
            if (current !== 'absent' && current.eTag !== expected) {
              throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            }
          }
          const { folder, file } = this.pathOf(key);
          if (!this.createdFolders.has(folder)) {
            await mkdir(folder, { recursive: true });
            this.createdFolders.add(folder);
          }
          const eTag = randomUUID();
          const valueJson = (change && jsonToWrite.get(change)) ?? JSON.stringify(value);
          // What JSON.stringify makes of a StoredDocument { key, eTag, value }.
          const text = `{"key":${JSON.stringify(key)},"eTag":${JSON.stringify(eTag)},"value":${valueJson}}`;
          try {
            await this.documentFile(file, text).write();
          } catch (error) {
            this.cache.delete(key);
            throw error;
          }
          this.remember(key, { eTag, valueJson });
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
    for await (const { folder, names } of this.shardFolders()) {
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const path = join(folder, name);
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

  /**
   * Removes what a turn never reads but may hold personal data: documents set aside as unreadable
   * before `cutoff`, and temporary files last written before it (left by a process killed mid-write).
   * Returns how many files it removed.
   */
  async removeLeftoversSince(cutoff: Date): Promise<number> {
    let removed = 0;
    for await (const { folder, names } of this.shardFolders()) {
      for (const name of names) {
        const setAsideAt = SET_ASIDE_FILE.exec(name)?.[1];
        const path = join(folder, name);
        const leftover =
          setAsideAt !== undefined ? Number(setAsideAt) < cutoff.getTime() : TEMPORARY_FILE.test(name) && (await lastWrittenBefore(path, cutoff));
        if (!leftover) continue;
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** The file names of each shard folder, a folder at a time: a full store holds hundreds of thousands. */
  private async *shardFolders(): AsyncGenerator<{ folder: string; names: string[] }> {
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      const folder = join(this.dir, shard);
      yield { folder, names: await readdir(folder).catch(() => [] as string[]) };
    }
  }
}

async function lastWrittenBefore(path: string, cutoff: Date): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && info.mtime < cutoff;
}
