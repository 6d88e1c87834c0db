/*
 * Whom the guide is for (F16): whether the guide fits us (asksWhetherGuideFits, asksWhetherThisCovers), whether it
 * goes the same way for our plan (asksWhetherSameForUs), and the readings such a question overrides (leansFromAppliesTo).
 */
import { beginsAWord, holdsPhrase, openingPhrase, opensWithPhrase, wordBegins } from '../text.js';
import { type IntentName } from '../intents.js';
import { namesTrial } from './plans.js';
import { type Ranked } from './ranking.js';
import { bringsBack } from './reactivation.js';
import { CALLING } from './roles.js';
import { FACT_SUBJECTS, SUBJECT_TOPICS, namesSubjectOf } from './subjects.js';
import { namedTopic } from './topicSigns.js';

// Inputs we recognise: beginnings of words that name the guidance itself, phrases of whom it is for, and of being in the right place.
export const THE_GUIDANCE = ['guide', 'guidanc', 'anvisning', 'instruktion', 'instruction', 'steg', 'step', 'hjälpen', 'tjänsten', 'assistent', 'assistant', 'artikel', 'article', 'råd', 'advice'];
// A consultant asks for the customer: "stämmer stegen för dem", "does this fit them".
export const FOR_WHOM = ['för oss', 'för mig', 'for us', 'for me', 'fit us', 'fits us', 'passar oss', 'passar för', 'gäller oss', 'cover us', 'covers us', 'för alla', 'for all', 'bara för', 'only for', 'stämmer för', 'för dem', 'för dom', 'för kunden', 'för kund', 'for them', 'fit them', 'fits them', 'passar dem', 'gäller dem', 'for the client', 'for the customer', 'for our client', 'for our customer', 'till för', 'meant for', 'intended for'];
export const RIGHT_PLACE = ['rätt ställe', 'rätt plats', 'right place', 'meant for', 'written for', 'intended for', 'skriven för', 'skrivna för', 'avsedd för', 'avsedda för'];
// Inputs we recognise: the words that point at the guide itself ("is this relevant to me", "gäller det här oss").
export const THIS_GUIDE = ['this', 'these', 'det här', 'detta'];

// Inputs we recognise: beginnings of words of covering or applying ("omfattar hjälpen vår plan", "does the guide apply"),
// of being right ("the right guide", "rätt artikel"), and of those the guide may be meant for (F16: admins, plans, firms).
export const COVERING = ['omfatt', 'gäller', 'täck', 'cover', 'appl', 'relevant', 'giltig', 'valid'];
export const RIGHT = ['rätt', 'right', 'correct'];
export const ONLY_FOR = ['bara för', 'endast för', 'enbart för', 'only for', 'just for'];
export const AUDIENCE = ['företag', 'småföretag', 'firm', 'compan', 'business', 'admin', 'organisation', 'organization', 'plan', 'abonnemang', 'subscription', 'små', 'stora', 'small', 'large', 'big'];
export const WHOM_OPENINGS = ['vilka', 'vilken', 'vilket', 'vem', 'which', 'who', 'what'];

// Inputs we recognise: openings that ask about "this" (the guidance the admin is reading): "är det här för alla admins", "is this relevant to me".
export const ASKING_ABOUT_THIS = ['är det här', 'gäller det här', 'är detta', 'gäller detta', 'is this', 'does this'];
// And "this information" named ("vilka abonnemang handlar den här informationen om").
export const THIS_GUIDANCE = ['den här informationen', 'denna information', 'this information', 'this info'];
export const THIS = ['det här', 'detta', 'this'];

