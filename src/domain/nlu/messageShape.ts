import { normalizeForMatching } from '../language.js';
import { holdsPhrase, tokenize } from './text.js';

// Inputs we recognise, not texts we show: the words that open a question, in both languages.
const QUESTION_WORDS = new Set([
  'what', 'how', 'why', 'when', 'where', 'who', 'which', 'can', 'could', 'do', 'does', 'is', 'are', 'will', 'would', 'should', 'may', 'must',
  'vad', 'hur', 'varför', 'när', 'var', 'vem', 'vilken', 'vilket', 'vilka', 'kan', 'kommer', 'får', 'måste', 'ska', 'går', 'finns', 'är', 'behöver', 'gäller',
]);

/** The whole message asks: it ends with a question mark or starts with a question word. */
export function readsAsQuestion(text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  const first = normalizeForMatching(text).split(' ')[0] ?? '';
  return QUESTION_WORDS.has(first);
}

/** Some part of the message asks: a question mark, or a clause that opens with a question word ("gratisperioden, måste jag…"). */
export function holdsQuestion(text: string): boolean {
  if (text.includes('?')) return true;
  const opensAsking = (first: string) => QUESTION_WORDS.has(first) || TERSE_OPENINGS.includes(first);
  if (clausesOf(text).some((clause) => opensAsking(tokenize(clause)[0] ?? ''))) return true;
  const words = tokenize(text);
  return words.some((word) => WONDERING.includes(word)) || seeks(words) || asksInline(words);
}

// Inputs we recognise: terse English asks with "any" and no verb ("any month-to-month option for enterprise"); not a question
// opening for readsAsQuestion, whose answers to a prompt ("Any Solutions AB") may open with it.
const TERSE_OPENINGS = ['any'];

// Inputs we recognise: the words that open a direct question inside a run-on message, and the subjects that follow its verb.
// Not "var" (also "was": "det var allt jag ville") nor "när"/"when", which as often tell when something happened.
const INLINE_QUESTION_WORDS = ['vad', 'hur', 'varför', 'vilken', 'vilket', 'vilka', 'what', 'how', 'why', 'which'];
const SUBJECTS = ['man', 'jag', 'vi', 'ni', 'du', 'i', 'we', 'you'];

/** A question asked after a first part without punctuation: question word, verb, subject ("retail-köpt office 365 hur avslutar man"). */
function asksInline(words: readonly string[]): boolean {
  return words.some((word, at) => at > 0 && INLINE_QUESTION_WORDS.includes(word) && SUBJECTS.includes(words[at + 2] ?? ''));
}

// Inputs we recognise: not finding something is asking where it is ("jag hittar ingen avsluta-knapp", "can't find how to stop it").
const SEEKING = ['hittar inte', 'hittar ingen', 'hittar ingenstans', 'ser ingen', 'ser inte', 'cant find', 'cannot find', 'can not find', 'couldnt find', 'unable to find', 'dont see', 'cant see'];

function seeks(words: readonly string[]): boolean {
  return holdsPhrase(words, SEEKING);
}

// Inputs we recognise: words that wonder, so a run-on message without a question mark still asks ("…så jag undrar hur lång tid vi har").
const WONDERING = ['undrar', 'undra', 'wondering', 'wonder'];

/** The message's clauses as written, split at punctuation. */
export function clausesOf(text: string): string[] {
  return text.split(/[.,;:!?\n]+/).filter((clause) => clause.trim() !== '');
}

// Polite words that wrap a request ("hjälp tack", "what can I ask you, thanks"): inputs we
// recognise. Those that thank are taken off at the end ("börja om tack"), or as a clause of their
// own when another clause asks something ("tack, men vad ska jag svara?"), never at the start
// ("tack för hjälpen") nor beside praise ("very helpful, thanks"). The asking ones ("snälla",
// "please") go at either edge.
const THANKING_FILLER = ['tack', 'tack tack', 'tack så mycket', 'tusen tack', 'stort tack', 'thanks', 'thank you', 'thanks a lot', 'many thanks', 'thx', 'cheers'];
const ASKING_FILLER = ['snälla', 'snälla du', 'är du snäll', 'vänligen', 'please', 'pls', 'plz', 'kindly'];

/** The words without the given phrases at their start (when `fromStart`) and end, longest phrase first. */
function stripEdges(words: string[], phrases: string[], fromStart: boolean): string[] {
  const split = phrases.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
  let rest = words;
  for (let changed = true; changed; ) {
    changed = false;
    for (const phrase of split) {
      const n = phrase.length;
      if (rest.length <= n) continue;
      if (phrase.every((word, i) => rest[rest.length - n + i] === word)) [rest, changed] = [rest.slice(0, -n), true];
      else if (fromStart && phrase.every((word, i) => rest[i] === word)) [rest, changed] = [rest.slice(n), true];
    }
  }
  return rest;
}

/**
 * The message without the polite words around what it asks ("snälla, hjälp mig tack" → "hjälp
 * mig"), normalized; the message itself when it is nothing but politeness ("tusen tack").
 */
export function withoutPoliteFiller(text: string): string {
  const isThanks = (words: string[]) => THANKING_FILLER.includes(words.join(' '));
  const clauses = clausesOf(text)
    .map((clause) => tokenize(clause))
    .filter((words) => words.length > 0);
  const asking = clauses.filter((words) => !isThanks(words));
  const kept = asking.length > 0 && holdsQuestion(text) ? asking : clauses;
  const last = kept.length - 1;
  const trimmed = kept.map((words, index) => (index === last && !isThanks(words) ? stripEdges(words, THANKING_FILLER, false) : words));
  const words = stripEdges(trimmed.flat(), ASKING_FILLER, true);
  return words.length === 0 ? tokenize(text).join(' ') : words.join(' ');
}
