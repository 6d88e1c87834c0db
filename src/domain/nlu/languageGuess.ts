import type { Language } from '../config.js';
import type { LanguageGuesser } from '../language.js';
import { tokenize } from './text.js';

/** A language read from a message's words. */
export interface LanguageGuess {
  language: Language;
  /**
   * True when the words leave no doubt (several words of one language, none or few of the other):
   * then the message may override the channel's locale. Short messages ("ok", "tack", "1") are never clear.
   */
  clear: boolean;
  /** How many words spoke for each language. */
  evidence: Record<Language, number>;
}

// A message is clearly in one language when at least this many of its words are, and the other
// language has at most a third as many.
const CLEAR_MIN_WORDS = 2;
const CLEAR_RATIO = 3;

/**
 * Guesses Swedish or English from words that only one language's texts use. The word lists are
 * learnt from the locale files (texts and NLU corpora), so words both languages share (Office,
 * Enterprise, E3, DNS, admin) count for neither; å, ä and ö count for Swedish.
 */
export class WordLanguageGuesser {
  private readonly markers = new Map<string, Language>();

  constructor(textsByLanguage: Record<Language, Iterable<string>>) {
    const vocabulary = {} as Record<Language, Set<string>>;
    for (const [language, texts] of Object.entries(textsByLanguage) as [Language, Iterable<string>][]) {
      const words = new Set<string>();
      for (const text of texts) for (const word of tokenize(text)) if (!/\d/.test(word)) words.add(word);
      vocabulary[language] = words;
    }
    for (const word of vocabulary.sv) if (!vocabulary.en.has(word)) this.markers.set(word, 'sv');
    for (const word of vocabulary.en) if (!vocabulary.sv.has(word)) this.markers.set(word, 'en');
  }

  guess(text: string | undefined): LanguageGuess | undefined {
    if (!text) return undefined;
    const evidence: Record<Language, number> = { sv: 0, en: 0 };
    // Words of our texts are the evidence that can be clear; å, ä and ö alone are not, since names
    // and addresses ("Åsa Öberg", "Storgatan") carry them in any language.
    const known: Record<Language, number> = { sv: 0, en: 0 };
    for (const word of tokenize(text)) {
      const marker = this.markers.get(word);
      if (marker) known[marker] += 1;
      const language = marker ?? (/[åäö]/.test(word) ? 'sv' : undefined);
      if (language) evidence[language] += 1;
    }
    const [winner, loser]: [Language, Language] = evidence.sv >= evidence.en ? ['sv', 'en'] : ['en', 'sv'];
    // One word ("tack", "hello") or a tie says too little: keep the conversation's language.
    if (evidence[winner] < CLEAR_MIN_WORDS || evidence[winner] === evidence[loser]) return undefined;
    const clear = known[winner] >= CLEAR_MIN_WORDS && known[loser] * CLEAR_RATIO <= known[winner];
    return { language: winner, clear, evidence };
  }

  /** The seam `createApp` takes: a language whenever the words tell one. */
  asLanguageGuesser(): LanguageGuesser {
    return (text) => this.guess(text)?.language;
  }

  /** A language only when the words leave no doubt: it may override the channel's locale. */
  asClearLanguageGuesser(): LanguageGuesser {
    return (text) => {
      const guess = this.guess(text);
      return guess?.clear ? guess.language : undefined;
    };
  }
}
