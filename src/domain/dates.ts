import type { TurnContext } from 'botbuilder';
import { DateTime, IANAZone, Info, Settings } from 'luxon';
import type { Config, Language } from './config.js';

/** The luxon locale whose DATE_FULL reads as our users expect ("24 februari 2027", "February 24, 2027"). */
const DATE_LOCALE: Record<Language, string> = { sv: 'sv', en: 'en-US' };

/** The user's time zone: what the channel sends (`localTimezone`), else the configured default. */
export function userTimeZone(context: TurnContext, config: Pick<Config, 'defaultTimezone'>): string {
  const zone = context.activity.localTimezone;
  return zone && IANAZone.isValidZone(zone) ? zone : config.defaultTimezone;
}

/** The calendar day `days` from today in the zone, as an ISO date ("2027-02-24"): dates survive dialog state as text. */
export function daysFromToday(zone: string, days: number, now?: DateTime): string {
  if (now) return now.setZone(zone).startOf('day').plus({ days }).toISODate()!;
  return todayIn(zone).daysFromToday(days);
}

/**
 * Today in one zone, and the days counted from it, until the zone's next midnight. luxon takes
 * about 0.1 ms to find the day in a zone, and a turn of the paths asks for it up to twice.
 */
interface ZoneDay {
  from: number;
  until: number;
  daysFromToday(days: number): string;
}
const zoneDays = new Map<string, ZoneDay>();

function todayIn(zone: string): ZoneDay {
  // luxon's clock, which tests may set.
  const now = Settings.now();
  const known = zoneDays.get(zone);
  if (known && now >= known.from && now < known.until) return known;
  const start = DateTime.fromMillis(now, { zone }).startOf('day');
  const counted = new Map<number, string>();
  const day: ZoneDay = {
    from: start.toMillis(),
    // The next midnight in the zone (a day is 23 or 25 hours when the clocks change).
    until: start.plus({ days: 1 }).toMillis(),
    daysFromToday: (days) => {
      let date = counted.get(days);
      if (date === undefined) counted.set(days, (date = start.plus({ days }).toISODate()!));
      return date;
    },
  };
  zoneDays.set(zone, day);
  return day;
}

/** `days` after an ISO date, as an ISO date. */
export function daysAfter(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate).plus({ days }).toISODate()!;
}

/** Formatted dates by language and ISO date: the same few dates are shown all day. */
const formattedDates = new Map<string, string>();
const MAX_FORMATTED_DATES = 1000;

export function formatDate(isoDate: string, language: Language): string {
  const key = `${language} ${isoDate}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = DateTime.fromISO(isoDate).setLocale(DATE_LOCALE[language]).toLocaleString(DateTime.DATE_FULL);
    if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return formatted;
}

const simplify = (word: string) => word.toLowerCase().replace(/\./g, '');

/** Month names, long and short, in both languages, to their month number ("februari", "feb", "february" → 2). */
const MONTHS: Map<string, number> = (() => {
  const months = new Map<string, number>();
  for (const locale of ['sv', 'en-US']) {
    for (const style of ['long', 'short'] as const) {
      Info.months(style, { locale }).forEach((name, index) => months.set(simplify(name), index + 1));
    }
  }
  return months;
})();

function validDate(year: number, month: number, day: number): DateTime | undefined {
  const date = DateTime.fromObject({ year, month, day });
  return date.isValid ? date : undefined;
}

/**
 * Reads a date typed in Swedish or English: "24 februari 2027", "den 24 feb 2027", "February 24, 2027",
 * "24th Feb 2027", "2027-02-24", and numeric days as each language writes them (sv 24/2/2027, en 2/24/2027).
 * Without a year, the next such day from `today` on. Returns an ISO date, or undefined when it is no date.
 */
export function parseDateInput(input: string, language: Language, today: string): string | undefined {
  const text = input
    .normalize('NFC')
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/\b(\d{1,2})(st|nd|rd|th|:e|:a)\b/g, '$1')
    .replace(/^(den|on|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');

  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]))?.toISODate() ?? undefined;

  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [day, month] = language === 'en' ? [second, first] : [first, second];
    return validDate(year, month, day)?.toISODate() ?? undefined;
  }

  const words = text.split(' ').map(simplify);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const word of words) {
    if (/^\d{4}$/.test(word) && year === undefined) year = Number(word);
    else if (/^\d{1,2}$/.test(word) && day === undefined) day = Number(word);
    else if (MONTHS.has(word) && month === undefined) month = MONTHS.get(word);
    else return undefined;
  }
  if (day === undefined || month === undefined) return undefined;
  if (year !== undefined) return validDate(year, month, day)?.toISODate() ?? undefined;
  const start = DateTime.fromISO(today);
  const thisYear = validDate(start.year, month, day);
  const date = thisYear && thisYear >= start ? thisYear : validDate(start.year + 1, month, day);
  return date?.toISODate() ?? undefined;
}
