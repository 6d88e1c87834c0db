import { DateTime } from 'luxon';
import { SUPPORTED_LANGUAGES, type Language } from '../../domain/config.js';
import { FEEDBACK_REASONS, PLANS } from '../../domain/plans.js';
import type { FeedbackRecord, RecordQuery } from '../../domain/storage/records.js';

/** The reason filter's word for "declined to answer" (a record whose reason is null). */
export const DECLINED = 'declined';

export interface FeedbackFilter {
  /** First and last day (YYYY-MM-DD, inclusive), read in the configured time zone. */
  from?: string;
  to?: string;
  plans?: string[];
  languages?: Language[];
  /** Reason codes, and/or `declined`. */
  reasons?: string[];
}

export interface Page {
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** A bad query parameter: `message` names it and says what it accepts. */
export class QueryParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'QueryParameterError';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(name: string, value: string, zone: string): string {
  const day = DateTime.fromISO(value, { zone });
  if (!DAY.test(value) || !day.isValid) {
    throw new QueryParameterError(name, `Parameter "${name}" must be a date written YYYY-MM-DD, got "${value}".`);
  }
  return value;
}

function parseList<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || unknown.length > 0) {
    throw new QueryParameterError(
      name,
      `Parameter "${name}" accepts ${allowed.join(', ')} (several separated by commas), got "${value}".`,
    );
  }
  return [...new Set(items)] as T[];
}

function parseWholeNumber(name: string, value: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new QueryParameterError(name, `Parameter "${name}" must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return number;
}

/**
 * Reads a query string strictly: every parameter must be one the endpoint knows (a misspelt filter
 * would otherwise silently return everything), given once.
 */
export class QueryReader {
  private readonly params: URLSearchParams;

  constructor(search: string, allowed: readonly string[]) {
    this.params = new URLSearchParams(search);
    for (const name of new Set(this.params.keys())) {
      if (!allowed.includes(name)) {
        throw new QueryParameterError(name, `Unknown parameter "${name}". Known parameters: ${allowed.join(', ')}.`);
      }
      if (this.params.getAll(name).length > 1) {
        throw new QueryParameterError(name, `Parameter "${name}" is given more than once; separate several values with commas.`);
      }
    }
  }

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  filter(zone: string): FeedbackFilter {
    const filter: FeedbackFilter = {};
    const from = this.get('from');
    const to = this.get('to');
    const plan = this.get('plan');
    const language = this.get('language');
    const reason = this.get('reason');
    if (from !== undefined) filter.from = parseDay('from', from, zone);
    if (to !== undefined) filter.to = parseDay('to', to, zone);
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new QueryParameterError('from', `Parameter "from" (${filter.from}) is after "to" (${filter.to}).`);
    }
    if (plan !== undefined) filter.plans = parseList('plan', plan, PLANS);
    if (language !== undefined) filter.languages = parseList('language', language, SUPPORTED_LANGUAGES);
    if (reason !== undefined) filter.reasons = parseList('reason', reason, [...FEEDBACK_REASONS, DECLINED]);
    return filter;
  }

  page(): Page {
    const limit = this.get('limit');
    const offset = this.get('offset');
    return {
      limit: limit === undefined ? DEFAULT_PAGE_SIZE : parseWholeNumber('limit', limit, 1, MAX_PAGE_SIZE),
      offset: offset === undefined ? 0 : parseWholeNumber('offset', offset, 0, Number.MAX_SAFE_INTEGER),
    };
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.get(name);
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      throw new QueryParameterError(name, `Parameter "${name}" accepts ${allowed.join(' or ')}, got "${value}".`);
    }
    return value as T;
  }
}

/** The UTC timestamp bounds of whole local days, as the record stores compare `createdAt`. */
export function dayBounds(filter: Pick<FeedbackFilter, 'from' | 'to'>, zone: string): { from?: string; to?: string } {
  const bounds: { from?: string; to?: string } = {};
  if (filter.from) bounds.from = DateTime.fromISO(filter.from, { zone }).startOf('day').toUTC().toISO() ?? undefined;
  if (filter.to) bounds.to = DateTime.fromISO(filter.to, { zone }).endOf('day').toUTC().toISO() ?? undefined;
  return bounds;
}

/** The store query for a filter: date bounds for the partitions, the rest as a predicate. */
export function feedbackStoreQuery(filter: FeedbackFilter, zone: string): RecordQuery<FeedbackRecord> {
  return {
    ...dayBounds(filter, zone),
    where: (record) =>
      (!filter.plans || (record.plan !== undefined && filter.plans.includes(record.plan))) &&
      (!filter.languages || filter.languages.includes(record.locale)) &&
      (!filter.reasons || filter.reasons.includes(record.reason ?? DECLINED)),
  };
}

/** Newest first; the id breaks ties so pages never overlap or skip. */
export function newestFirst<T extends { createdAt: string; id: string }>(records: T[]): T[] {
  return records.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