export function asksWhetherGuideFits(words: readonly string[]): boolean {
  const namesGuidance = beginsAWord(words, THE_GUIDANCE) || opensWithPhrase(words, ASKING_ABOUT_THIS) || holdsPhrase(words, THIS_GUIDANCE);
  // "vilka admins är hjälpen till för", "who is this guide for": the asking word first, "för"/"for" last.
  // Or "om"/"about" last with "this information" named: "vilka abonnemang handlar den här informationen om".
  const asksForWhom = WHOM_OPENINGS.includes(words[0] ?? '') && (['för', 'for'].includes(words.at(-1) ?? '') || (['om', 'about'].includes(words.at(-1) ?? '') && holdsPhrase(words, THIS_GUIDANCE)));
  // "vem är det här till för", "who is this for": "this" is the guidance asked about.
  if (asksForWhom && holdsPhrase(words, THIS)) return true;
  const rightGuidance = words.some((word, at) => RIGHT.includes(word) && beginsAWord(words.slice(at + 1, at + 2), THE_GUIDANCE));
  // "is it the same for us on Midsize": the same way asked for someone is whether the guide fits them.
  const sameForWhom = words.includes('same') && holdsPhrase(words, FOR_WHOM);
  return holdsPhrase(words, RIGHT_PLACE) || rightGuidance || guidanceForAnAudience(words) || thisForAnAudience(words) || sameForWhom || asksWhetherThisCovers(words) || (namesGuidance && (holdsPhrase(words, FOR_WHOM) || beginsAWord(words, COVERING) || asksForWhom)) || (holdsPhrase(words, ONLY_FOR) && beginsAWord(words, AUDIENCE));
}

// How far after "för"/"for" the audience may come ("the guide for small business admins").
export const AUDIENCE_REACH = 2;

/** The guidance named just before "för"/"for" and an audience ("är guiden för admins", "is the guide for large companies"); not "steg för steg". */
export function guidanceForAnAudience(words: readonly string[]): boolean {
  return words.some((word, at) => wordBegins(word, THE_GUIDANCE) && ['för', 'for'].includes(words[at + 1] ?? '') && beginsAWord(words.slice(at + 2, at + 2 + AUDIENCE_REACH), AUDIENCE));
}

/** "this" asked about, then "för"/"for" and an audience: "är det här för småföretag eller stora företag", "is this for business admins or end users". */
export function thisForAnAudience(words: readonly string[]): boolean {
  const opening = ASKING_ABOUT_THIS.map((phrase) => phrase.split(' ')).find((phrase) => phrase.every((word, at) => words[at] === word));
  return opening !== undefined && ['för', 'for'].includes(words[opening.length] ?? '') && beginsAWord(words.slice(opening.length + 1, opening.length + 1 + AUDIENCE_REACH), AUDIENCE);
}

/** "is this relevant to me", "does this apply to a user admin": the guide pointed at, then a word of covering, and no fact's subject named. */
export function asksWhetherThisCovers(words: readonly string[]): boolean {
  const covers = words.some((_, at) => {
    const pointer = openingPhrase(words.slice(at), THIS_GUIDE);
    return pointer !== undefined && beginsAWord(words.slice(at + pointer.length, at + pointer.length + 2), COVERING);
  });
  return covers && namedTopic(words, FACT_SUBJECTS) === undefined;
}

// Inputs we recognise: phrases of its going the same way ("samma sätt", "the same for us"), and of using the assistant ("använda dig").
export const THE_SAME = ['samma sätt', 'samma för', 'samma sak', 'likadant', 'same way', 'same for', 'the same', 'same process'];
export const USING_YOU = ['använda dig', 'använda er', 'use you'];

export function asksWhetherSameForUs(words: readonly string[]): boolean {
  return holdsPhrase(words, THE_SAME) || holdsPhrase(words, USING_YOU);
}

// Intents a question whether the guide fits leans to: help and feedback (its words about the guide).
export const APPLIES_TO_NEIGHBOURS: readonly IntentName[] = ['help', 'giveFeedback'];

/** A reading the question whether the guide fits overrides: help or feedback, who may call with no call named, a subject or trial it does not name. */
export function leansFromAppliesTo(ranked: Ranked, words: readonly string[]): boolean {
  const top = ranked[0]?.intent as IntentName | undefined;
  if (!top) return false;
  if (APPLIES_TO_NEIGHBOURS.includes(top)) return true;
  if (top === 'whoMayCall') return !beginsAWord(words, CALLING);
  if (top === 'trial') return !namesTrial(words);
  if (top === 'reactivate') return !bringsBack(words);
  return top !== 'appliesTo' && SUBJECT_TOPICS.includes(top) && !namesSubjectOf(top, words);
}
