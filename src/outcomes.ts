import { createHash, randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Language } from './config.js';
import type { RecordStore, StoredRecord } from './storage/records.js';
import { turnLanguage } from './turn.js';

/** The paths a conversation can take (issue: outcomes per path, the funnel a support organisation steers by). */
export type PathName = 'menu' | 'question' | 'trial' | 'openFpp' | 'productKey' | 'termEnd' | 'immediate' | 'support';

/** Where a path ended; `step` says where the admin was when it was last seen. */
/** `handedToSupport`: the admin asked for support in the middle of the path, which took over. */
export type Ending = 'questionAnswered' | 'termEndSteps' | 'immediateSteps' | 'escalated' | 'notAdmin' | 'handedToSupport' | 'stopped';

/** One milestone of a conversation: a step reached, or the ending. No personal data. */
export interface OutcomeRecord extends StoredRecord {
  /** A hash of the conversation id: groups milestones without storing the id. */
  conversationKey: string;
  path: PathName;
  step?: string;
  ending?: Ending;
  plan?: string;
  locale: Language;
}

export interface Milestone {
  path: PathName;
  step?: string;
  ending?: Ending;
  plan?: string;
}

export function hashId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32);
}

/** Records where conversations go; the report reads the latest milestone of each conversation. */
export class OutcomeTracker {
  constructor(private readonly store: RecordStore<OutcomeRecord>) {}

  async track(context: TurnContext, milestone: Milestone): Promise<void> {
    await this.store.insert({
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      conversationKey: hashId(context.activity.conversation?.id ?? 'unknown'),
      locale: turnLanguage(context).language,
      ...milestone,
    });
  }
}
