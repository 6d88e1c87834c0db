/*
 * Reading rules of the subject a message names: readings set aside without a sign of their own, a named subject over a
 * mere mention of cancelling or a borrowed topic, feedback that names one fact, and the runner-up made level when only
 * its subject is named. Signs: src/domain/nlu/signs/subjects.ts and
 * src/domain/nlu/signs/topicSigns.ts.
 */
import { type IntentName } from '../intents.js';
import { holdsQuestion } from '../messageShape.js';
import { requestsCancellation } from '../signs/asking.js';
import { asksWhetherGuideFits, COVERING } from '../signs/audience.js';
import { FEEDBACK, OPINION, tellsWhatTheyThink } from '../signs/conversation.js';
import { asksWhatHappens } from '../signs/data.js';
import { namesTrial } from '../signs/plans.js';
import { confidentlyFirst, insteadOfTop, type Ranked } from '../signs/ranking.js';
import { bringsBack } from '../signs/reactivation.js';
import { withoutOwnRole } from '../signs/roles.js';
import { GENERIC_WORDED_TOPICS, OUT_OF_SCOPE_MIN_WORDS, speaksOfOurDomain } from '../signs/scope.js';
import { namesSubjectOf, SUBJECT_TOPICS, TOPIC_WORDS } from '../signs/subjects.js';
import { PENALTY, PRICE } from '../signs/term.js';
import { levelWithNamedRunnerUp, namedFactInsteadOfTop, namedTopic, SIGNS_OF_THEIR_OWN } from '../signs/topicSigns.js';
import { beginsAWord } from '../text.js';
import { type Reading } from './reading.js';

// Intents whose generic words must not take a message without a sign of their own: the next likeliest answers.
export function setsAsideReadingsWithoutTheirSign(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words } = reading;
  for (const [intent, stems] of SIGNS_OF_THEIR_OWN) {
    if (ranked[0]?.intent === intent && !beginsAWord(words, stems)) ranked = ranked.filter((entry) => entry.intent !== intent);
  }
  return ranked;
}

// A question that merely mentions cancelling is about the topic its words name ("the subscription was
// activated with a key from the partner, how do I cancel it" is the product key's, F02).
// So is asking what happens ("vad händer med datan sen") read as help: it asks for a fact, not for guidance.
// So is a subject named beside cancelling with no request to cancel ("ns-poster vid uppsägning"): the subject is the topic.
export function readsNamedSubjectOverMentionedCancelling(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, alteredText, words, entities } = reading;
  if ((ranked[0]?.intent === 'startCancellation' || (ranked[0]?.intent === 'help' && asksWhatHappens(alteredText))) && !entities.plan && !entities.otherProduct && (holdsQuestion(readText) || !requestsCancellation(readText))) {
    ranked = namedFactInsteadOfTop(ranked, words) ?? ranked;
  }
  // A topic with a subject of its own read for a message that names none of it but another's
  // subject is that other topic: "which user ID do I give them" is no product-key question.
  // So is the trial's reading of a message that names no trial: "shop.example.net … what do I do with it",
  // and reactivation's of one that brings nothing back: "our registrar is …, what do I change there".
  else if (
    !entities.otherProduct &&
    ((SUBJECT_TOPICS.includes(ranked[0]?.intent as IntentName) && !namesSubjectOf(ranked[0]!.intent as IntentName, words)) ||
      (ranked[0]?.intent === 'trial' && !namesTrial(words) && !entities.plan) ||
      (ranked[0]?.intent === 'reactivate' && !bringsBack(words) && namedTopic(words) !== undefined))
  ) {
    const named = namedTopic(words);
    if (named) ranked = insteadOfTop(ranked, named);
    else if (ranked[0]?.intent === 'trial') ranked = ranked.slice(1);
    // Read by the generic words of who may call, the details or which plans ("will it …", "is this …"), naming
    // nothing of ours ("will it rain in stockholm this weekend"), it is about something else.
    else if (GENERIC_WORDED_TOPICS.includes(ranked[0]?.intent as IntentName) && words.length >= OUT_OF_SCOPE_MIN_WORDS && !entities.plan && !entities.timing && !speaksOfOurDomain(words)) ranked = confidentlyFirst(ranked, 'outOfScope');
  }
  // A topic read on top whose subject is the one the message names, and no other topic's words, is sure, however flat the
  // vote's scores ("the fee and the data" stays a choice).
  else if (SUBJECT_TOPICS.includes(ranked[0]?.intent as IntentName) && !entities.otherProduct && namedTopic(words) === ranked[0]!.intent && TOPIC_WORDS.every(([intent, stems]) => intent === ranked[0]!.intent || !beginsAWord(words, stems)) && !beginsAWord(words, [...PENALTY, ...PRICE])) ranked = confidentlyFirst(ranked, ranked[0]!.intent as IntentName);
  return ranked;
}

// A message that names the subject of the runner-up topic and not the top one's ("something about the fee
// and the data") asks about both: the two readings stand level, so the admin picks which to answer.
// Feedback read for a question that names one fact's subject and no feedback, reason or opinion ("ta bort custom domain innan cancel, är det obligatoriskt?") is that fact's.
export function readsFeedbackQuestionAsNamedFact(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities } = reading;
  if (ranked[0]?.intent === 'giveFeedback' && !entities.otherProduct && holdsQuestion(readText) && !beginsAWord(words, FEEDBACK) && !beginsAWord(words, OPINION) && !tellsWhatTheyThink(words)) {
    ranked = namedFactInsteadOfTop(ranked, words) ?? ranked;
  }
  return ranked;
}


// Not named by the writer's own role ("I'm the IT admin, what happens to our mail": who asks, not who may call), nor by a verb
// of applying alone ("vad gäller för Small Business, månad eller år": which term applies) unless the guide itself is asked about.
export function levelsNamedRunnerUp(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, topics } = reading;
  const namingWords = withoutOwnRole(readText, words).filter((word) => asksWhetherGuideFits(words) || !beginsAWord([word], COVERING));
  ranked = levelWithNamedRunnerUp(ranked, words, topics, namingWords);
  return ranked;
}
