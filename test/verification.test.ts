import type { Language } from '../src/domain/config.js';
import { addressParts, toE164, validateDetail, type DetailField } from '../src/domain/verification.js';
import { text } from './support/i18n.js';

/** Good values: what the admin types, and what is kept. */
const GOOD: Record<DetailField, [input: string, stored: string][]> = {
  userId: [
    ['anna.svensson@contoso.se', 'anna.svensson@contoso.se'],
    ['  Admin@Contoso.onmicrosoft.com ', 'admin@contoso.onmicrosoft.com'],
    ['åsa.öberg@företaget.se', 'åsa.öberg@företaget.se'],
    ["o'brien+it@example.co.uk", "o'brien+it@example.co.uk"],
  ],
  phone: [
    ['+46 70 123 45 67', '+46701234567'],
    ['070-123 45 67', '+46701234567'],
    ['08-123 456 78', '+46812345678'],
    ['0340-123 45', '+4634012345'],
    ['+46 (0)70 123 45 67', '+46701234567'],
    ['+46 070 123 45 67', '+46701234567'],
    ['0046 70 123 45 67', '+46701234567'],
    ['+1 425 555 0100', '+14255550100'],
    ['+1 (425) 555-0100', '+14255550100'],
    ['+44 20 7946 0958', '+442079460958'],
  ],
  contactName: [
    ['Åsa Öberg-Lindqvist', 'Åsa Öberg-Lindqvist'],
    ['  Sean   O’Brien ', 'Sean O’Brien'],
    ["Anna-Karin D'Souza Berg", "Anna-Karin D'Souza Berg"],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Jörgen Ä. Björk', 'Jörgen Ä. Björk'],
  ],
  organization: [
    ['Contoso AB', 'Contoso AB'],
    ['H&M Hennes & Mauritz AB (publ)', 'H&M Hennes & Mauritz AB (publ)'],
    ['Företaget [Syd]   AB', 'Företaget [Syd] AB'],
    ['3M', '3M'],
  ],
  address: [
    ['Storgatan 1, 123 45 Stockholm', 'Storgatan 1, 123 45 Stockholm'],
    ['Storgatan 12B\n12345 Stockholm', 'Storgatan 12B, 12345 Stockholm'],
    ['Box 123, SE-123 45 Göteborg', 'Box 123, SE-123 45 Göteborg'],
    ['1 Microsoft Way, Redmond, WA 98052', '1 Microsoft Way, Redmond, WA 98052'],
    ['10 Downing Street, London SW1A 2AA', '10 Downing Street, London SW1A 2AA'],
    ['Unter den Linden 77, 10117 Berlin', 'Unter den Linden 77, 10117 Berlin'],
    ['Vesterbrogade 3, 1620 København V', 'Vesterbrogade 3, 1620 København V'],
  ],
};

/** Bad values and the problems the re-prompt names, in order. */
const BAD: Record<DetailField, [input: string, problems: string[]][]> = {
  userId: [
    ['', ['empty']],
    ['anna svensson@contoso.se', ['spaces']],
    ['anna.svensson', ['noAt']],
    ['anna@contoso', ['badDomain']],
    ['anna@contoso.', ['badDomain']],
    ['anna@-contoso.se', ['badDomain']],
    ['@contoso.se', ['badName']],
    ['anna..svensson@contoso.se', ['badName']],
    [`${'a'.repeat(250)}@contoso.se`, ['tooLong']],
  ],
  phone: [
    ['', ['empty']],
    ['ring mig', ['letters']],
    ['070#123', ['characters']],
    ['070+1234567', ['plusPlace']],
    ['+0 70 123', ['countryCode']],
    ['70 123 45 67', ['noPrefix']],
    ['070-12', ['tooShort']],
    ['+46 70', ['tooShort']],
    ['+46 70 123 45 67 89 01 23', ['tooLong']],
    ['070-123 45 67 89', ['tooLong']],
    ['00 0000000', ['countryCode']],
  ],
  contactName: [
    ['', ['empty']],
    ['Åsa', ['oneName']],
    ['[click](http://example.com)', ['characters']],
    ['Anna Svensson 2', ['characters']],
    ['anna@contoso.se Svensson', ['characters']],
    [`${'Anna '.repeat(25)}Svensson`, ['tooLong']],
  ],
  organization: [
    ['', ['empty']],
    ['   ', ['empty']],
    ['---', ['noLetters']],
    ['A', ['tooShort']],
    ['A'.repeat(161), ['tooLong']],
  ],
  address: [
    ['', ['empty']],
    ['Storgatan 1, Stockholm', ['noPostalCode']],
    ['Storgatan, 123 45 Stockholm', ['noStreetNumber']],
    ['123 45 Stockholm', ['noStreet']],
    ['Storgatan 1, 123 45', ['noCity']],
    ['Storgatan', ['noStreetNumber', 'noPostalCode', 'noCity']],
    ['x'.repeat(301), ['tooLong']],
  ],
};

