/*
 * Reading rules of requests to cancel: a bare request is the path, as is a request naming a plan; a message that asks
 * other than the way to cancel sets the path aside. Signs: src/domain/nlu/signs/asking.ts.
 */
import { CONFIDENT_SCORE } from '../interpretation.js';
import { asksOtherThanTheWayToCancel, asksToBeTakenThroughCancelling, requestsCancellation } from '../signs/asking.js';
import { closesTheConversation } from '../signs/conversation.js';
import { insteadOfTop, intentFirst, type Ranked } from '../signs/ranking.js';
import { asksBillingToStop, asksTermLength, speaksOfRenewal, speaksOfTermEnd, TERM_END_SIGNS } from '../signs/term.js';
import { namesNoFactOrPerson, readsTopicWithoutItsSign } from '../signs/topicSigns.js';
import { beginsAWord } from '../text.js';
import { type Reading } from './reading.js';

// Cancelling with no word of the renewal or the term's end is the cancellation path, not the term's
// end, whose corpus shares the verb ("avbryt förnyelsen"): "jag vill avbryta prenumerationen".
// So is asking for help to cancel ("kan ni hjälpa mig att avbryta vårt abonnemang"): the request is the path.
// Not when it asks the billing to stop ("avsluta men inga fler dragningar"): that is the term's end.
// So is a request to cancel that tells its reason first ("we've been acquired … could you help me cancel it"), read as a topic unsure or without its subject.
// So is asking to be taken through the cancelling ("kan du guida mig genom uppsägningen", "hur säger jag upp") after the situation.
export function readsBareRequestToCancelAsThePath(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if ((ranked[0]?.intent === 'termEnd' || ranked[0]?.intent === 'help' || ((!ranked[0] || ranked[0].score < CONFIDENT_SCORE || readsTopicWithoutItsSign(ranked, words, topics)) && namesNoFactOrPerson(words) && !entities.closing && !closesTheConversation(words))) && !entities.timing && !entities.otherProduct && (requestsCancellation(readText) || asksToBeTakenThroughCancelling(readText)) && !speaksOfRenewal(words) && !speaksOfTermEnd(words) && !beginsAWord(words, TERM_END_SIGNS) && !asksBillingToStop(words)) ranked = insteadOfTop(ranked, 'startCancellation');
  return ranked;
}

// A request naming a plan starts the cancellation path with it (see requestsCancellation).
// Not when it asks how long the term is ("before I cancel, what is the term length of each plan"): the length is asked (F07).
export function readsRequestNamingAPlanAsThePath(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities } = reading;
  if (entities.plan && !entities.otherProduct && requestsCancellation(readText) && !(ranked[0]?.intent === 'termLengths' && asksTermLength(words))) ranked = intentFirst(ranked, 'startCancellation');
  return ranked;
}

// A message that asks about cancelling but never the way to do it ("vad förlorar vi vid uppsägning?", "ska säga upp, vad händer
// med mejlen då?") asks for a fact: only a request to cancel starts the guide, so the path gives way to the next reading.
export function setsAsideThePathWhenAskingOtherThanTheWay(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, entities } = reading;
  if (ranked[0]?.intent === 'startCancellation' && !entities.plan && !entities.otherProduct && asksOtherThanTheWayToCancel(readText)) ranked = ranked.slice(1);
  return ranked;
}
