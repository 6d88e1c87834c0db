/*
 * "redo", the one word both languages write: Swedish "ready" ("jag är redo", "vad ska jag ha redo"), a sign of the
 * details to have ready for the call (CALL_OR_DETAIL), and the English verb of doing again ("can we redo this").
 * Which one it is shows in the words around it, since both languages' rules read every message.
 */
import { THE_CONVERSATION } from './conversation.js';
import { wordBegins } from '../text.js';

export const REDO = 'redo';
// Inputs we recognise: what stands before the English verb: who is to redo, a request or a wish ("let's redo", "can we
// redo", "want to redo"). Swedish "redo" follows what is ready ("är redo", "ha redo"), none of these.
export const BEFORE_THE_ENGLISH_VERB = ['lets', 'let', 'us', 'me', 'we', 'i', 'you', 'can', 'could', 'may', 'might', 'shall', 'should', 'to', 'please', 'pls', 'just', 'rather', 'wanna', 'gotta', 'and'];
// And what follows it when the whole exchange is done again: the conversation, all of it, the steps and answers in it, from
// the start, or nothing ("redo the whole thing", "redo it all from the top"). "redo the identity check" names its object.
export const REDONE = ['it', 'this', 'that', 'these', 'everything', 'all', 'of', 'the', 'our', 'my', 'whole', 'thing', 'lot', 'again', 'from', 'start', 'beginning', 'top', 'scratch', 'please', 'now', 'steps', 'answers', 'questions', 'then'];
// How many words after the verb are read for what is redone.
export const REDONE_REACH = 5;

/** Whether the message asks in English to do the conversation again: "redo" as the verb, with nothing but the exchange redone. */
export function asksToRedoTheConversation(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (word !== REDO || !BEFORE_THE_ENGLISH_VERB.includes(words[at - 1] ?? '')) return false;
    return words.slice(at + 1, at + 1 + REDONE_REACH).every((later) => REDONE.includes(later) || wordBegins(later, THE_CONVERSATION));
  });
}
