import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES, type Language } from '../config.js';
import { LOCALES_DIR } from '../paths.js';
import { ENTITY_VALUES, INTENTS, type EntityName, type IntentName } from './intents.js';

/** The file next to each language's texts that holds its training utterances and entity lexicon. */
export const CORPUS_FILE = 'corpus.json';

const utterances = z.array(z.string().trim().min(1)).min(1);

function lexiconSchema<const Values extends readonly string[]>(values: Values) {
  return z.object(Object.fromEntries(values.map((value) => [value, utterances])) as Record<Values[number], typeof utterances>);
}

const corpusSchema = z.object({
  intents: z.object(Object.fromEntries(INTENTS.map((intent) => [intent, utterances])) as Record<IntentName, typeof utterances>),
  entities: z.object({
    plan: lexiconSchema(ENTITY_VALUES.plan),
    timing: lexiconSchema(ENTITY_VALUES.timing),
    language: lexiconSchema(ENTITY_VALUES.language),
    otherProduct: lexiconSchema(ENTITY_VALUES.otherProduct),
    closing: lexiconSchema(ENTITY_VALUES.closing),
  }),
});

/** Training utterances per intent, and per entity the phrases that name each of its values. */
export interface Corpus {
  intents: Record<IntentName, string[]>;
  entities: { [E in EntityName]: Record<(typeof ENTITY_VALUES)[E][number], string[]> };
}

export class CorpusError extends Error {
  constructor(file: string, detail: string) {
    super(`Invalid NLU corpus ${file}: ${detail}`);
    this.name = 'CorpusError';
  }
}

export function loadCorpus(language: Language, localesDir = LOCALES_DIR): Corpus {
  const file = join(localesDir, language, CORPUS_FILE);
  const parsed = corpusSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new CorpusError(
      `${language}/${CORPUS_FILE}`,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  return parsed.data as Corpus;
}

export function loadCorpora(localesDir = LOCALES_DIR): Record<Language, Corpus> {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, loadCorpus(language, localesDir)])) as Record<
    Language,
    Corpus
  >;
}
