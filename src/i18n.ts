import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from './config.js';
import { LOCALES_DIR } from './paths.js';

export type Translate = TFunction;

/**
 * Every file `locales/<language>/<name>.json` becomes the namespace `<name>`; keys are written
 * `name:path.to.key` (the `common` namespace needs no prefix).
 */
export function loadLocaleResources(localesDir = LOCALES_DIR): Record<Language, ResourceLanguage> {
  const resources = {} as Record<Language, ResourceLanguage>;
  for (const language of SUPPORTED_LANGUAGES) {
    const folder = join(localesDir, language);
    resources[language] = Object.fromEntries(
      readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => [basename(file, '.json'), JSON.parse(readFileSync(join(folder, file), 'utf8'))]),
    );
  }
  return resources;
}

export function createI18n(localesDir = LOCALES_DIR): i18n {
  const resources = loadLocaleResources(localesDir);
  const instance = i18next.createInstance();
  void instance.init({
    resources: resources as Resource,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    // Texts go to chat clients, not HTML pages; cards and markdown escape what they need themselves.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
