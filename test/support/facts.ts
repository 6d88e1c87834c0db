import type { Language } from '../../src/domain/config.js';
import { text } from './i18n.js';

/**
 * Asserts that the user saw a fact's text (a `facts:Fnn.*` key) and records which fact was
 * asserted in which language, so a coverage test in the same file can check F01–F16 per language.
 */
export class FactAssertions {
  private readonly seen = new Set<string>();

  expectFact(transcript: string, language: Language, key: string, args?: Record<string, unknown>): void {
    const id = /^facts:(F\d\d)\./.exec(key)?.[1];
    if (!id) throw new Error(`${key} is not a fact key`);
    expect(transcript).toContain(text(language, key, args));
    this.seen.add(`${language}:${id}`);
  }

  /** The fact ids (F01…) asserted in a language. */
  asserted(language: Language): string[] {
    return [...this.seen].filter((entry) => entry.startsWith(`${language}:`)).map((entry) => entry.slice(language.length + 1)).sort();
  }
}

export const ALL_FACTS = Array.from({ length: 16 }, (_, index) => `F${String(index + 1).padStart(2, '0')}`);
