/*
 * The call to support (F14 verification, reaching support; F15 someone else calling): the details support checks
 * and proving who one is, ours or support's (namesOurDetail), being put through to a person, the ways to reach
 * support, and whether another person may make the call.
 */
import { beginsAWord, holdsPhrase, ruleWords, wordBegins } from '../text.js';
import { type IntentName } from '../intents.js';
import { askingSentence, HOW_OR_WHERE, POLITE_REQUESTS } from './asking.js';
import { asksWhoseCallItIs, CALLING, MAY_OR_CAN, namesRole, PERMISSION } from './roles.js';
import { namesSubjectOf } from './subjects.js';

// Inputs we recognise: beginnings of words of what is given, prepared or checked for the call (F14), and of the ways to reach support.
// Not SUPPORT_ASKS: its verbs of needing and asking ("need", "want", "behöv") also ask for support itself.
export const FOR_THE_CALL = ['info', 'detail', 'provid', 'prepar', 'verif', 'security', 'checklist', 'requir'];
export const WAYS_TO_REACH = ['number', 'nummer', 'numret', 'contact', 'kontakt', 'reach', 'email', 'mail', 'chat', 'open', 'hour', 'öppet'];
// Inputs we recognise: beginnings of words of what support asks or checks on the call, and of support or a person to reach.
// Not SUPPORT_ASKS either: "need" also asks who must call ("or do they need to call themselves").
export const ASKED_ON_THE_CALL = ['fråg', 'question', 'uppgift', 'detail', 'säkerhet', 'security', 'kontroll', 'check', 'info'];
// Inputs we recognise: beginnings of words of being asked, beside what is asked on the call ("what will they ask me when I call").
export const ASKED_OF_THE_CALLER = ['ask', 'fråga'];
// Who is reached only, not how (REACHING_SUPPORT's numbers, contact and talking): as REACHING_SUPPORT it cost a reading (CV en 940 to 939).
export const SUPPORT_OR_PERSON = ['support', 'kundtjänst', 'kundservice', 'microsoft', 'människ', 'person', 'handläggare', 'agent', 'human'];

// Inputs we recognise: beginnings of words, and phrases, of a way to reach support: its number, a person, contact, being put through, talking.
// REACHING_A_PERSON is what a way to reach support and reaching support (REACHING_SUPPORT, below) share.
export const REACHING_A_PERSON = ['nummer', 'numret', 'number', 'kontakt', 'contact', 'reach', 'koppla', 'connect', 'transfer', 'escalat', 'eskaler', 'prata', 'tala', 'talk', 'speak', 'människ', 'person', 'human', 'agent', 'handläggare', 'someone', 'somebody', 'anyone', 'någon', 'nån', 'levande', 'riktig', 'real', 'live'];
export const REACHING_WAYS = [...REACHING_A_PERSON, 'chatt', 'chat', 'actual'];
// A number as the head of a Swedish compound ("telefonnumret", "supportnummer", "tfnnr").
export const NUMBER_ENDS = ['nummer', 'numret', 'nr'];
export const REACHING_PHRASES = ['get hold', 'hold of', 'in touch', 'tag på', 'få tag', 'nå supporten', 'nå support', 'call me', 'ring mig', 'ringa mig', 'ringer mig'];
// What support asks, needs or checks on the call: the details (F14).
export const SUPPORT_ASKS = ['fråg', 'ask', 'uppgift', 'detail', 'info', 'kräv', 'requir', 'need', 'behöv', 'want', 'veta', 'know', 'check', 'kontroll', 'verifi', 'förbered', 'prepar', 'ready', 'redo', 'framme', 'provide', 'uppge', 'lämna'];

/** A way to reach support asked for: its number, a person, contact, how or where to call ("vart ringer jag"), or the assistant asked to call ("can you call support for me"); or being called back. */
export function asksWayToReachSupport(words: readonly string[]): boolean {
  return handsOverToSupport(words) || (POLITE_REQUESTS.includes(words.slice(0, 2).join(' ')) && beginsAWord(words, CALLING)) || beginsAWord(words, REACHING_WAYS) || words.some((word) => NUMBER_ENDS.some((end) => word.endsWith(end)) || word === 'nå' || word === 'når') || holdsPhrase(words, REACHING_PHRASES) || words.some((word, at) => [...HOW_OR_WHERE, 'vart'].includes(word) && beginsAWord(words.slice(at + 1, at + 4), CALLING));
}

