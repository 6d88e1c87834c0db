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

/** Optimal string alignment distance (Levenshtein plus swapped neighbours: "cancle" → "cancel" is 1). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Replaces words the corpus does not know by the known word closest to them ("prenumration" →
 * "prenumeration"), so the classifier sees the words it was trained on.
 */
export class SpellingCorrector {
  private readonly counts = new Map<string, number>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) for (const word of tokenize(text)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  knows(word: string): boolean {
    return this.counts.has(word);
  }

  correctWord(word: string): string {
    const allowed = allowedTypos(word.length);
    if (allowed === 0 || this.counts.has(word) || /\d/.test(word)) return word;
    const split = this.splitCompound(word);
    if (split) return split;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    let bestCount = 0;
    for (const [candidate, count] of this.counts) {
      // An inflected form of a known word ("klarar", "först") is left to the stemmer, not "corrected".
      if (candidate.length >= 4 && (word.startsWith(candidate) || candidate.startsWith(word))) return word;
      const distance = editDistance(word, candidate, allowed);
      if (distance > allowed) continue;
      if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = distance;
        bestCount = count;
      }
    }
    return best ?? word;
  }

  /** Swedish writes compounds as one word: "tusentack" → "tusen tack" when both parts are known. */
  private splitCompound(word: string): string | undefined {
    for (let at = 3; at <= word.length - 3; at += 1) {
      const head = word.slice(0, at);
      const tail = word.slice(at);
      if (this.counts.has(head) && this.counts.has(tail)) return `${head} ${tail}`;
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
