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

// A word marks a language when that language's texts use it at least this many times as often as the
// other's: the training messages mix in the other language now and then, as admins do ("kan vi få en
// refund", "is it possible to continue på svenska"), and one such use must not unmark the word.
const MARKER_RATIO = 10;

/**
 * Guesses Swedish or English from words that (nearly) only one language's texts use. The word lists are
 * learnt from the locale files (texts and NLU corpora), so words both languages share (Office,
 * Enterprise, E3, DNS, admin) count for neither; å, ä and ö count for Swedish.
 */
export class WordLanguageGuesser {
  private readonly markers = new Map<string, Language>();

  constructor(textsByLanguage: Record<Language, Iterable<string>>) {
    const uses = { sv: new Map<string, number>(), en: new Map<string, number>() };
    for (const [language, texts] of Object.entries(textsByLanguage) as [Language, Iterable<string>][]) {
      for (const text of texts) for (const word of tokenize(text)) if (!/\d/.test(word)) uses[language].set(word, (uses[language].get(word) ?? 0) + 1);
    }
    for (const [language, other] of [['sv', 'en'], ['en', 'sv']] as const) {
      for (const [word, count] of uses[language]) if (count >= MARKER_RATIO * (uses[other].get(word) ?? 0)) this.markers.set(word, language);
    }
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
