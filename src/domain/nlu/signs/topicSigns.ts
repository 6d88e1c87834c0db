/*
 * Whether a reading has a sign of its own: the intents whose generic words need a sign (SIGNS_OF_THEIR_OWN),
 * lacksSignOfItsOwn, readsNoSignOfItsOwn, readsTopicWithoutItsSign; the one topic a message names (namedTopic, namedFactInsteadOfTop), the
 * mail named on the domain (mailOnTheDomain), and the runner-up made level when only its subject is named.
 */
import { type TopicRegistry } from '../../topics.js';
import { CANDIDATE_SCORE } from '../interpretation.js';
import { beginsAWord } from '../text.js';
import { type IntentName } from '../intents.js';
import { THANKING } from './conversation.js';
import { REMAINING, asksDeletion, takesDataOut } from './data.js';
import { namesTrial } from './plans.js';
import { type Ranked, confidentTopic, insteadOfTop, isTopic } from './ranking.js';
import { bringsBack } from './reactivation.js';
import { CALL_OR_DETAIL, PERSON_OR_ROLE } from './roles.js';
import { DETAIL_STEMS } from './scope.js';
import { FACT_SUBJECTS, SUBJECT_TOPICS, namesSubjectOf } from './subjects.js';
import { TIME_SPANS } from './term.js';
import { REACHING_SUPPORT } from './theCall.js';

/** A topic read unsure, or without the subject, trial or bringing back it needs: a conversational sign may decide instead. Unlike readsNoSignOfItsOwn, a reading that is no topic (help, a greeting) is not one. */
export function readsTopicWithoutItsSign(ranked: Ranked, words: readonly string[], topics: TopicRegistry): boolean {
  return isTopic(ranked[0]?.intent, topics) && readsNoSignOfItsOwn(ranked, words, topics);
}

/** No fact's subject, person, role or call named: what a bare request to cancel names. */
export function namesNoFactOrPerson(words: readonly string[]): boolean {
  return namedTopic(words) === undefined && !beginsAWord(words, PERSON_OR_ROLE) && !beginsAWord(words, DETAIL_STEMS);
}

/**
 * Whether the reading has nothing of its own in the message: unsure, or a topic whose subject, trial
 * or bringing back the message does not name. A sign of another topic may then decide.
 */
export function readsNoSignOfItsOwn(ranked: Ranked, words: readonly string[], topics: TopicRegistry): boolean {
  return !confidentTopic(ranked, topics) || lacksSignOfItsOwn(ranked[0]!.intent, words);
}

export function lacksSignOfItsOwn(intent: string, words: readonly string[]): boolean {
  if (SUBJECT_TOPICS.includes(intent as IntentName)) return !namesSubjectOf(intent as IntentName, words);
  if (intent === 'trial') return !namesTrial(words);
  return intent === 'reactivate' && !bringsBack(words);
}

/**
 * In the order they are checked. Who may call (F15) is about a person, a role or the call; without
 * any, its generic words ("kan", "får", "can", "which") must not take "which editions can the
 * assistant talk about". The details support checks (F14) are about the call, being identified or one
 * of the details; without any, "need" and "what" must not take a question about saving data.
 */
export const SIGNS_OF_THEIR_OWN: readonly (readonly [IntentName, readonly string[]])[] = [
  ['whoMayCall', PERSON_OR_ROLE],
  ['verification', CALL_OR_DETAIL],
  ['termLengths', TIME_SPANS],
  ['thanks', THANKING],
  ['talkToSupport', REACHING_SUPPORT],
];

/** The one topic (of `among`) whose subject a message names, if exactly one. */
export function namedTopic(words: readonly string[], among: readonly IntentName[] = SUBJECT_TOPICS): IntentName | undefined {
  const named = among.filter((intent) => namesSubjectOf(intent, words) && !(intent === 'data' && mailOnTheDomain(words)));
  return named.length === 1 ? named[0] : undefined;
}

/** The one fact whose subject the message names, in place of the top reading (at `score`, else the top's); undefined when it names none or several. */
export function namedFactInsteadOfTop(ranked: Ranked, words: readonly string[], score?: number): Ranked | undefined {
  const named = namedTopic(words, FACT_SUBJECTS);
  return named ? insteadOfTop(ranked, named, score) : undefined;
}

// Inputs we recognise: the mail's words (the data's subject), and beginnings of words of what becomes of the data: kept, lost, saved.
export const MAIL = ['mejl', 'mail', 'e-post', 'epost'];
export const DATA_FATE = [...REMAINING, 'spar', 'save', 'förlor', 'tappa', 'lose', 'lost', 'åtkomst', 'access'];

/**
 * The mail named beside the domain, as what the domain's address is for ("vår webbadress är kopplad till mejlen",
 * "the email ends in our own name"): the domain is asked about (F10), not the mail's fate (F11), when nothing of the
 * data beyond the mail is named and nothing of its keeping, deleting or saving is asked.
 */
export function mailOnTheDomain(words: readonly string[]): boolean {
  if (!namesSubjectOf('domains', words)) return false;
  const beyondMail = words.filter((word) => !MAIL.some((mail) => word.startsWith(mail) || word.includes(mail)));
  return !namesSubjectOf('data', beyondMail) && !asksDeletion(words) && !takesDataOut(words) && !beginsAWord(words, DATA_FATE);
}

/**
 * The runner-up topic at the top topic's score when only the runner-up's subject is named; else `ranked` as it was.
 * `runnerUpWords`: the words that may name the runner-up's subject (the rule leaves out those that name it only in passing).
 */
export function levelWithNamedRunnerUp(ranked: Ranked, words: readonly string[], topics: TopicRegistry, runnerUpWords: readonly string[] = words): Ranked {
  const [top, second] = ranked;
  // A second reading its words name is levelled however low the vote in every reading leaves it ("penalties and the mail").
  if (!top || !second || !isTopic(top.intent, topics) || !isTopic(second.intent, topics) || (second.score < CANDIDATE_SCORE && !namesSubjectOf(second.intent as IntentName, runnerUpWords))) return ranked;
  // Quick recall's subject is deleting the data, which names the data too ("mail and files erased within days").
  const topNamed = namesSubjectOf(top.intent as IntentName, words) || (top.intent === 'quickRecall' && asksDeletion(words));
  if (topNamed || !SUBJECT_TOPICS.includes(second.intent as IntentName) || !namesSubjectOf(second.intent as IntentName, runnerUpWords)) return ranked;
  // The data is what quick recall deletes sooner and what reactivation brings back: named beneath either, it is their subject, no second topic.
  if (second.intent === 'data' && (top.intent === 'quickRecall' || (top.intent === 'reactivate' && bringsBack(words)))) return ranked;
  return [top, { intent: second.intent, score: top.score }, ...ranked.slice(2)];
}
