import type { Storage } from 'botbuilder';
import type { OutcomeRecord } from '../outcomes.js';
import type { CaseRecord, FeedbackRecord, RecordStore } from './records.js';

/** Everything the bot stores: conversation and user state, feedback, escalation cases, outcomes. */
export interface Stores {
  state: Storage;
  feedback: RecordStore<FeedbackRecord>;
  cases: RecordStore<CaseRecord>;
  outcomes: RecordStore<OutcomeRecord>;
}
