/*
 * The data and its deletion (F04 quick recall, F11 saving the data and its 90 days): quick recall's names, deleting
 * (asksDeletion), haste (showsHaste), whether it all goes at once, the time it is kept (namesRetention), how long
 * (asksHowLong), what happens to it, getting it out (takesDataOut), and cancelling and deleting asked together.
 */
import { type IntentName } from '../intents.js';
import { beginsAWord, holdsPhrase, tokenize } from '../text.js';
import { clausesOf } from '../messageShape.js';
import { CANCELLING, sentencesOf } from './asking.js';
import { namesSubjectOf } from './subjects.js';

// Inputs we recognise: quick recall's names in the seed and in English (F04), and the readings its name in the other language leans to.
export const QUICK_RECALL_NAMES = ['snabb återkallelse', 'snabba återkallelse', 'snabb återkallelsen', 'quick recall', 'expedited deprovisioning'];
export const QUICK_RECALL_NAME_NEIGHBOURS: readonly IntentName[] = ['appliesTo', 'help', 'switchLanguage', 'outOfScope'];

// Openings of a question about what cancelling does (inputs we recognise, not texts we show): such a
// message asks for a fact even when it says "cancel" ("what happens to our files when we cancel?").
export const WHAT_HAPPENS = ['what happens', 'what will happen', 'what becomes of', 'vad händer', 'vad sker', 'vad blir det av', 'hur blir det med', 'vad gör vi med'];

export function asksWhatHappens(normalizedText: string): boolean {
  return holdsPhrase(normalizedText.split(' '), WHAT_HAPPENS);
}

// Inputs we recognise: beginnings of words, and phrases, about getting the data out before leaving (F11).
export const DATA_OUT = ['export', 'download', 'backup', 'säkerhetskopi', 'arkiver', 'archiv'];
export const DATA_OUT_PHRASES = ['back up', 'backa upp', 'ladda ner', 'ladda hem', 'spara undan', 'copy of', 'kopia av'];

export function takesDataOut(words: readonly string[]): boolean {
  return beginsAWord(words, DATA_OUT) || holdsPhrase(words, DATA_OUT_PHRASES);
}

// Inputs we recognise: asking how long (the term's length, F07).
export const HOW_LONG = ['hur lång', 'hur länge', 'how long'];

export function asksHowLong(words: readonly string[]): boolean {
  return holdsPhrase(words, HOW_LONG) || beginsAWord(words, ['längd', 'length', 'duration', 'löptid']);
}

// Inputs we recognise: beginnings of words that ask for haste ("snabbare", "faster", "expedited").
export const HASTE = ['snabb', 'tidigare', 'inom', 'istället', 'skynd', 'påskynd', 'korta', 'förkort', 'quick', 'fast', 'soon', 'earlier', 'within', 'instead', 'expedit', 'speed', 'sped', 'hurry', 'shorten', 'skip', 'asap', 'immedi', 'omedelbar', 'direkt', 'genast', 'wait', 'vänta', 'deprovision', 'avetabl', 'express'];

// Inputs we recognise: beginnings of words about deleting the data.
// Emptying the tenant ("tömma allt", "töms") deletes it too.
export const DELETION = ['radera', 'raderas', 'borttag', 'bortplock', 'deprovision', 'förstör', 'rensa', 'utplån', 'försvinn', 'borta', 'töm', 'wipe', 'purg', 'delet', 'erase', 'destroy', 'destruct', 'gone', 'vanish', 'disappear', 'permanent'];

// Phrases of removing that are deletion when the data, not a domain, is their object.
export const DELETION_PHRASES = ['ta bort', 'tas bort', 'tar bort', 'get rid of'];

// Swedish puts the deleting last in a compound: "snabbradering", "kontoraderingen".
export const DELETION_COMPOUND_ENDS = ['radering', 'raderingen'];

export function asksDeletion(words: readonly string[]): boolean {
  return beginsAWord(words, DELETION) || words.some((word) => DELETION_COMPOUND_ENDS.some((end) => word.endsWith(end))) || (holdsPhrase(words, DELETION_PHRASES) && !namesSubjectOf('domains', words));
}

// A count of days other than the usual 90 (F11) asks for another pace: "erased in 3 days", "inom tre dagar", "på 3 dgr" (typed in haste).
export const DAY_COUNT = /(?:^| )(\d+|en|ett|två|tre|fyra|fem|sex|sju|one|two|three|four|five|six|seven|a few|några) (?:dag|dagar|dagarna|dygn|dgr|day|days)(?= |$)/;

export function namesAnotherPace(words: readonly string[]): boolean {
  const match = DAY_COUNT.exec(words.join(' '));
  return match !== null && match[1] !== '90';
}

