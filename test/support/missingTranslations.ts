import { watchMissingTranslations, type MissingTranslation } from '../../src/domain/i18n.js';

const missing: MissingTranslation[] = [];
watchMissingTranslations((translation) => missing.push(translation));

/** The keys found missing since the last call, taken: a test that misses one on purpose takes it here. */
export function takeMissingTranslations(): MissingTranslation[] {
  return missing.splice(0);
}
