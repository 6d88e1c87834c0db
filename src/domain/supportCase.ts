import { randomInt } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { isPhraseOf } from './i18n.js';
import { CREATE_ONLY_ETAG, isETagConflict } from './storage/optimisticConversationState.js';

/** No 0/O, 1/I/L, U or V/W pairs to confuse when a reference is read out on the phone. */
export const CASE_REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTXYZ';
export const CASE_REFERENCE_PATTERN = new RegExp(`^CA-[${CASE_REFERENCE_ALPHABET}]{6}$`);

/** A short case reference the admin can read out to support, e.g. "CA-7K3Q9P". */
export function newCaseReference(): string {
  let code = '';
  for (let index = 0; index < 6; index++) code += CASE_REFERENCE_ALPHABET[randomInt(CASE_REFERENCE_ALPHABET.length)];
  return `CA-${code}`;
}

// Where a reference that was given is remembered: one small document per reference, in the state
// storage, holding only the reference's date (no personal data). Kept when its case is removed, so
// support never meets an old reference on a new case.
const USED_REFERENCE_PREFIX = 'case-references/';

/**
 * A case reference no case has had, reserved with a create-only write (the one a new conversation's
 * first save uses): one write per draw however many cases are stored, and two instances drawing the
 * same reference at once cannot both get it. A drawn reference that is taken is drawn again.
 */
export async function reserveCaseReference(storage: Storage, generate: () => string = newCaseReference): Promise<string> {
  for (;;) {
    const reference = generate();
    try {
      await storage.write({ [`${USED_REFERENCE_PREFIX}${reference}`]: { usedAt: new Date().toISOString(), eTag: CREATE_ONLY_ETAG } });
      return reference;
    } catch (error) {
      if (!isETagConflict(error)) throw error;
    }
  }
}

export type SupportCommand = 'skip' | 'stop';

/**
 * "skip"/"hoppa över" and "stop"/"stoppa"/"sluta", in either language. Deliberately not "avbryt" or
 * "avsluta" (nor "cancel"): in Swedish they also mean cancelling the subscription, which is why
 * the admin is here. The words live in locales/<lng>/support.json (`commands`).
 */
export function supportCommand(i18n: i18n, input: string): SupportCommand | undefined {
  return (['skip', 'stop'] as const).find((command) => isPhraseOf(i18n, `support:commands.${command}`, input));
}
