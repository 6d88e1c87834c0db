import type { Logger } from '../../domain/logger.js';
import type { CaseRecord, RecordStore } from '../../domain/storage/records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the escalation cases (they hold the verification details) older than the retention period. */
export async function purgeExpiredCases(cases: RecordStore<CaseRecord>, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return cases.removeWhere((record) => record.createdAt < cutoff);
}

export interface CaseRetention {
  /** The purge run at start-up. */
  initial: Promise<number>;
  stop(): void;
}

/**
 * Enforces CASE_RETENTION_DAYS at start-up and then once a day. The timer is unref'd so it never
 * keeps the process alive; a failed purge is logged and retried the next day.
 */
export function startCaseRetention(
  cases: RecordStore<CaseRecord>,
  retentionDays: number,
  logger: Logger,
  now: () => Date = () => new Date(),
): CaseRetention {
  const purge = async () => {
    try {
      const removed = await purgeExpiredCases(cases, retentionDays, now());
      logger.info('case retention', { retentionDays, removed });
      return removed;
    } catch (error) {
      logger.error('case retention failed', { retentionDays, error });
      return 0;
    }
  };
  const timer = setInterval(() => void purge(), DAY_MS);
  timer.unref();
  return { initial: purge(), stop: () => clearInterval(timer) };
}