// Inputs we recognise: being put through to someone, and a person named with talking or chatting to them.
export const PUTTING_THROUGH = ['koppla', 'kopplad', 'vidarekoppl'];
export const PUTTING_THROUGH_PHRASES = ['put me through', 'put us through', 'connect me', 'connect us', 'transfer me', 'transfer us'];
export const A_PERSON = ['handläggare', 'människa', 'person', 'agent', 'human', 'someone', 'somebody', 'någon', 'nån', 'operator', 'staff', 'representative'];
// Whole words: "talat" in "ärligt talat" (honestly) talks to no one.
export const TALKING = ['prata', 'pratar', 'snacka', 'tala', 'talar', 'chatta', 'chattar', 'talk', 'speak', 'chat'];

// Whom one is put through to, or who is put through: "koppla upp skrivaren" and "domänen är kopplad till 365" put no one through.
export const PUT_THROUGH_PARTIES = [...A_PERSON, 'support', 'kundtjänst', 'kundservice', 'mig', 'oss'];
// A party with an inflection at most ("supporten", "handläggaren"), not a compound that merely begins with one ("personalchefen").
export const PARTY_ENDING_MAX = 2;

export function putsThrough(words: readonly string[]): boolean {
  // The party follows the verb: "telefonnumret kopplat till kontot, frågar supporten om det?" puts no one through.
  const at = words.findIndex((word) => wordBegins(word, PUTTING_THROUGH));
  return (at >= 0 && words.slice(at + 1).some((word) => PUT_THROUGH_PARTIES.some((party) => word.startsWith(party) && word.length - party.length <= PARTY_ENDING_MAX))) || holdsPhrase(words, PUTTING_THROUGH_PHRASES);
}

// Inputs we recognise: the assistant as a machine, and the words that set a person against it ("personal, inte robot", "a human not a bot").
export const THE_MACHINE = ['robot', 'roboten', 'bot', 'boten', 'maskin', 'maskinen', 'automat', 'ai', 'machine'];
export const RATHER_THAN = ['inte', 'ej', 'istället', 'snarare', 'not', 'instead', 'rather'];
// Beside A_PERSON, the people of a firm ("en medarbetare", "någon i personalen", "a staff member").
export const STAFF = ['medarbetare', 'anställd', 'personal', 'tekniker', 'staff', 'employee'];

/** A person set against the assistant as a machine: "personal, inte robot", "människa istället för bot". */
export function prefersAPersonToTheMachine(words: readonly string[]): boolean {
  return (beginsAWord(words, A_PERSON) || beginsAWord(words, STAFF)) && words.some((word) => THE_MACHINE.includes(word)) && words.some((word) => RATHER_THAN.includes(word));
}

/** Being put through, or a person named with talking to them; "domänen är kopplad till 365" names a subject and is no such request. */
export function asksForAPerson(words: readonly string[]): boolean {
  return putsThrough(words) || prefersAPersonToTheMachine(words) || (beginsAWord(words, STAFF) && words.some((word) => TALKING.includes(word))) || (beginsAWord(words, A_PERSON) && words.some((word) => TALKING.includes(word))) || handsOverToSupport(words) || namesOnlyAPerson(words);
}

// Inputs we recognise: a person called for by name alone ("operator!", "a human please", "jag vill ha en människa"), and the words around it that add nothing.
export const A_PERSON_ALONE = ['handläggare', 'människa', 'agent', 'human', 'operator', 'representative'];
export const AROUND_A_PERSON = ['please', 'pls', 'a', 'an', 'i', 'want', 'need', 'get', 'me', 'real', 'live', 'actual', 'tack', 'en', 'jag', 'vill', 'ha', 'behöver', 'riktig', 'levande', 'snälla'];
export const PERSON_ALONE_MAX_WORDS = 5;

