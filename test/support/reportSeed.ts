import { randomUUID } from 'node:crypto';
import type { OutcomeRecord } from '../../src/domain/outcomes.js';
import { FEEDBACK_REASONS, PLANS } from '../../src/domain/plans.js';
import type { FeedbackRecord } from '../../src/domain/storage/records.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const auth = { authorization: `Bearer ${ADMIN_KEY}` };

export function feedback(createdAt: string, fields: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return { id: randomUUID(), createdAt, reason: 'tooExpensive', locale: 'sv', ...fields };
}

export function milestone(conversationKey: string, createdAt: string, fields: Partial<OutcomeRecord> = {}): OutcomeRecord {
  return { id: randomUUID(), createdAt, conversationKey, path: 'menu', locale: 'sv', ...fields };
}

/**
 * A fixed, hand-countable data set: 10 answers over three weeks of November 2026.
 * Reasons: tooExpensive 3, missingFeatures 2, technicalProblems 1, other 1, declined 3.
 * Plans: smallBusiness 4, enterprise 3, trial 1, none 2. Languages: sv 6, en 4.
 */
export const SEEDED_FEEDBACK: FeedbackRecord[] = [
  feedback('2026-11-02T08:00:00.000Z', { reason: 'tooExpensive', plan: 'smallBusiness', path: 'termEnd', comment: 'För dyrt för oss, tyvärr – åäö ÅÄÖ' }),
  feedback('2026-11-03T09:00:00.000Z', { reason: 'tooExpensive', plan: 'smallBusiness', path: 'immediate', locale: 'en', comment: 'Price went up, "again", and again' }),
  feedback('2026-11-04T10:00:00.000Z', { reason: null, plan: 'enterprise', path: 'support' }),
  feedback('2026-11-09T11:00:00.000Z', { reason: 'missingFeatures', plan: 'enterprise', path: 'support', comment: 'Line one\nLine two, with comma' }),
  feedback('2026-11-10T12:00:00.000Z', { reason: 'missingFeatures', plan: 'smallBusiness', locale: 'en', comment: '=HYPERLINK("http://evil.example","click")' }),
  feedback('2026-11-11T13:00:00.000Z', { reason: null, plan: 'trial', locale: 'en' }),
  feedback('2026-11-12T14:00:00.000Z', { reason: 'technicalProblems', plan: 'smallBusiness', comment: '-2 stjärnor; @support svarade aldrig' }),
  feedback('2026-11-16T15:00:00.000Z', { reason: 'tooExpensive', plan: 'enterprise' }),
  feedback('2026-11-17T16:00:00.000Z', { reason: 'other', locale: 'en', comment: '<img src=x onerror="alert(1)">' }),
  // 23:30 UTC on the 18th is already the 19th in Stockholm.
  feedback('2026-11-18T23:30:00.000Z', { reason: null }),
];

/** A small deterministic pseudo-random sequence, so large data sets are the same on every run. */
function sequence(seed: number): () => number {
  // mulberry32: 32-bit integer arithmetic, so no precision is lost in doubles.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` feedback answers spread over a year, every reason, plan and language represented. */
export function largeFeedback(count: number, endIso = '2026-11-20T12:00:00.000Z'): FeedbackRecord[] {
  const random = sequence(42);
  const end = Date.parse(endIso);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const declined = random() < 0.15;
    return feedback(new Date(end - Math.floor(random() * 365 * 24 * 3600 * 1000)).toISOString(), {
      id: `large-${index}`,
      reason: declined ? null : pick(FEEDBACK_REASONS),
      plan: random() < 0.1 ? undefined : pick(PLANS),
      locale: random() < 0.6 ? 'sv' : 'en',
      ...(random() < 0.3 ? { comment: `Kommentar nr ${index}: åäö, "citat" & <b>fet</b>` } : {}),
    });
  });
}

/** Milestones for `count` conversations through the paths, each ending somewhere. */
export function largeOutcomes(count: number, endIso = '2026-11-20T12:00:00.000Z'): OutcomeRecord[] {
  const random = sequence(7);
  const end = Date.parse(endIso);
  const records: OutcomeRecord[] = [];
  for (let i = 0; i < count; i++) {
    const key = `conversation-${i}`;
    let time = end - Math.floor(random() * 300 * 24 * 3600 * 1000);
    const at = () => new Date((time += 60_000)).toISOString();
    records.push(milestone(key, at(), { path: 'menu' }));
    const roll = random();
    if (roll < 0.3) {
      records.push(milestone(key, at(), { path: 'question', ending: 'questionAnswered' }));
    } else if (roll < 0.6) {
      records.push(milestone(key, at(), { path: 'termEnd', step: 'autoRenewSteps' }));
      if (random() < 0.8) records.push(milestone(key, at(), { path: 'termEnd', ending: 'termEndSteps' }));
    } else if (roll < 0.8) {
      records.push(milestone(key, at(), { path: 'immediate', step: 'feeWarning' }));
      records.push(milestone(key, at(), { path: 'immediate', step: 'domains' }));
      if (random() < 0.6) records.push(milestone(key, at(), { path: 'immediate', step: 'saveData' }));
    } else {
      records.push(milestone(key, at(), { path: 'support', step: 'details' }));
      records.push(milestone(key, at(), { path: 'support', ending: random() < 0.7 ? 'escalated' : 'stopped' }));
    }
  }
  return records;
}
