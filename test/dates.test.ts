import { DateTime } from 'luxon';
import { daysFromToday, formatDate, parseDateInput } from '../src/domain/dates.js';

const TODAY = '2026-11-26';

describe('reading a typed date', () => {
  test.each([
    ['sv', '24 februari 2027', '2027-02-24'],
    ['sv', 'den 24 feb 2027', '2027-02-24'],
    ['sv', '24 feb. 2027', '2027-02-24'],
    ['sv', '24:e februari 2027', '2027-02-24'],
    ['sv', '2027-02-24', '2027-02-24'],
    ['sv', '24/2/2027', '2027-02-24'],
    ['sv', '24.2.2027', '2027-02-24'],
    ['sv', '3 mars', '2027-03-03'],
    ['sv', '30 december', '2026-12-30'],
    ['en', 'February 24, 2027', '2027-02-24'],
    ['en', 'Feb 24 2027', '2027-02-24'],
    ['en', '24th February 2027', '2027-02-24'],
    ['en', '2/24/2027', '2027-02-24'],
    ['en', 'on March 3', '2027-03-03'],
  ] as const)('%s: "%s" is %s', (language, typed, expected) => {
    expect(parseDateInput(typed, language, TODAY)).toBe(expected);
  });

  test.each([
    ['sv', 'snart'],
    ['sv', '31 februari 2027'],
    ['sv', '2027-13-01'],
    ['en', 'next year'],
    ['en', ''],
    ['en', '24 24 2027'],
    ['en', 'February 2027'],
  ] as const)('%s: "%s" is no date', (language, typed) => {
    expect(parseDateInput(typed, language, TODAY)).toBeUndefined();
  });
});

describe('dates shown and counted', () => {
  test('dates read as each language writes them', () => {
    expect(formatDate('2027-02-24', 'sv')).toBe('24 februari 2027');
    expect(formatDate('2027-02-24', 'en')).toBe('February 24, 2027');
  });

  test('days are counted from the calendar day in the given zone', () => {
    // 23:30 UTC on Nov 26 is already Nov 27 in Stockholm.
    const now = DateTime.fromISO('2026-11-26T23:30:00Z');
    expect(daysFromToday('Europe/Stockholm', 90, now)).toBe('2027-02-25');
    expect(daysFromToday('America/New_York', 90, now)).toBe('2027-02-24');
    expect(daysFromToday('Europe/Stockholm', 3, now)).toBe('2026-11-30');
  });
});
