import { createHash, randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { TurnContext } from 'botbuilder';
import type { Language } from './config.js';
import { TOPIC_INTENTS } from './nlu/intents.js';
import type { RecordStore, StoredRecord } from './storage/records.js';
import { turnLanguage } from './turn.js';

/**
 * The paths a conversation can take (issue: outcomes per path, the funnel a support organisation steers by),
 * in the report's order. The report page names each in its language (locales/<lng>/report.json `paths`).
 */
export const PATHS = ['menu', 'question', 'trial', 'openFpp', 'productKey', 'termEnd', 'immediate', 'support'] as const;
export type PathName = (typeof PATHS)[number];

/**
 * Where a path ended; `step` says where the admin was when it was last seen. Named in report.json `endings`.
 * `handedToSupport`: the admin asked for support in the middle of the path, which took over.
 */
export const ENDINGS = ['questionAnswered', 'termEndSteps', 'immediateSteps', 'escalated', 'notAdmin', 'handedToSupport', 'stopped'] as const;
export type Ending = (typeof ENDINGS)[number];

/**
 * Every step a milestone can name. The tracker takes no other, so the report page can name each
 * one in its language (report.json `steps`) instead of showing these internal ids to product owners.
 */
export const MILESTONE_STEPS = [
  // menu
  'cancelStarted',
  // question: the topic answered, typed (an intent) or picked in the menu
  ...TOPIC_INTENTS,
  'appliesTo',
  // termEnd
  'autoRenewSteps',
  // immediate, in the order the admin meets them ('domains', its first step, is listed above as a topic)
  'feeWarning',
  'switchedToTermEnd',
  'saveData',
  'cancel',
  'quickRecallWarning',
  'quickRecallConfirmed',
  'noCancelOption',
  // productKey
  'productKeyFacts',
  // support
  'adminCheck',
  'details',
  'summary',
  // any path, after its ending
  'feedbackGiven',
  'feedbackDeclined',
] as const;
export type MilestoneStep = (typeof MILESTONE_STEPS)[number];

/** One milestone of a conversation: a step reached, or the ending. No personal data. */
export interface OutcomeRecord extends StoredRecord {
  /** A hash of the conversation id: groups milestones without storing the id. */
  conversationKey: string;
  path: PathName;
  /** A MilestoneStep when recorded by this version; records kept from older versions may hold other names. */
  step?: string;
  ending?: Ending;
  plan?: string;
  locale: Language;
}

export interface Milestone {
  path: PathName;
  step?: MilestoneStep;
  ending?: Ending;
  plan?: string;
}

/** A milestone of the outcome funnel as an event on the turn's span, so the funnel can be charted too. */
export function recordMilestone(milestone: Milestone): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.addEvent('milestone', {
    'milestone.path': milestone.path,
    ...(milestone.step ? { 'milestone.step': milestone.step } : {}),
    ...(milestone.ending ? { 'milestone.ending': milestone.ending } : {}),
    ...(milestone.plan ? { 'milestone.plan': milestone.plan } : {}),
  });
}

export function hashId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32);
}

/** Records where conversations go; the report reads the latest milestone of each conversation. */
export class OutcomeTracker {
  constructor(private readonly store: RecordStore<OutcomeRecord>) {}

  async track(context: TurnContext, milestone: Milestone): Promise<void> {
    recordMilestone(milestone);
    await this.store.insert({
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      conversationKey: hashId(context.activity.conversation?.id ?? 'unknown'),
      locale: turnLanguage(context).language,
      ...milestone,
    });
  }
}
