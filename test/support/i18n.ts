import type { Language } from '../../src/domain/config.js';
import { createI18n } from '../../src/domain/i18n.js';

const i18n = createI18n();

/** The text of a locale key, for asserting that the user sees exactly our words. */
export function text(language: Language, key: string, options?: Record<string, unknown>): string {
  return i18n.getFixedT(language)(key, options ?? {});
}
