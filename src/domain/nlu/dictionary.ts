import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGES, type Language } from '../config.js';
import { LOCALES_DIR } from '../paths.js';

/** The file next to each language's texts with its spelling dictionary: one word a line, `#` comments. */
export const DICTIONARY_FILE = 'words.txt';

/** The words of a dictionary file (lower case); an absent file is an empty dictionary. */
export function readDictionary(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const words = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const word = line.trim().toLowerCase();
    if (word !== '' && !word.startsWith('#')) words.add(word);
  }
  return words;
}

/** Each language's spelling dictionary, from `locales/<lng>/words.txt`. */
export function loadDictionaries(localesDir = LOCALES_DIR): Record<Language, Set<string>> {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, readDictionary(join(localesDir, language, DICTIONARY_FILE))])) as Record<
    Language,
    Set<string>
  >;
}
