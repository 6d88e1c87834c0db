import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from './config.js';
import { normalizeForMatching } from './language.js';
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

/** A key that code asked for and neither the language nor the fallback has: the user would see its path. */
export interface MissingTranslation {
  language: string;
  /** `namespace:path.to.key`. */
  key: string;
}

export type MissingTranslationHandler = (missing: MissingTranslation) => void;

export interface I18nOptions {
  localesDir?: string;
  /** Hears of each missing key (production logs a warning). */
  onMissingKey?: MissingTranslationHandler;
}

const missingTranslationWatchers = new Set<MissingTranslationHandler>();

/**
 * Hears of a missing key in every instance of this process, however it was built: the test suite
 * fails on one. Returns the function that stops watching.
 */
export function watchMissingTranslations(watcher: MissingTranslationHandler): () => void {
  missingTranslationWatchers.add(watcher);
  return () => void missingTranslationWatchers.delete(watcher);
}

/** A call with a default value asks whether the key exists (or says what to show instead): not a missing text. */
const hasDefaultValue = (options: unknown) =>
  typeof options === 'object' && options !== null && Object.keys(options).some((option) => option.startsWith('defaultValue'));

export function createI18n(options: I18nOptions = {}): i18n {
  const resources = loadLocaleResources(options.localesDir);
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
    // i18next calls the handler only for a key it could not find (no backend: nothing is saved).
    saveMissing: true,
    saveMissingTo: 'current',
    missingKeyHandler: (languages, namespace, key, _fallbackValue, _updateMissing, callOptions) => {
      if (hasDefaultValue(callOptions)) return;
      const missing: MissingTranslation = { language: languages.join(','), key: `${namespace}:${key}` };
      options.onMissingKey?.(missing);
      for (const watcher of missingTranslationWatchers) watcher(missing);
    },
  });
  return instance;
}

/** Keys come from code, not from users, so this never fills; the cap is only a guard. */
const MAX_MEMOIZED_TEXTS = 10_000;
const translators = new WeakMap<i18n, Map<string, Translate>>();

/**
 * The translate function of a language (and namespace), memoized for the calls a turn makes over
 * and over: a key with no values to interpolate (texts, button titles, synonym lists). i18next
 * resolves every call anew, which was a tenth of a turn's CPU in the benchmark's profile. Texts do
 * not change while the process runs, so the memo never goes stale. Lists come back frozen: they are
 * shared.
 */
export function translator(instance: i18n, language: Language, namespace?: string): Translate {
  let byLanguage = translators.get(instance);
  if (!byLanguage) translators.set(instance, (byLanguage = new Map()));
  const id = `${language}\u0000${namespace ?? ''}`;
  const existing = byLanguage.get(id);
  if (existing) return existing;

  const fixed = instance.getFixedT(language, namespace) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const translate = (...args: unknown[]): unknown => {
    const [key, options] = args;
    const mode = typeof key === 'string' && args.length <= 2 ? memoMode(options) : undefined;
    if (!mode) return fixed(...args);
    const memoKey = `${mode}\u0000${key as string}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    const value = fixed(...args);
    if (memo.size < MAX_MEMOIZED_TEXTS) memo.set(memoKey, Array.isArray(value) ? Object.freeze(value) : value);
    return value;
  };
  const memoized = translate as unknown as Translate;
  byLanguage.set(id, memoized);
  return memoized;
}

/** Which calls are memoized: no options ('text'), or only `returnObjects` ('objects'). */
function memoMode(options: unknown): 'text' | 'objects' | undefined {
  if (options === undefined) return 'text';
  if (typeof options !== 'object' || options === null) return undefined;
  const keys = Object.keys(options);
  if (keys.length === 0) return 'text';
  if (keys.length === 1 && (options as { returnObjects?: unknown }).returnObjects === true) return 'objects';
  return undefined;
}

const phraseSets = new WeakMap<i18n, Map<string, Set<string>>>();

/**
 * Whether the input is, word for word (after `normalizeForMatching`), one of the phrases listed
 * under `key` in any language we speak: commands a user may type in either language ("radera mina
 * uppgifter", "skip"). The normalized lists are built once per key.
 */
export function isPhraseOf(instance: i18n, key: string, input: string | undefined): boolean {
  const text = normalizeForMatching(input ?? '');
  if (!text) return false;
  let byKey = phraseSets.get(instance);
  if (!byKey) phraseSets.set(instance, (byKey = new Map()));
  let phrases = byKey.get(key);
  if (!phrases) {
    phrases = new Set(
      SUPPORTED_LANGUAGES.flatMap((language) => {
        const listed = translator(instance, language)(key, { returnObjects: true }) as unknown;
        return Array.isArray(listed) ? listed.map((phrase) => normalizeForMatching(String(phrase))) : [];
      }),
    );
    byKey.set(key, phrases);
  }
  return phrases.has(text);
}