/** A person called for and nothing more: "operator!", "I want an operator", "en riktig människa tack". */
export function namesOnlyAPerson(words: readonly string[]): boolean {
  return words.length <= PERSON_ALONE_MAX_WORDS && words.some((word) => A_PERSON_ALONE.includes(word)) && words.every((word) => A_PERSON_ALONE.includes(word) || AROUND_A_PERSON.includes(word));
}

// Inputs we recognise: phrases of being called back, and of someone taking the matter over.
export const CALLED_BACK = ['bli uppringd', 'bli uppringda', 'ringa upp mig', 'ringa upp oss', 'ringer upp mig', 'ringer upp oss', 'call me back', 'call us back', 'ring me back', 'ring us back', 'callback', 'uppringning', 'samtal från er', 'samtal från supporten', 'call from support', 'call from you'];
export const TAKING_OVER = ['ta över', 'tar över', 'take over', 'takes over', 'take this over', 'take it over', 'take it from here'];
// Support's people, also as the last part of a Swedish compound ("supportteknikern"), and phrases that make a person support's ("en medarbetare hos er").
// A colleague taking over is not support's: "kan min kollega ta över ärendet" asks who may call (F15).
export const SUPPORTS_PEOPLE = ['support', 'microsoft', 'kundtjänst', 'kundservice', 'tekniker', 'technician', 'engineer', 'handläggare', 'agent', 'specialist', 'expert'];
export const OF_YOURS = ['hos er', 'från er', 'hos dig', 'from you', 'of yours', 'on your side', 'at your end', 'your end'];

/** Being called back ("går det att bli uppringd"), or support's people asked to take the matter over ("can somebody from Microsoft take over"). */
export function handsOverToSupport(words: readonly string[]): boolean {
  const supports = words.some((word) => SUPPORTS_PEOPLE.some((person) => word.includes(person))) || holdsPhrase(words, OF_YOURS);
  return holdsPhrase(words, CALLED_BACK) || (holdsPhrase(words, TAKING_OVER) && supports);
}
export const NOT_ANOTHER = ['i', 'we', 'you', 'me', 'us', 'they', 'it', 'someone', 'somebody', 'anyone', 'support', 'microsoft', 'jag', 'vi', 'du', 'ni', 'de', 'dom', 'man', 'någon', 'nån', 'supporten', 'det', 'ni', 'then', 'also', 'även', 'också'];

/**
 * Another person asked to make the call: "can payroll ring them", "får vår kassör ringa in" (not "can I call", "can someone call me").
 */
export function asksWhetherAnotherMayCall(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (!MAY_OR_CAN.includes(word)) return false;
    const call = words.findIndex((later, index) => index > at + 1 && index <= at + 4 && wordBegins(later, CALLING));
    if (call < 0) return false;
    const between = words.slice(at + 1, call);
    return between.every((other) => !NOT_ANOTHER.includes(other)) && !between.some((other) => wordBegins(other, CALLING));
  });
}
// Inputs we recognise: beginnings of words of reaching support or a person. Without any, "write me a cover letter" is no request to be put through.
// Not "chat" ("end this chat" names this conversation: a sign of support there cost dev en a reading) nor "actual" ("actually").
export const REACHING_SUPPORT = [...REACHING_A_PERSON, 'support', 'kundtjänst', 'kundservice', 'microsoft', 'customer', 'staff', 'telefon', 'ring', 'call', 'phone', 'chatta'];

// Inputs we recognise: phone-number words (support's number as often as ours), and the words that make a detail ours.
export const PHONE_NUMBER = ['telefonnummer', 'telefonnumret', 'telefonnumren', 'phone'];
export const OURS = ['vår', 'vårt', 'våra', 'min', 'mitt', 'mina', 'kontot', 'our', 'my', 'account'];

