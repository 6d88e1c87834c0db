import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { KeyedMutex } from './keyedMutex.js';

/** The document stored for one storage key: the key itself, so any key round-trips, and its eTag. */
interface StoredDocument {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

/**
 * botbuilder `Storage` on lowdb, one small JSON document per key. A turn reads and writes only its
 * own documents, so its cost does not grow with the number of stored conversations. lowdb's file
 * adapter writes to a temporary file and renames it, so a document is never half-written.
 * Files live at `<dir>/<first 2 hex of sha256(key)>/<sha256(key)>.json` (keys may hold any character).
 */
export class LowdbStorage implements Storage {
  private readonly locks = new KeyedMutex();
  private readonly createdFolders = new Set<string>();

  constructor(private readonly dir: string) {}

  private pathOf(key: string): { folder: string; file: string } {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const folder = join(this.dir, hash.slice(0, 2));
    return { folder, file: join(folder, `${hash}.json`) };
  }

  private async load(key: string): Promise<StoredDocument | undefined> {
    const db = new Low<StoredDocument | null>(new JSONFile(this.pathOf(key).file), null);
    await db.read();
    return db.data && db.data.key === key ? db.data : undefined;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const document = await this.load(key);
        if (document) items[key] = { ...document.value, eTag: document.eTag };
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
            if (current && current.eTag !== expected) {
              throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            }
          }
          const { folder, file } = this.pathOf(key);
          if (!this.createdFolders.has(folder)) {
            await mkdir(folder, { recursive: true });
            this.createdFolders.add(folder);
          }
          const db = new Low<StoredDocument>(new JSONFile(file), { key, eTag: randomUUID(), value });
          await db.write();
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    await Promise.all(keys.map((key) => this.locks.run(key, () => rm(this.pathOf(key).file, { force: true }))));
  }
}
