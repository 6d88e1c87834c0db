/** Longest message the recognizer reads; the rest is cut off before recognition (never an error). */
export const MAX_RECOGNIZED_CHARS = 1000;

/** Cuts a message to MAX_RECOGNIZED_CHARS, at a word boundary when one is near. */
export function truncateForRecognition(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_RECOGNIZED_CHARS) return { text, truncated: false };
  const cut = text.slice(0, MAX_RECOGNIZED_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return { text: lastSpace > MAX_RECOGNIZED_CHARS - 50 ? cut.slice(0, lastSpace) : cut, truncated: true };
}

/**
 * Removes Teams @mentions (`<at>Cancellation assistant</at> …`): a mention names someone, it asks
 * nothing, and the bot's own name ("Cancellation assistant") would otherwise read as a request.
 * Teams' middleware strips the bot's own mention when the channel marks it; this also covers
 * mentions of other people and texts that arrive without the mention entity.
 */
export function stripMentions(text: string): string {
  return text.replace(/<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi, ' ');
}

/**
 * Lower case words and numbers only: punctuation, emoji and hyphens become spaces, so
 * "Enterprise-abonnemang!" and "enterprise abonnemang" read the same.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

// Hyphens as typed: the ASCII one and Unicode's hyphen and non-breaking hyphen ("e‑post").
const HYPHENS = /[\u2010\u2011]/g;
// Letters joined by hyphens, or ending in one: "ns-posterna", "användar-id" in "användar-id:t", "it-" in "it- och ekonomiavdelningen".
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]*)+/gu;

/** The message's hyphenated compounds, lower case and whole: tokenize takes them apart at the hyphen. */
export function hyphenatedCompounds(text: string): string[] {
  const lowered = text.normalize('NFC').toLowerCase().replace(/[’']/g, '').replace(HYPHENS, '-');
  return lowered.match(HYPHENATED) ?? [];
}

/**
 * The words the recognizer's rules read: the message's words, then its hyphenated compounds whole,
 * so a stem written with its hyphen ("e-post", "it-") begins "e-posten" and "it-konsulten" but not
 * "it" in "is it possible". The classifier reads tokenize's words alone.
 */
export function ruleWords(text: string): string[] {
  return [...tokenize(text), ...hyphenatedCompounds(text)];
}

/**
 * Words a stem's letters begin that are other words, often of the other language or a longer
 * everyday word: "who" does not begin "whole", "fee" not "feedback", "id" not "idag". Both
 * languages' rules read every message, so a stem must not catch the other language's words.
 * test/nlu/ruleStems.test.ts holds the false friends each stem list must not match.
 */
export const NOT_BEGUN_BY: Readonly<Record<string, readonly string[]>> = {
  appl: ['apple'],
  bind: ['bindestreck'],
  bot: ['both', 'bott'],
  bra: ['bran'],
  commit: ['committee'],
  do: ['dom', 'dok', 'doc', 'dow', 'dol', 'doz', 'donat', 'donor', 'dott'],
  drop: ['dropbox'],
  fast: ['fastn', 'fastig', 'fastst', 'fastän'],
  fee: ['feedback'],
  fil: ['film', 'filial', 'filt'],
  id: ['idag', 'idé', 'idea', 'ideal', 'ideel', 'idrott', 'idiot'],
  knapp: ['knappt'],
  konto: ['kontor'],
  kvar: ['kvart'],
  led: ['ledar', 'ledning', 'ledamot', 'ledsen', 'ledig', 'ledger'],
  leda: ['ledar'],
  link: ['linkedin'],
  name: ['nameserv', 'namecheap'],
  namn: ['namnserv'],
  office: ['officer'],
  pass: ['passw', 'passa', 'passera', 'passport'],
  person: ['personuppgift'],
  provid: ['provider'],
  provide: ['provider'],
  prove: ['provet'],
  quick: ['quickbook'],
  real: ['really', 'realm', 'realis'],
  redo: ['redov'],
  run: ['runt'],
  share: ['sharepoint'],
  sign: ['signal'],
  ska: ['skap', 'skaff', 'skad', 'skatt'],
  skriv: ['skrivar'],
  start: ['startup', 'startsid'],
  ställ: ['stället', 'ställen'],
  term: ['terminat'],
  tid: ['tidig', 'tidning', 'tidal'],
  use: ['user', 'useless'],
  vill: ['villa', 'villk'],
  who: ['whole'],
};

const OTHER_WORDS = new Map(Object.entries(NOT_BEGUN_BY));

/** Whether the word begins with one of the stems and is not one of the other words its letters begin. */
export function wordBegins(word: string, stems: readonly string[]): boolean {
  return stems.some((stem) => word.startsWith(stem) && !OTHER_WORDS.get(stem)?.some((other) => word.startsWith(other)));
}

/** Whether a word begins with one of the stems (and is not one of the other words its letters begin). */
export function beginsAWord(words: readonly string[], stems: readonly string[]): boolean {
  return words.some((word) => wordBegins(word, stems));
}

/** Whether the words hold one of the phrases as whole words ("back up" in "we back up first", not in "backup"). */
export function holdsPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  const text = ` ${words.join(' ')} `;
  return phrases.some((phrase) => text.includes(` ${phrase} `));
}

/** Where the first of the phrases begins as whole words, or -1 ("hope youre well" in "hi hope youre well" → 1). */
export function phraseStartAt(words: readonly string[], phrases: readonly string[]): number {
  const split = phrases.map((phrase) => phrase.split(' '));
  return words.findIndex((_, at) => split.some((phrase) => phrase.every((word, i) => words[at + i] === word)));
}

/** The first of the phrases (in their order) the words open with, as its words ("i am" opens "i am the admin"). */
export function openingPhrase(words: readonly string[], phrases: readonly string[]): readonly string[] | undefined {
  return phrases.map((phrase) => phrase.split(' ')).find((phrase) => phrase.every((word, i) => words[i] === word));
}

/** Whether the words open with one of the phrases as whole words. */
export function opensWithPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  return openingPhrase(words, phrases) !== undefined;
}

