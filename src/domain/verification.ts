import { z } from 'zod';

/**
 * The five details support asks a caller for (F14), in the order the assistant collects them.
 * Each schema trims and normalizes what the admin typed; every issue message is a locale key
 * (`support:invalid.<field>.<problem>`) so the re-prompt says, in the admin's language, what is wrong.
 */
export const DETAIL_FIELDS = ['userId', 'phone', 'contactName', 'organization', 'address'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The collected details; a skipped detail is absent. */
export type VerificationDetails = Partial<Record<DetailField, string>>;

const problem = (field: DetailField, name: string) => `support:invalid.${field}.${name}`;

/** Reports one problem by name; checks return after the first problem that makes the rest moot. */
type Fail = (name: string) => void;

/** A detail schema: tidy the text, then check it, each problem reported as its locale key. */
function detailSchema(field: DetailField, prepare: (value: string) => string, check: (value: string, fail: Fail) => void) {
  return z
    .string()
    .transform(prepare)
    .superRefine((value, ctx) => check(value, (name) => ctx.addIssue({ code: 'custom', message: problem(field, name) })));
}

/** Details other than the address are one line. */
const oneLine = (value: string) => tidy(value).replace(/\n/g, ' ');

/** Collapses runs of spaces and tabs (not newlines: an address may come on several lines). */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

// ---- user ID: the sign-in name, in e-mail form (anna.svensson@contoso.se) ----

const EMAIL_LOCAL = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

export const userIdSchema = detailSchema('userId', oneLine, (value, fail) => {
  if (value === '') return fail('empty');
  if (/\s/.test(value)) return fail('spaces');
  if (value.length > 254) return fail('tooLong');
  const at = value.lastIndexOf('@');
  if (at < 0) return fail('noAt');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '' || !EMAIL_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('badName');
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !/^\p{L}{2,}$/u.test(labels.at(-1) ?? '')) {
    return fail('badDomain');
  }
})
  // Sign-in names are case-insensitive; lower case lets support match them as typed in the portal.
  .transform((value) => value.toLowerCase());

// ---- phone number: international (+46 70 123 45 67, +1 425 555 0100, 0046 …) or Swedish national (070-123 45 67) ----

/** E.164 allows at most 15 digits after the "+"; the shortest real numbers have about 7. */
const E164_MAX_DIGITS = 15;
const E164_MIN_DIGITS = 7;
/** Swedish national numbers: a trunk 0 and 7–9 more digits (08-123 45, 070-123 45 67, 0340-123 45). */
const SWEDISH_NATIONAL_DIGITS = { min: 8, max: 10 };

/**
 * Normalizes a phone number to E.164 ("+46701234567"), or says why it can't. Swedish national
 * numbers get +46 in place of their trunk 0; "+46 (0)70…" and "+46 070…" lose the stray 0.
 * We check the shape, not the numbering plan: support verifies the number against the account.
 */
export function toE164(input: string): { ok: true; value: string } | { ok: false; problem: string } {
  const text = tidy(input);
  if (text === '') return { ok: false, problem: 'empty' };
  if (/\p{L}/u.test(text)) return { ok: false, problem: 'letters' };
  if (!/^[+\d\s\-().\/]+$/.test(text)) return { ok: false, problem: 'characters' };
  if (text.indexOf('+') > 0 || (text.match(/\+/g)?.length ?? 0) > 1) return { ok: false, problem: 'plusPlace' };
  const international = text.startsWith('+') || /^00/.test(text.replace(/\D/g, ''));
  let digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (international) {
    if (!text.startsWith('+')) digits = digits.slice(2); // 0046… → 46…
    if (digits.startsWith('460')) digits = '46' + digits.slice(3);
    if (digits.startsWith('0')) return { ok: false, problem: 'countryCode' };
    if (digits.length < E164_MIN_DIGITS) return { ok: false, problem: 'tooShort' };
    if (digits.length > E164_MAX_DIGITS) return { ok: false, problem: 'tooLong' };
    return { ok: true, value: `+${digits}` };
  }
  if (!digits.startsWith('0')) return { ok: false, problem: 'noPrefix' };
  if (digits.length < SWEDISH_NATIONAL_DIGITS.min) return { ok: false, problem: 'tooShort' };
  if (digits.length > SWEDISH_NATIONAL_DIGITS.max) return { ok: false, problem: 'tooLong' };
  return { ok: true, value: `+46${digits.slice(1)}` };
}

export const phoneSchema = z.string().transform((value, ctx) => {
  const result = toE164(value);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: problem('phone', result.problem) });
  return z.NEVER;
});

