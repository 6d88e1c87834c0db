import { normalizeForMatching } from '../language.js';
import { tokenize } from './text.js';

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
  return text.includes('?') || clausesOf(text).some((clause) => QUESTION_WORDS.has(tokenize(clause)[0] ?? ''));
}

/** The message's clauses as written, split at punctuation. */
export function clausesOf(text: string): string[] {
  return text.split(/[.,;:!?\n]+/).filter((clause) => clause.trim() !== '');
}
