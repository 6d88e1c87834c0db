import type { Language } from '../config.js';

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
  /** The matching records, oldest first (by `createdAt`). */
  list(query?: RecordQuery<T>): Promise<T[]>;
  /** Removes every record matching the predicate; returns how many went. */
  removeWhere(predicate: (record: T) => boolean): Promise<number>;
}

/** Records kept in memory: for tests and the in-memory benchmark configuration. */
export class MemoryRecordStore<T extends StoredRecord> implements RecordStore<T> {
  readonly records: T[] = [];

  async insert(record: T): Promise<void> {
    this.records.push(structuredClone(record));
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    return sortByCreation(this.records.filter((record) => matchesQuery(record, query))).map((record) =>
      structuredClone(record),
    );
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    const before = this.records.length;
    const kept = this.records.filter((record) => !predicate(record));
    this.records.splice(0, this.records.length, ...kept);
    return before - kept.length;
  }
}

/** Whether a record falls in the query's bounds (`to` compares at its own precision: a date includes that whole day). */
export function matchesQuery<T extends StoredRecord>(record: T, query: RecordQuery<T>): boolean {
  if (query.from && record.createdAt < query.from) return false;
  if (query.to && record.createdAt.slice(0, query.to.length) > query.to) return false;
  return !query.where || query.where(record);
}

/** Oldest first; records created in the same millisecond keep their order (the sort is stable). */
export function sortByCreation<T extends StoredRecord>(records: T[]): T[] {
  return records.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The UTC days from `from` to `to` (both `YYYY-MM-DD`), inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** Records as JSON Lines: one record a line, each ending in a newline (JSON.stringify escapes newlines in text). */
export function asJsonLines(records: readonly StoredRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