// ---- contact person: first and last name, any script (Åsa Öberg-Lindqvist, O'Brien, Nguyễn Văn An) ----

const NAME_PART = /^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?$/u;

export const contactNameSchema = detailSchema('contactName', oneLine, (value, fail) => {
  if (value === '') return fail('empty');
  if (value.length > 100) return fail('tooLong');
  const parts = value.split(' ');
  if (!parts.every((part) => NAME_PART.test(part))) return fail('characters');
  if (parts.length < 2) return fail('oneName');
});

// ---- organization name, as in the Office 365 account (any characters: "H&M", "AT&T", "Företaget [Syd] AB") ----

export const organizationSchema = detailSchema('organization', oneLine, (value, fail) => {
  if (value === '') return fail('empty');
  if (!/[\p{L}\p{N}]/u.test(value)) return fail('noLetters');
  if (value.length < 2) return fail('tooShort');
  if (value.length > 160) return fail('tooLong');
});

// ---- full postal address: a street line with a number, a postal code and a city ----

/**
 * Postal-code-like tokens: Swedish "123 45"/"12345" (optionally "SE-"), other all-digit codes
 * (4–6 digits, US ZIP+4), UK "SW1A 1AA" and Canadian "K1A 0B1". Upper case only for the lettered
 * forms, so ordinary words never look like postal codes.
 */
const POSTAL_CODE =
  /(?<![\p{L}\p{N}])(?:(?:[A-Z]{1,2}-)?\d{3} ?\d{2}|\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?![\p{L}\p{N}])/gu;
const WORD = /\p{L}{2,}/u;

export interface AddressParts {
  street: boolean;
  streetNumber: boolean;
  postalCode: boolean;
  city: boolean;
}

/** What an address has, pragmatically: enough to say exactly which part is missing. */
export function addressParts(address: string): AddressParts {
  const matches = [...address.matchAll(POSTAL_CODE)];
  const postal = matches.at(-1);
  const before = postal ? address.slice(0, postal.index) : address;
  const after = postal ? address.slice((postal.index ?? 0) + postal[0].length) : '';
  const segments = before
    .split(/[\n,;]+/)
    .map((segment) => segment.trim())
    .filter(Boolean);
  const streetIndex = segments.findIndex((segment) => WORD.test(segment) && /\d/.test(segment));
  const street = streetIndex >= 0 || segments.some((segment) => WORD.test(segment));
  const otherSegments = segments.filter((_, index) => index !== (streetIndex >= 0 ? streetIndex : 0));
  // "Storgatan 1 Stockholm" on one line: words both before and after the number, the last one a city.
  const streetLine = streetIndex >= 0 ? segments[streetIndex] ?? '' : '';
  const firstDigit = streetLine.search(/\d/);
  const lastDigit = streetLine.search(/\d\D*$/);
  const cityOnStreetLine = firstDigit > 0 && WORD.test(streetLine.slice(0, firstDigit)) && WORD.test(streetLine.slice(lastDigit + 1));
  return {
    street,
    streetNumber: streetIndex >= 0,
    postalCode: !!postal,
    city: WORD.test(after) || cityOnStreetLine || otherSegments.some((segment) => WORD.test(segment)),
  };
}

export const addressSchema = detailSchema('address', tidy, (value, fail) => {
  if (value === '') return fail('empty');
  if (value.length > 300) return fail('tooLong');
  const parts = addressParts(value);
  if (!parts.street) fail('noStreet');
  else if (!parts.streetNumber) fail('noStreetNumber');
  if (!parts.postalCode) fail('noPostalCode');
  if (!parts.city) fail('noCity');
})
  // Stored and shown on one line: "Storgatan 1, 123 45 Stockholm".
  .transform((value) => value.replace(/\s*\n\s*/g, ', ').replace(/,\s*,/g, ','));

export const DETAIL_SCHEMAS: Record<DetailField, z.ZodType<string, string>> = {
  userId: userIdSchema,
  phone: phoneSchema,
  contactName: contactNameSchema,
  organization: organizationSchema,
  address: addressSchema,
};

export type DetailValidation = { ok: true; value: string } | { ok: false; problems: string[] };

/** Validates one detail: the normalized value, or the locale keys of what is wrong (in order, no repeats). */
export function validateDetail(field: DetailField, input: string): DetailValidation {
  const parsed = DETAIL_SCHEMAS[field].safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: [...new Set(parsed.error.issues.map((issue) => issue.message))] };
}
