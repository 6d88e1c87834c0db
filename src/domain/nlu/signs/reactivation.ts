/*
 * Bringing back what was cancelled (F03 reactivation): bringing back, undoing, starting the subscription again,
 * getting something back that is not money, and closing the business down.
 */
import { beginsAWord, holdsPhrase, withClosedCompounds, wordBegins } from '../text.js';
import { type IntentName } from '../intents.js';
import { mentionsCancelling } from './asking.js';
import { MONEY, asksForMoneyBack } from './subjects.js';

// Inputs we recognise: beginnings of words, and phrases, of bringing a cancelled subscription back (F05).
export const BRINGING_BACK = ['reactiv', 'reaktiv', 'återaktiv', 'återupp', 'restor', 'återställ', 'reenabl', 'reviv', 'reinstat', 'reopen', 'resum'];
export const BRINGING_BACK_PHRASES = ['bring back', 'brought back', 'bring it back', 'bring them back', 'bringing back', 'bringing it back', 'get it back', 'få tillbaka', 'få den tillbaka', 'få det tillbaka', 'ta tillbaka', 'back on', 'on again', 'igång igen', 're enable', 're enabled', 're activate', 'väcka liv', 'väcka till liv', 'blåsa liv'];
// Inputs we recognise: undoing, and starting (again, with "igen" later in the message), said of something cancelled.
// A cooling-off period ("ångerfrist", "ångerrätt") is a time to undo in.
// Revoking ("häva uppsägningen") and cancelling by mistake ("sa upp av misstag") undo too.
export const UNDOING = ['ångra', 'ånger', 'häva', 'häver', 'misstag', 'undo', 'reverse', 'revers', 'revok', 'mistake', 'revert', 'regret'];
// Changing one's mind, not having meant it, or cancelling the wrong one or by accident, undoes the cancelling it is said of.
export const UNDOING_PHRASES = ['change my mind', 'change our mind', 'changed my mind', 'changed our mind', 'changed our minds', 'did not mean', 'didnt mean', 'never meant', 'cancelled the wrong', 'canceled the wrong', 'terminated the wrong', 'by accident', 'accidentally'];
export const STARTING = ['start', 'aktiver', 'running', 'igång'];
export const AGAIN = ['igen', 'again'];
// Coming back as a customer, said with the cancelling it follows ("cancel now and come back later").
export const COMING_BACK = ['komma tillbaka', 'kommer tillbaka', 'come back', 'coming back'];
// Restarting, said of something cancelled ("starta om det uppsagda abonnemanget"); in the chat alone it is starting over.
export const RESTARTING = ['starta om', 'startar om', 'startas om', 'restart', 'restarted'];

// Regretting oneself ("ångra sig", "ångrar vi oss"): changing one's mind, which here is about the cancelling even when it goes unnamed.
export const ONESELF = ['sig', 'oss', 'mig'];
export const ONESELF_REACH = 3;

// Not when denied around it: "jag ångrar mig inte" wants the cancelling.
export const NOT_REGRETTING = ['inte', 'ej', 'aldrig', 'inget'];

export function regretsOneself(words: readonly string[]): boolean {
  return words.some((word, at) => {
    const around = words.slice(Math.max(0, at - 2), at + 2 + ONESELF_REACH);
    return word.startsWith('ångra') && words.slice(at + 1, at + 1 + ONESELF_REACH).some((later) => ONESELF.includes(later)) && !around.some((near) => NOT_REGRETTING.includes(near));
  });
}

export function bringsBack(words: readonly string[]): boolean {
  // "re-open", "re enable": the prefix written apart or hyphenated brings back as the closed word does.
  if (beginsAWord(withClosedCompounds(words), BRINGING_BACK) || holdsPhrase(words, BRINGING_BACK_PHRASES) || getsBack(words) || regretsOneself(words)) return true;
  // "ångra en uppsägning", "starta upp det igen" after "vi stängde ner": not "börja om" in the chat, which cancels nothing.
  const startsAgain = words.some((word, index) => wordBegins(word, STARTING) && words.slice(index + 1).some((later) => AGAIN.includes(later)));
  return (beginsAWord(words, UNDOING) || holdsPhrase(words, UNDOING_PHRASES) || startsAgain || holdsPhrase(words, COMING_BACK) || holdsPhrase(words, RESTARTING)) && (mentionsCancelling(words) || beginsAWord(words, CLOSING_DOWN));
}

// Inputs we recognise: words of getting or wanting, and of back ("hur får jag tillbaka det", "can we get our subscription back", "the board wants it back").
export const GETTING = ['få', 'får', 'fick', 'ha', 'get', 'got', 'have', 'want', 'wants', 'wanted'];
export const BACK = ['tillbaka', 'back'];
// How far "tillbaka" may follow the getting: "får jag tillbaka det", "get the old subscription back".
export const BACK_REACH = 4;

// Getting "anything" or money back ("får man tillbaka något om man avbryter", "får vi tillbaka pengarna") asks for F02's refund.
export const ANYTHING = ['något', 'nåt', 'nånting', 'någonting', 'anything', 'something'];

/** Getting something back that is not money (F02's refund): "hur får jag tillbaka det snabbt". */
export function getsBack(words: readonly string[]): boolean {
  if (asksForMoneyBack(words)) return false;
  return words.some((word, at) => {
    if (!GETTING.includes(word)) return false;
    const back = words.slice(at + 1, at + 1 + BACK_REACH).findIndex((later) => BACK.includes(later));
    return back >= 0 && !words.slice(at + 1, at + back + 3).some((object) => ANYTHING.includes(object) || wordBegins(object, MONEY));
  });
}

// Inputs we recognise: beginnings of words of closing a subscription down, beside cancelling ("vi stängde ner", "shut down").
export const CLOSING_DOWN = ['stängde', 'stängt', 'shut', 'closed'];
// Intents a question about bringing back what was cancelled leans to: how long (the term's length), cancelling (the path, the term's end).
export const REACTIVATION_NEIGHBOURS: readonly IntentName[] = ['termLengths', 'startCancellation', 'termEnd'];
