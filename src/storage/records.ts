import { readdir, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Language } from '../config.js';
import { KeyedMutex } from './keyedMutex.js';

/** Anything kept as a record: feedback, escalation cases. `createdAt` is an ISO timestamp (UTC). */
export interface StoredRecord {
  id: string;
  createdAt: string;
}

/** Why an admin cancels (F05). Holds no personal data. */
export interface FeedbackRecord extends StoredRecord {
  /** A reason code from the fixed list, or null when the admin declined to answer. */
  reason: string | null;
  comment?: string;
  plan?: string;
  path?: string;
  locale: Language;
}

/** A support escalation with the verification details (F14): personal data, kept only as long as needed. */
export interface CaseRecord extends StoredRecord {
  reference: string;
  locale: Language;
  plan?: string;
  path?: string;
  /** A hash of the channel user id, so "delete my data" finds the user's cases without storing the id. */
  userKey: string;
  details: Record<string, string | undefined>;
  transcriptSummary: string[];
}

export interface RecordQuery<T> {
  /** Inclusive ISO date or timestamp bounds on `createdAt`. */
  from?: string;
  to?: string;
  where?: (record: T) => boolean;
}

export interface RecordStore<T extends StoredRecord> {
  insert(record: T): Promise<void>;
  list(query?: RecordQuery<T>): Promise<T[]>;
  /** Removes every record matching the predicate; returns how many went. */
  removeWhere(predicate: (record: T) => boolean): Promise<number>;
}

const PARTITION_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * Records in lowdb documents partitioned by UTC day (`<dir>/2026-11-26.json`), so an insert
 * rewrites one day's file only and a date-range query reads only the days it covers.
 */
export class LowdbRecordStore<T extends StoredRecord> implements RecordStore<T> {
  private readonly locks = new KeyedMutex();
  private folderReady: Promise<unknown> | undefined;

  constructor(private readonly dir: string) {}

  private partition(day: string): Low<{ records: T[] }> {
    return new Low(new JSONFile(join(this.dir, `${day}.json`)), { records: [] });
  }

  private async days(query: RecordQuery<T> = {}): Promise<string[]> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    const from = query.from?.slice(0, 10);
    const to = query.to?.slice(0, 10);
    return files
      .map((file) => PARTITION_FILE.exec(file)?.[1])
      .filter((day): day is string => !!day && (!from || day >= from) && (!to || day <= to))
      .sort();
  }

  async insert(record: T): Promise<void> {
    this.folderReady ??= mkdir(this.dir, { recursive: true });
    await this.folderReady;
    const day = record.createdAt.slice(0, 10);
    await this.locks.run(day, async () => {
      const db = this.partition(day);
      await db.read();
      db.data.records.push(record);
      await db.write();
    });
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    const result: T[] = [];
    for (const day of await this.days(query)) {
      const db = this.partition(day);
      await db.read();
      for (const record of db.data.records) {
        if (query.from && record.createdAt < query.from) continue;
        if (query.to && record.createdAt.slice(0, query.to.length) > query.to) continue;
        if (query.where && !query.where(record)) continue;
        result.push(record);
      }
    }
    return result;
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    let removed = 0;
    for (const day of await this.days()) {
      await this.locks.run(day, async () => {
        const db = this.partition(day);
        await db.read();
        const kept = db.data.records.filter((record) => !predicate(record));
        if (kept.length === db.data.records.length) return;
        removed += db.data.records.length - kept.length;
        db.data.records = kept;
        await db.write();
      });
    }
    return removed;
  }
}

/** Records kept in memory: for tests and the in-memory benchmark configuration. */
export class MemoryRecordStore<T extends StoredRecord> implements RecordStore<T> {
  readonly records: T[] = [];

  async insert(record: T): Promise<void> {
    this.records.push(structuredClone(record));
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    return this.records
      .filter((record) => !query.from || record.createdAt >= query.from)
      .filter((record) => !query.to || record.createdAt.slice(0, query.to.length) <= query.to)
      .filter((record) => !query.where || query.where(record))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((record) => structuredClone(record));
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    const before = this.records.length;
    const kept = this.records.filter((record) => !predicate(record));
    this.records.splice(0, this.records.length, ...kept);
    return before - kept.length;
  }
}
