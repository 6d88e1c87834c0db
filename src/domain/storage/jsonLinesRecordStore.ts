import { appendFile, mkdir, open, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GroupCommit } from './groupCommit.js';
import { KeyedMutex } from './keyedMutex.js';
import { asJsonLines, matchesQuery, sortByCreation, type RecordQuery, type RecordStore, type StoredRecord } from './records.js';

const PARTITION_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * Records as JSON Lines, one file per UTC day (`<dir>/2026-11-26.jsonl`). An insert appends one line,
 * so its cost does not grow with the day's size (a lowdb document would be read and rewritten whole
 * on every insert). A process killed mid-append leaves at most a torn last line: reads skip it, and the
 * first append after a restart starts on a fresh line, so no acknowledged record is ever lost.
 * Removals (rare: data deletion) rewrite the day's file to a temporary file and rename it over the old one.
 */
export class JsonLinesRecordStore<T extends StoredRecord> implements RecordStore<T> {
  private readonly locks = new KeyedMutex();
  /** Day files whose tail this process has checked (or written) since it started. */
  private readonly cleanTails = new Set<string>();
  private folderReady: Promise<unknown> | undefined;
  /** Per day, the lines waiting for the next append; appends and removals of a day share its lock. */
  private readonly appends = new GroupCommit<string>((day, lines) => this.appendLines(day, lines), this.locks);

  constructor(private readonly dir: string) {}

  private fileOf(day: string): string {
    return join(this.dir, `${day}.jsonl`);
  }

  async insert(record: T): Promise<void> {
    this.folderReady ??= mkdir(this.dir, { recursive: true });
    await this.folderReady;
    const day = record.createdAt.slice(0, 10);
    // Group commit: one open-write-close for the lines of many turns (see GroupCommit).
    await this.appends.add(day, asJsonLines([record]));
  }

  private async appendLines(day: string, lines: string[]): Promise<void> {
    const file = this.fileOf(day);
    const prefix = this.cleanTails.has(file) ? '' : await newlineIfTorn(file);
    try {
      await appendFile(file, prefix + lines.join(''), 'utf8');
      this.cleanTails.add(file);
    } catch (error) {
      this.cleanTails.delete(file);
      throw error;
    }
  }

  async list(query: RecordQuery<T> = {}): Promise<T[]> {
    const days = await this.days(query);
    const perDay = await Promise.all(days.map((day) => this.readDay(day)));
    return sortByCreation(perDay.flat().filter((record) => matchesQuery(record, query)));
  }

  async removeWhere(predicate: (record: T) => boolean): Promise<number> {
    let removed = 0;
    for (const day of await this.days()) {
      await this.locks.run(day, async () => {
        const records = await this.readDay(day);
        const kept = records.filter((record) => !predicate(record));
        if (kept.length === records.length) return;
        removed += records.length - kept.length;
        const file = this.fileOf(day);
        const temporary = `${file}.tmp`;
        await writeFile(temporary, asJsonLines(kept), 'utf8');
        await rename(temporary, file);
        this.cleanTails.add(file);
      });
    }
    return removed;
  }

  private async days(query: RecordQuery<T> = {}): Promise<string[]> {
    const from = query.from?.slice(0, 10);
    const to = query.to?.slice(0, 10);
    const files = await readdir(this.dir).catch(() => [] as string[]);
    return files
      .map((file) => PARTITION_FILE.exec(file)?.[1])
      .filter((day): day is string => !!day && (!from || day >= from) && (!to || day <= to))
      .sort();
  }

  private async readDay(day: string): Promise<T[]> {
    const content = await readFile(this.fileOf(day), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const records: T[] = [];
    for (const line of content.split('\n')) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        // A line torn by a crash mid-append: that insert never completed, so nothing acknowledged is lost.
      }
    }
    return records;
  }
}

/** '\n' when the file ends without one (a torn append), so the next record starts on its own line. */
async function newlineIfTorn(file: string): Promise<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    if (size === 0) return '';
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a ? '' : '\n';
  } finally {
    await handle.close();
  }
}
