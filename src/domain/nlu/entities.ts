import type { Corpus } from './corpus.js';
import { ENTITY_NAMES, type EntityName, type RecognizedEntities } from './intents.js';
import { editDistance, tokenize } from './text.js';

interface LexiconEntry {
  entity: EntityName;
  value: string;
  words: string[];
}

/** Where an entity was found (word positions in the normalized text), for `entities.$instance`. */
export interface EntityInstance {
  startWord: number;
  endWord: number;
  text: string;
  value: string;
}

export interface EntityMatches {
  entities: RecognizedEntities;
  instances: Partial<Record<EntityName, EntityInstance[]>>;
}

// Swedish inflects by adding endings ("produktnyckel" → "produktnyckeln", "provperiod" → "provperioden").
const MAX_ENDING = 4;

interface Tolerance {
  endings: boolean;
  typos: boolean;
  typoThenEnding?: boolean;
}

// Names of other products are matched with their endings but without typo tolerance: one letter
// off, "adobe" is "above", "steam" is "team" and "prime" is "price". Closing words are matched
// exactly: "stoppar" and "slutar" are not "stopp" and "sluta". Only the plan names, long Swedish words
// that admins inflect, take both a typo and an ending ("provperiden" for "provperioden").
const TOLERANCE: Partial<Record<EntityName, Tolerance>> = {
  plan: { endings: true, typos: true, typoThenEnding: true },
  otherProduct: { endings: true, typos: false },
  closing: { endings: false, typos: false },
};

// A Swedish plan name may open a compound with the word for what it names: "småföretagsabonnemanget",
// "provperiodslicensen". Inputs we recognise, not texts we show.
const COMPOUND_TAIL = /^s?-?(abonnemang|prenumeration|licens|plan|konto|version)/;

function wordMatches(input: string, lexicon: string, { endings, typos, typoThenEnding = false }: Tolerance): boolean {
  if (input === lexicon) return true;
  if (!endings || lexicon.length < 4 || /\d/.test(lexicon)) return false;
  if (typos && lexicon.length >= 6 && input.startsWith(lexicon) && COMPOUND_TAIL.test(input.slice(lexicon.length))) return true;
  if (input.startsWith(lexicon) && input.length - lexicon.length <= MAX_ENDING) return true;
  if (typoThenEnding && lexicon.length >= INFLECTED_TYPO_MIN_LENGTH && hasTypoThenEnding(input, lexicon)) return true;
  return typos && lexicon.length >= 5 && editDistance(input, lexicon, 1) <= 1;
}

// A long plan word may carry both a typo and an ending ("provperiden" for "provperioden"); shorter ones
// would take other words ("midsizes" is not the point).
const INFLECTED_TYPO_MIN_LENGTH = 8;

/** The input is the lexicon word with one typo, then an ending of up to MAX_ENDING letters. */
function hasTypoThenEnding(input: string, lexicon: string): boolean {
  for (let cut = lexicon.length - 1; cut <= lexicon.length + 1; cut += 1) {
    const ending = input.length - cut;
    if (ending < 1 || ending > MAX_ENDING) continue;
    if (editDistance(input.slice(0, cut), lexicon, 1) <= 1) return true;
  }
  return false;
}

// Plan names that are also everyday words for a firm's size ("Small Business", "Midsize"). Inputs we recognise.
const FIRM_SIZE_WORDS = new Set(['small', 'business', 'midsize', 'midsized', 'mid', 'size', 'medium', 'smb']);
const INDEFINITE_ARTICLES = ['a', 'an', 'en', 'ett'];
// What follows a plan's name when "a" belongs to it: "a small business subscription".
const SUBSCRIPTION_WORD = /^(plan|subscri|licen|tenant|account|premium|abonnemang|prenumeration|konto)/;

/**
 * Whether words that could name a plan describe the firm instead: after an indefinite article ("we're a small
 * business", "vi är en small business") unless a subscription word follows, or in the plural ("apps for small businesses").
 */
function describesTheFirm(entry: LexiconEntry, words: readonly string[], start: number, end: number): boolean {
  if (entry.entity !== 'plan' || !entry.words.every((word) => FIRM_SIZE_WORDS.has(word))) return false;
  const last = entry.words[entry.words.length - 1]!;
  if (words[end - 1] === `${last}es` || words[end - 1] === `${last}s`) return true;
  const before = words[start - 1];
  const after = words[end];
  return before !== undefined && INDEFINITE_ARTICLES.includes(before) && !(after !== undefined && SUBSCRIPTION_WORD.test(after));
}

/**
 * Finds plans, timings, languages and other products by the phrases listed in the corpora of both
 * languages (admins mix them: "cancel E3 nu"), tolerating endings and one typo in longer words.
 */
export class EntityLexicon {
  private readonly entries: LexiconEntry[];

  constructor(corpora: Corpus[]) {
    const seen = new Set<string>();
    this.entries = [];
    for (const corpus of corpora) {
      for (const entity of ENTITY_NAMES) {
        for (const [value, phrases] of Object.entries(corpus.entities[entity]) as [string, string[]][]) {
          for (const phrase of phrases) {
            const words = tokenize(phrase);
            const key = `${entity}|${value}|${words.join(' ')}`;
            if (words.length === 0 || seen.has(key)) continue;
            seen.add(key);
            this.entries.push({ entity, value, words });
          }
        }
      }
    }
    // Longest phrases first, so "office 365 small business" wins over "small business" at the same place.
    this.entries.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string): EntityMatches {
    const words = tokenize(text);
    const taken = new Array<boolean>(words.length).fill(false);
    const found: { entity: EntityName; value: string; start: number; end: number }[] = [];
    for (const entry of this.entries) {
      for (let start = 0; start + entry.words.length <= words.length; start += 1) {
        const end = start + entry.words.length;
        if (taken.slice(start, end).some(Boolean)) continue;
        if (entry.words.every((word, offset) => wordMatches(words[start + offset]!, word, TOLERANCE[entry.entity] ?? { endings: true, typos: true })) && !describesTheFirm(entry, words, start, end)) {
          taken.fill(true, start, end);
          found.push({ entity: entry.entity, value: entry.value, start, end });
        }
      }
    }
    found.sort((a, b) => a.start - b.start);
    const entities: Record<string, string[]> = {};
    const instances: Partial<Record<EntityName, EntityInstance[]>> = {};
    for (const match of found) {
      const values = (entities[match.entity] ??= []);
      if (!values.includes(match.value)) values.push(match.value);
      const matchedText = words.slice(match.start, match.end).join(' ');
      (instances[match.entity] ??= []).push({
        startWord: match.start,
        endWord: match.end,
        text: matchedText,
        value: match.value,
      });
    }
    return { entities: entities as RecognizedEntities, instances };
  }
}
