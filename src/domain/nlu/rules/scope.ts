/*
 * Reading rules of what is out of scope: an unsure guess that says nothing of ours, advice on a product, an everyday task,
 * a task asked of the assistant. Signs: src/domain/nlu/signs/scope.ts.
 */
import { CONFIDENT_SCORE } from '../interpretation.js';
import { mentionsCancelling } from '../signs/asking.js';
import { thanksForSomethingTold, unsureReadingOfTheAssistantsOpinion, unsureRestartWithoutItsSign } from '../signs/conversation.js';
import { confidentlyFirst, intentFirst, type Ranked } from '../signs/ranking.js';
import { asksAssistantForATask, asksForAdvice, LEFTOVER_ACTION_SCORE, namesEverydayTask, OUT_OF_SCOPE_MIN_WORDS, speaksOfOurDomain, unsureGuess } from '../signs/scope.js';
import { namesSubjectOf } from '../signs/subjects.js';
import { readsNoSignOfItsOwn, SIGNS_OF_THEIR_OWN } from '../signs/topicSigns.js';
import { type Reading } from './reading.js';

/**
 * Feedback left on top with a scrap of the vote once the reading above it was set aside for want of its sign
 * (setsAsideReadingsWithoutTheirSign drops it from the ranking): an everyday question's generic words, no reason for
 * leaving. Help and the path stay, however low: they are asked in few words ("vad behöver du från mig här",
 * "jag vill avregistrera mig"), and as any action they lost 5-fold CV messages when read so.
 */
function feedbackLeftAfterSetAside(ranked: Ranked): boolean {
  const top = ranked[0];
  return top?.intent === 'giveFeedback' && top.score < LEFTOVER_ACTION_SCORE && SIGNS_OF_THEIR_OWN.some(([intent]) => !ranked.some((entry) => entry.intent === intent));
}

// An unsure reading of a message that says nothing of subscriptions, cancelling or any fact ("the
// weather tomorrow", "reset a user's password") is out of scope, not a guess among our topics.
export function readsUnsureAdviceOrEverydayTaskAsOutOfScope(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if (words.length >= OUT_OF_SCOPE_MIN_WORDS && !entities.plan && !entities.timing && (unsureGuess(ranked, topics) || feedbackLeftAfterSetAside(ranked) || unsureRestartWithoutItsSign(ranked, words) || unsureReadingOfTheAssistantsOpinion(ranked, words, readText)) && !speaksOfOurDomain(words)) ranked = intentFirst(ranked, 'outOfScope', CONFIDENT_SCORE);
  // Asking which product or tool is best, or what could replace one ("best tool for the migration", "a good replacement for
  // exchange"), asks for advice no fact gives: out of scope however its words lean, unless it names cancelling, a plan or any
  // subject of ours beyond the mail such products carry.
  else if (asksForAdvice(words) && !entities.plan && !mentionsCancelling(words) && !speaksOfOurDomain(words.filter((word) => !namesSubjectOf('data', [word])))) ranked = confidentlyFirst(ranked, 'outOfScope');
  // So is an everyday task in the apps (a meeting, a password, a formula), however sure the reading
  // of its generic words ("kan du … åt mig" leans to help), unless a topic is read with confidence and a sign of its own
  // ("back to back meetings today" brings nothing back).
  // Thanks for something told beside a remark that names a device ("tack för tålamodet, jag är ingen datorvan person") stays thanks.
  else if (namesEverydayTask(words) && !entities.plan && readsNoSignOfItsOwn(ranked, words, topics) && !speaksOfOurDomain(words) && !(ranked[0]?.intent === 'thanks' && thanksForSomethingTold(readText))) ranked = confidentlyFirst(ranked, 'outOfScope');
  return ranked;
}

// So is asking the assistant to do a task of its own ("kan du skriva ett mejl till leverantören", "could you recommend an
// accounting app") whose words, beyond the thing to be made, say nothing of ours, however sure the reading of its verbs.
export function readsTaskForTheAssistantAsOutOfScope(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if (ranked[0]?.intent !== 'outOfScope' && !entities.plan && !entities.timing && !entities.language && asksAssistantForATask(words)) ranked = confidentlyFirst(ranked, 'outOfScope');
  return ranked;
}
