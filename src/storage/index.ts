import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Storage } from 'botbuilder';
import type { Config } from '../config.js';
import { LowdbStorage } from './lowdbStorage.js';
import { LowdbRecordStore, type CaseRecord, type FeedbackRecord, type RecordStore } from './records.js';

/** Everything the bot stores: conversation and user state, feedback, escalation cases. */
export interface Stores {
  state: Storage;
  feedback: RecordStore<FeedbackRecord>;
  cases: RecordStore<CaseRecord>;
}

/** The embedded store under DATA_DIR (created when missing). */
export function createStores(config: Pick<Config, 'dataDir'>): Stores {
  const root = resolve(config.dataDir);
  mkdirSync(root, { recursive: true });
  return {
    state: new LowdbStorage(join(root, 'state')),
    feedback: new LowdbRecordStore<FeedbackRecord>(join(root, 'feedback')),
    cases: new LowdbRecordStore<CaseRecord>(join(root, 'cases')),
  };
}