// Scratch rows for editDistance, grown as needed: it runs for every word of every message.
let scratch = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal string alignment distance (Levenshtein plus swapped neighbours: "cancle" → "cancel" is 1). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (scratch[0]!.length <= b.length) scratch = scratch.map(() => new Int32Array(2 * (b.length + 1)));
  // Three rolling rows (the one before last is for swapped neighbours) instead of the whole matrix.
  let [beforeLast, last, current] = scratch as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j += 1) last[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(last[j]! + 1, current[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforeLast[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforeLast, last, current] = [last, current, beforeLast];
  }
  return last[b.length]!;
}

/**
 * The text with letter 4-grams of its longer words appended as extra tokens ("ngpost", "ngoste"…),
 * so an inflected form or a compound shares features with the words the classifier learnt.
 */
export function withCharacterNgrams(text: string): string {
  const grams: string[] = [];
  for (const word of text.split(' ')) {
    if (word.length < 6 || /\d/.test(word)) continue;
    for (let at = 0; at + 4 <= word.length; at += 1) grams.push(`ng${word.slice(at, at + 4)}`);
  }
  return grams.length === 0 ? text : `${text} ${grams.join(' ')}`;
}

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

// Swedish particles (prepositions and adverbs) that lead compounds whose meaning is not their parts': "genomgång"
// (a walk-through), "tillgång" (access), "översikt" (an overview), "uppgift" (a detail), "återkomst" (a return).
export const COMPOUND_PARTICLES = ['genom', 'till', 'upp', 'över', 'under', 'efter', 'från', 'fram', 'bort', 'hem', 'med', 'mot', 'ner', 'åter', 'före', 'för', 'mellan', 'samman', 'vid', 'utom', 'inom'];

/**
 * Replaces words the corpus does not know by the known word closest to them ("prenumration" →
 * "prenumeration"), so the classifier sees the words it was trained on. A word of the language's
 * dictionary is never replaced, even when the corpus lacks it: "whole" is not a typo of "while",
 * nor "undrar" of "ändrar".
 */
export class SpellingCorrector {
  private readonly counts = new Map<string, number>();
  /** Known words by length, in the order first seen: a word is only compared with words of a near length. */
  private readonly byLength = new Map<number, string[]>();
  /** Every beginning (4+ letters) of a known word, to tell an inflected form from a typo. */
  private readonly beginnings = new Set<string>();
  /** Where each word first appears: ties between equally close, equally common words go to the first. */
  private readonly firstSeen = new Map<string, number>();
  /** The stems (4+ letters) of the known words, to tell another form of a known word from a typo. */
  private readonly knownStems = new Set<string>();

  constructor(
    texts: Iterable<string>,
    /** Words of the language beyond the corpus (a spelling dictionary): left as they are. */
    private readonly dictionary: Pick<ReadonlySet<string>, 'has'> = new Set(),
    /** The language's stemmer (the classifier's): a word with a known word's stem is that word inflected. */
    private readonly stem?: (word: string) => string,
  ) {
    for (const text of texts) for (const word of tokenize(text)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    for (const word of this.counts.keys()) {
      this.firstSeen.set(word, this.firstSeen.size);
      const sameLength = this.byLength.get(word.length) ?? [];
      sameLength.push(word);
      this.byLength.set(word.length, sameLength);
      for (let end = 4; end <= word.length; end += 1) this.beginnings.add(word.slice(0, end));
      const stem = this.stem?.(word);
      if (stem !== undefined && stem.length >= 4) this.knownStems.add(stem);
    }
  }

  knows(word: string): boolean {
    return this.counts.has(word);
  }

  correctWord(word: string): string {
    const allowed = allowedTypos(word.length);
    if (allowed === 0 || this.counts.has(word) || this.dictionary.has(word) || /\d/.test(word)) return word;
    // Another form of a known word ("tänker" beside "tänka", "downloading" beside "download") is a word, not a typo: it
    // would otherwise become a known word one letter off ("täcker") or two known words ("down loading").
    const stem = this.stem?.(word);
    if (stem !== undefined && this.knownStems.has(stem)) return word;
    const split = this.splitCompound(word);
    if (split) return split;
    // An inflected form of a known word ("klarar", "först") is left to the stemmer, not "corrected".
    if (this.isInflectedForm(word)) return word;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    let bestCount = 0;
    let bestOrder = Number.POSITIVE_INFINITY;
    for (let length = word.length - allowed; length <= word.length + allowed; length += 1) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, allowed);
        if (distance > allowed) continue;
        const count = this.counts.get(candidate)!;
        const order = this.firstSeen.get(candidate)!;
        const better = distance < bestDistance || (distance === bestDistance && (count > bestCount || (count === bestCount && order < bestOrder)));
        if (better) [best, bestDistance, bestCount, bestOrder] = [candidate, distance, count, order];
      }
    }
    return best ?? word;
  }

  /** A known word of 4+ letters begins this word, or this word begins one. */
  private isInflectedForm(word: string): boolean {
    if (this.beginnings.has(word)) return true;
    for (let end = 4; end < word.length; end += 1) if (this.counts.has(word.slice(0, end))) return true;
    return false;
  }

  /**
   * Swedish writes compounds as one word: "tusentack" → "tusen tack", "kunddatan" → "kund datan" when both parts are
   * known, so the classifier meets words it learnt. Not a compound led by a particle ("genomgång" is a walk-through, no
   * "genom gång"; "tillgång" no "till gång"): its meaning is not its parts'.
   */
  private splitCompound(word: string): string | undefined {
    for (let at = 3; at <= word.length - 3; at += 1) {
      const head = word.slice(0, at);
      const tail = word.slice(at);
      if (this.counts.has(head) && this.counts.has(tail)) return COMPOUND_PARTICLES.includes(head) ? undefined : `${head} ${tail}`;
    }
    return undefined;
  }

  /** The normalized text with each unknown word corrected. */
  correct(text: string): string {
    return tokenize(text)
      .map((word) => this.correctWord(word))
      .join(' ');
  }
}

/**
 * The words as closed compounds too: each two neighbours joined and each hyphenated compound without its hyphens,
 * so a stem written as one word ("testversion", "reopen") also begins "test version", "try-out" or "re-open":
 * English writes open what Swedish closes, and admins write either.
 */
export function withClosedCompounds(words: readonly string[]): string[] {
  const joined = words.slice(1).map((word, at) => `${words[at]}${word}`);
  const unhyphenated = words.filter((word) => word.includes('-')).map((word) => word.replace(/-/g, ''));
  return [...words, ...joined, ...unhyphenated];
}