/** A detail support checks (F14) that is the admin's: any but a phone number, or a phone number said to be ours. */
export function namesOurDetail(words: readonly string[]): boolean {
  const beyondPhone = words.filter((word) => !wordBegins(word, PHONE_NUMBER));
  return namesSubjectOf('verification', beyondPhone) || (beyondPhone.length < words.length && words.some((word) => OURS.includes(word)));
}

// Inputs we recognise: beginnings of words about proving who one is (F14), and phrases that ask it.
export const IDENTITY = ['bevis', 'styrk', 'ident', 'legitim', 'verif', 'prove', 'proof'];
export const WHO_ONE_IS = ['vem jag är', 'vilka vi är', 'att det är jag', 'att det är vi', 'det verkligen är', 'who i am', 'who we are', 'its really', 'it is really', 'really us', 'really me'];

// Intents a question about proving who one is leans to: the call's (who may call, support) and feedback's ("kontrollerar supporten").
export const IDENTITY_NEIGHBOURS: readonly IntentName[] = ['whoMayCall', 'talkToSupport', 'giveFeedback'];

/**
 * Proving who one is on the call is the details support checks (F14), not who may call (F15): both
 * are about the phone call, so "hur bevisar jag vem jag är i telefon" leans to who may call unless
 * the proof decides. A role or a permission named keeps it who may call ("what proves I am the admin").
 */
export function provesIdentity(words: readonly string[]): boolean {
  return beginsAWord(words, IDENTITY) || holdsPhrase(words, WHO_ONE_IS);
}

// Intents such a question leans to by its verbs: the path (cancel), support (call), help.
export const MAY_SOMEONE_NEIGHBOURS: readonly IntentName[] = ['startCancellation', 'talkToSupport', 'help'];

// Inputs we recognise: words that ask what ("vad vill de veta", "what will they ask").
export const ASKING_WHAT_IS = ['vad', 'vilka', 'vilken', 'vilket', 'what', 'which'];

/**
 * The call named and a question of what support will ask, want to know or have ready ("jag ringer in i morgon, vad vill de veta om
 * oss?"), with no one asked about: no role or right, no "who", no other caller, no one's call, no person to reach.
 */
export function asksWhatTheCallerIsAsked(text: string, words: readonly string[]): boolean {
  const asked = ruleWords(askingSentence(text) ?? text);
  return beginsAWord(words, CALLING) && asked.some((word) => ASKING_WHAT_IS.includes(word)) && beginsAWord(asked, SUPPORT_ASKS) && !asked.some((word) => WHOM.includes(word)) && !namesRole(words) && !beginsAWord(words, PERMISSION) && !asksWhetherAnotherMayCall(words) && !asksWhoseCallItIs(words) && !asksForAPerson(words);
}

// Inputs we recognise: the writer as the one who calls, and support as whom they call.
export const THE_WRITER = ['i', 'jag', 'me', 'mig'];
export const SUPPORT_CALLED = ['support', 'kundtjänst', 'kundservice', 'microsoft'];
export const WHOM = ['who', 'whom', 'vem'];
export const WHOM_REACH = 3;

/**
 * The writer asking whom to call at support, or to call it themselves, no role or permission named: "who can I call at support",
 * "kan jag få ringa supporten". The admin wants to reach support (handed over), not to know who is allowed to call (F15).
 */
export function asksToCallSupportThemselves(words: readonly string[]): boolean {
  // The writer right after "who" ("who can I call", "vem ringer jag"), not "verify who we are when I phone".
  const asksWhom = words.some((word, at) => WHOM.includes(word) && words.slice(at + 1, at + 1 + WHOM_REACH).some((next) => THE_WRITER.includes(next)));
  const asksToCall = words.some((word, at) => MAY_OR_CAN.includes(word) && THE_WRITER.includes(words[at + 1] ?? ''));
  // What support asks or needs on the call ("what should I have at hand when I ring support") is the details (F14).
  return (asksWhom || asksToCall) && beginsAWord(words, CALLING) && beginsAWord(words, SUPPORT_CALLED) && !beginsAWord(words, SUPPORT_ASKS) && !provesIdentity(words) && !namesRole(words) && !beginsAWord(words, PERMISSION);
}