const FIELDS = Object.keys(GOOD) as DetailField[];
const LANGUAGES: Language[] = ['sv', 'en'];

describe.each(FIELDS)('verification detail %s (F14)', (field) => {
  test.each(GOOD[field])('accepts %j and keeps %j', (input, stored) => {
    expect(validateDetail(field, input)).toEqual({ ok: true, value: stored });
  });

  test.each(BAD[field])('rejects %j, naming %j', (input, problems) => {
    expect(validateDetail(field, input)).toEqual({
      ok: false,
      problems: problems.map((name) => `support:invalid.${field}.${name}`),
    });
  });

  test.each(LANGUAGES)('every problem has a re-prompt text in %s that is not the bare key', (language) => {
    for (const [, problems] of BAD[field]) {
      for (const name of problems) {
        const key = `support:invalid.${field}.${name}`;
        const said = text(language, key);
        expect(said).not.toBe(`invalid.${field}.${name}`);
        expect(said.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('what the re-prompt says is wrong', () => {
  test.each([
    ['sv', 'address', 'Storgatan 1, Stockholm', 'Postnumret saknas.'],
    ['en', 'address', 'Storgatan 1, Stockholm', 'The postal code is missing.'],
    ['sv', 'address', 'Storgatan, 123 45 Stockholm', 'Gatunumret saknas.'],
    ['en', 'address', 'Storgatan 1, 123 45', 'The city is missing.'],
    ['sv', 'contactName', 'Åsa', 'Jag behöver både förnamn och efternamn.'],
    ['en', 'contactName', 'Åsa', 'I need both the first and the last name.'],
    ['sv', 'userId', 'anna.svensson', 'Ett användar-ID ser ut som en e-postadress'],
    ['en', 'userId', 'anna.svensson', 'A user ID looks like an e-mail address'],
    ['sv', 'phone', 'ring mig', 'inte bokstäver'],
    ['en', 'phone', 'ring mig', 'no letters'],
    ['sv', 'organization', '---', 'Ett organisationsnamn behöver bokstäver eller siffror.'],
    ['en', 'organization', '---', 'An organization name needs letters or digits.'],
  ] as [Language, DetailField, string, string][])('%s %s %j', (language, field, input, expected) => {
    const result = validateDetail(field, input);
    expect(result.ok).toBe(false);
    const said = result.ok ? '' : result.problems.map((key) => text(language, key)).join(' ');
    expect(said).toContain(expected);
  });
});

describe('phone numbers are stored as E.164', () => {
  test('every accepted number is + and 7 to 15 digits', () => {
    for (const [input] of GOOD.phone) {
      const result = toE164(input);
      expect(result.ok && /^\+[1-9]\d{6,14}$/.test(result.value)).toBe(true);
    }
  });
});

describe('address parts', () => {
  test('a street, its number, the postal code and the city on one line', () => {
    expect(addressParts('Storgatan 1 123 45 Stockholm')).toEqual({ street: true, streetNumber: true, postalCode: true, city: true });
  });

  test('a city on the street line when no postal code is given', () => {
    expect(addressParts('Storgatan 1 Stockholm')).toEqual({ street: true, streetNumber: true, postalCode: false, city: true });
  });
});