// Inputs we recognise: the words that join two things asked for, and how far after them the deleting may come ("and have the lot deleted").
export const AND_WORDS = ['and', 'och', 'plus'];
export const AND_DELETE_REACH = 4;

// Words that open a question after "and": "after cancelling, and when does it disappear" asks when, it asks for no deleting.
export const ASKING_AFTER_AND = ['when', 'how', 'what', 'will', 'does', 'is', 'när', 'hur', 'vad', 'blir'];

/** A word of cancelling joined by "and" to a word of deleting a few words on: both are asked for. */
export function asksToCancelAndDelete(words: readonly string[]): boolean {
  return !asksHowLong(words) && words.some((word, at) => beginsAWord([word], CANCELLING) && AND_WORDS.includes(words[at + 1] ?? '') && !ASKING_AFTER_AND.includes(words[at + 2] ?? '') && asksDeletion(words.slice(at + 2, at + 2 + AND_DELETE_REACH)));
}

// Inputs we recognise: beginnings of words of the data's keeping as such ("the retention period", "retained", "a grace period").
export const RETENTION = ['retention', 'retain', 'grace', 'lagringstid'];

/** The time the data is kept named: by its word, or kept (remaining) for the usual 90 days. */
export function namesRetention(words: readonly string[]): boolean {
  return beginsAWord(words, RETENTION) || (beginsAWord(words, REMAINING) && / 90 (?:dagar|days|dygn)(?= |$)/.test(` ${words.join(' ')}`));
}

// Inputs we recognise: beginnings of words of something staying, still there or kept.
export const REMAINING = ['kvar', 'remain', 'stay', 'kept', 'behålls', 'sparas'];

// Inputs we recognise: words that say when (at once), not how fast; and the words a yes/no question opens with.
export const AT_ONCE = ['direkt', 'genast', 'omedelbart', 'på en gång', 'med en gång', 'immediately', 'instantly', 'straight away', 'right away', 'at once', 'right after', 'straight after', 'directly after'];
export const YES_NO_OPENINGS = ['is', 'are', 'will', 'does', 'do', 'blir', 'kommer', 'är', 'e'];
export const JOINING_OPENINGS = ['och', 'men', 'and', 'but'];

/**
 * A yes/no question whether the data goes at once: it opens with the deleting ("försvinner e-postlådorna
 * direkt?") or with "is"/"will" and holds it, and its only sign of haste is "at once". Asking for haste
 * wishes or asks how ("can we have it deleted immediately", "vill att allt raderas direkt").
 */
export function asksWhetherGoneAtOnce(allWords: readonly string[]): boolean {
  // A question joined to the one before by "och"/"and" opens after it: "Och raderas det på en gång eller efter en tid?".
  const words = JOINING_OPENINGS.includes(allWords[0] ?? '') ? allWords.slice(1) : allWords;
  // Swedish asks with the verb first in the passive or "försvinner" ("raderas mejlen direkt?"); "radera allt direkt" and "delete it right away" ask for it.
  const first = words[0] ?? '';
  // Terse English drops "is it" before the participle: "data after cancel, deleted immediately?".
  const opensWithDeletion = (beginsAWord([first], DELETION) && (first.endsWith('s') || first.endsWith('ed') || first.startsWith('försvinn'))) || YES_NO_OPENINGS.includes(first);
  if (!opensWithDeletion || !asksDeletion(words) || !holdsPhrase(words, AT_ONCE)) return false;
  const rest = ` ${words.join(' ')} `.replace(new RegExp(` (?:${AT_ONCE.join('|')})(?= )`, 'g'), ' ');
  return !showsHaste(rest);
}

/** The message, or one of its sentences or clauses, asks whether the data goes at once: "… jag är lite nervös. Försvinner mejlen direkt?", "efter uppsägningen, raderas den direkt?". */
export function asksWhetherGoneAtOnceIn(text: string, words: readonly string[]): boolean {
  return asksWhetherGoneAtOnce(words) || sentencesOf(text).some((sentence) => asksWhetherGoneAtOnce(tokenize(sentence))) || clausesOf(text).some((clause) => asksWhetherGoneAtOnce(tokenize(clause)));
}

// Whole words only: "fort" begins "fortfarande" (still), which asks how long, not for haste.
export const HASTE_WORDS = ['fort', 'fortare', 'fortast'];

// A shorter pace set against the usual one: "erased rather than kept for the full 90 days", "på dagar snarare än månader".
export const HASTE_PHRASES = ['rather than', 'snarare än'];

export function showsHaste(text: string): boolean {
  const words = tokenize(text);
  return words.some((word) => HASTE_WORDS.includes(word)) || beginsAWord(words, HASTE) || holdsPhrase(words, AT_ONCE) || holdsPhrase(words, HASTE_PHRASES) || namesAnotherPace(words);
}
