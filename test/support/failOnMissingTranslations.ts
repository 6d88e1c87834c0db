// Jest runs this before every test file (setupFilesAfterEnv): a text the user would see as a key path
// fails the test that asked for it, whichever i18n instance (app, dialog test, helper) it came from.
import { takeMissingTranslations } from './missingTranslations.js';

function failOnMissing(): void {
  const missing = takeMissingTranslations();
  if (missing.length > 0) {
    throw new Error(`Translation keys missing (the user would see the key): ${missing.map(({ language, key }) => `${key} (${language})`).join(', ')}`);
  }
}

afterEach(failOnMissing);
afterAll(failOnMissing);
