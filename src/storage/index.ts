import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { Config } from '../config.js';
import type { OutcomeRecord } from '../outcomes.js';
import { LowdbStorage } from './lowdbStorage.js';
import { LowdbRecordStore, MemoryRecordStore, type CaseRecord, type FeedbackRecord, type RecordStore } from './records.js';

/** Everything the bot stores: conversation and user state, feedback, escalation cases. */
export interface Stores {
  state: Storage;
  feedback: RecordStore<FeedbackRecord>;
  cases: RecordStore<CaseRecord>;
  outcomes: RecordStore<OutcomeRecord>;
}

/** The embedded store under DATA_DIR (created when missing). */
export function createStores(config: Pick<Config, 'dataDir'>): Stores {
  const root = resolve(config.dataDir);
  mkdirSync(root, { recursive: true });
  return {
    state: new LowdbStorage(join(root, 'state')),
    feedback: new LowdbRecordStore<FeedbackRecord>(join(root, 'feedback')),
    cases: new LowdbRecordStore<CaseRecord>(join(root, 'cases')),
    outcomes: new LowdbRecordStore<OutcomeRecord>(join(root, 'outcomes')),
  };
}

/** Everything in memory: for tests and the in-memory benchmark; lost when the process ends. */
export function createMemoryStores(): Stores {
  return {
    state: new MemoryStorage(),
    feedback: new MemoryRecordStore<FeedbackRecord>(),
    cases: new MemoryRecordStore<CaseRecord>(),
    outcomes: new MemoryRecordStore<OutcomeRecord>(),
  };
}
