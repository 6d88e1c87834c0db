import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recognizer } from 'botbuilder-dialogs';
import type { Config, Language } from '../config.js';
import { loadLocaleResources } from '../i18n.js';
import { LOCALES_DIR, PROJECT_ROOT } from '../paths.js';
import { TOPIC_REGISTRY, type TopicRegistry } from '../topics.js';
import { loadCorpora } from './corpus.js';
import { loadDictionaries } from './dictionary.js';
import { EmbeddedRecognizer, type SavedModel } from './embeddedRecognizer.js';
import { WordLanguageGuesser } from './languageGuess.js';

export { EmbeddedRecognizer, type EmbeddedRecognizerResult, type SavedModel } from './embeddedRecognizer.js';
export { WordLanguageGuesser, type LanguageGuess } from './languageGuess.js';
export { MAX_RECOGNIZED_CHARS } from './text.js';
export * from './intents.js';
export * from './interpretation.js';

function collectStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}

/** Every text of each language in `locales/` (all namespaces, corpora included). */
export function localeTexts(localesDir = LOCALES_DIR): Record<Language, string[]> {
  const resources = loadLocaleResources(localesDir);
  return { sv: collectStrings(resources.sv, []), en: collectStrings(resources.en, []) };
}

/**
 * Where `npm run build` saves the recognizer trained from `locales/` (src/domain/nlu/saveModelCli.ts), so
 * that a start-up loads it in a few ms instead of training for most of a second. A model trained from
 * other texts than the running ones is not used (its fingerprint differs): then the start-up trains.
 */
export const SAVED_MODEL_FILE = join(PROJECT_ROOT, 'dist', 'nlu-model.json');

function readSavedModel(file: string): SavedModel | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedModel>;
    return typeof saved.fingerprint === 'string' && typeof saved.model === 'string' && typeof saved.ngram === 'object' && saved.ngram !== null ? (saved as SavedModel) : undefined;
  } catch {
    return undefined; // none saved yet, or unreadable: train
  }
}

// A trained recognizer holds no conversation state, so apps in one process (tests) share it.
const trained = new Map<string, Promise<EmbeddedRecognizer>>();

/**
 * The embedded recognizer for the corpora in `locales/<lng>/corpus.json` (once per process): the
 * saved model when it was trained from these very texts, else trained now.
 */
export function createEmbeddedRecognizer(options: {
  defaultLanguage: Language;
  localesDir?: string;
  savedModelFile?: string;
  /** The topics to learn (default: the registry's). */
  topics?: TopicRegistry;
}): Promise<EmbeddedRecognizer> {
  const localesDir = options.localesDir ?? LOCALES_DIR;
  const savedModelFile = options.savedModelFile ?? SAVED_MODEL_FILE;
  const topics = options.topics ?? TOPIC_REGISTRY;
  const key = `${localesDir}|${options.defaultLanguage}|${savedModelFile}|${topics.ids.join(',')}`;
  let recognizer = trained.get(key);
  if (!recognizer) {
    recognizer = EmbeddedRecognizer.train({
      corpora: loadCorpora(localesDir, topics),
      localeTexts: localeTexts(localesDir),
      dictionaries: loadDictionaries(localesDir),
      defaultLanguage: options.defaultLanguage,
      savedModel: readSavedModel(savedModelFile),
      topics,
    });
    trained.set(key, recognizer);
    // A failed training is not cached: the next app start tries again.
    recognizer.catch(() => trained.delete(key));
  }
  return recognizer;
}

/** Tells Swedish from English by the words of the locale texts (works with any recognizer). */
export function createLanguageGuesser(localesDir = LOCALES_DIR): WordLanguageGuesser {
  return new WordLanguageGuesser(localeTexts(localesDir));
}

/**
 * The recognizer the configuration asks for (RECOGNIZER), or undefined for `none`. Any botbuilder
 * `Recognizer` fits here; a hosted one would be another case.
 */
export async function createRecognizer(
  config: Pick<Config, 'recognizer' | 'defaultLocale'>,
  texts: { localesDir?: string; topics?: TopicRegistry } = {},
): Promise<Recognizer | undefined> {
  switch (config.recognizer) {
    case 'embedded':
      return createEmbeddedRecognizer({ defaultLanguage: config.defaultLocale, ...texts });
    case 'none':
      return undefined;
  }
}
