import { DateTime } from 'luxon';
import { SUPPORTED_LANGUAGES } from '../../domain/config.js';
import { FEEDBACK_REASONS, PLANS } from '../../domain/plans.js';
import type { FeedbackRecord } from '../../domain/storage/records.js';
import { DECLINED, newestFirst } from './feedbackQuery.js';

/** Records without a plan are counted under this key. */
export const UNKNOWN_PLAN = 'unknown';
export const LATEST_COMMENTS = 20;

export interface WeekCounts {
  /** ISO week, e.g. 2026-W48. */
  week: string;
  /** Its Monday (YYYY-MM-DD). */
  start: string;
  /** Count per reason code and `declined`. */
  counts: Record<string, number>;
}

export interface FeedbackSummary {
  total: number;
  declined: number;
  /** Share who declined to give a reason (0–1); null when there is no feedback. */
  declinedShare: number | null;
  /** Every reason code (the fixed list first, then any unknown code) and `declined`. */
  reasons: { reason: string; count: number }[];
  /** Every week from the first to the last record, empty weeks included, so the chart's time axis is even. */
  weeks: WeekCounts[];
  plans: { plan: string; count: number }[];
  languages: { language: string; count: number }[];
  latestComments: { id: string; createdAt: string; reason: string; plan?: string; language: string; comment: string }[];
}

function countBy<T>(items: T[], key: (item: T) => string, order: readonly string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count }));
}

/** Aggregates feedback server-side, so the report page downloads a few kilobytes whatever the volume. */
export function summarizeFeedback(records: FeedbackRecord[], zone: string): FeedbackSummary {
  const reasonOf = (record: FeedbackRecord) => record.reason ?? DECLINED;
  const reasonOrder = [...FEEDBACK_REASONS, DECLINED];
  const reasons = countBy(records, reasonOf, reasonOrder).map(({ key, count }) => ({ reason: key, count }));
  const declined = reasons.find((entry) => entry.reason === DECLINED)?.count ?? 0;

  const weekMap = new Map<string, WeekCounts>();
  const weekOf = (date: DateTime) => ({
    week: `${date.weekYear}-W${String(date.weekNumber).padStart(2, '0')}`,
    start: date.startOf('week').toISODate() ?? '',
  });
  const dates = records.map((record) => DateTime.fromISO(record.createdAt, { zone }));
  if (dates.length > 0) {
    const valid = dates.filter((date) => date.isValid);
    const first = DateTime.min(...valid);
    const last = DateTime.max(...valid);
    if (first && last) {
      for (let monday = first.startOf('week'); monday <= last; monday = monday.plus({ weeks: 1 })) {
        const { week, start } = weekOf(monday);
        weekMap.set(week, { week, start, counts: Object.fromEntries(reasons.map(({ reason }) => [reason, 0])) });
      }
    }
  }
  records.forEach((record, index) => {
    const date = dates[index];
    if (!date?.isValid) return;
    const entry = weekMap.get(weekOf(date).week);
    if (entry) entry.counts[reasonOf(record)] = (entry.counts[reasonOf(record)] ?? 0) + 1;
  });

  const latestComments = newestFirst(records.filter((record) => record.comment && record.comment.trim() !== ''))
    .slice(0, LATEST_COMMENTS)
    .map((record) => ({
      id: record.id,
      createdAt: record.createdAt,
      reason: reasonOf(record),
      ...(record.plan ? { plan: record.plan } : {}),
      language: record.locale,
      comment: record.comment ?? '',
    }));

  return {
    total: records.length,
    declined,
    declinedShare: records.length === 0 ? null : declined / records.length,
    reasons,
    weeks: [...weekMap.values()],
    plans: countBy(records, (record) => record.plan ?? UNKNOWN_PLAN, PLANS).map(({ key, count }) => ({ plan: key, count })),
    languages: countBy(records, (record) => record.locale, SUPPORTED_LANGUAGES).map(({ key, count }) => ({
      language: key,
      count,
    })),
    latestComments,
  };
}
