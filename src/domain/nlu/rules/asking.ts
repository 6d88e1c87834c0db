/*
 * Reading rules of requests to cancel: a bare request is the path, as is a request naming a plan; a message that asks
 * other than the way to cancel sets the path aside. Signs: src/domain/nlu/signs/asking.ts.
 */
import { CONFIDENT_SCORE } from '../interpretation.js';
import { askingParts, askingSentence, asksOtherThanTheWayToCancel, asksTheWay, asksToBeTakenThroughCancelling, mentionsCancelling, requestsCancellation, sentencesOf, THE_WAY } from '../signs/asking.js';
import { asksOnlyAPleasantry, checksWhetherSomeoneIsThere, closesTheConversation } from '../signs/conversation.js';
import { insteadOfTop, intentFirst, type Ranked } from '../signs/ranking.js';
import { asksBillingToStop, asksTermLength, speaksOfRenewal, speaksOfTermEnd, TERM_END_SIGNS } from '../signs/term.js';
import { namesNoFactOrPerson, readsTopicWithoutItsSign } from '../signs/topicSigns.js';
import { bringsBack } from '../signs/reactivation.js';
import { beginsAWord, tokenize } from '../text.js';
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
  // A pleasantry asked, or whether anyone is there, asks nothing of the matter ("hallå, är det någon där? jag vill säga upp").
  const asksOfTheMatter = askingParts(readText).some((part) => !asksOnlyAPleasantry(part) && !checksWhetherSomeoneIsThere(part));
  if (ranked[0]?.intent === 'startCancellation' && !entities.plan && !entities.otherProduct && asksOtherThanTheWayToCancel(readText) && asksOfTheMatter) ranked = ranked.slice(1);
  return ranked;
}

// Inputs we recognise: the small words a question asking only the way is made of beside the words of the way ("where do I start",
// "can you walk me through it", "hur gör jag då"): a question with any other word ("how do I arrange it") asks something of its own.
// Inputs we recognise: how such a question opens: asking how, where or what, or whether someone can guide ("is that doable" asks whether, not the way).
export const WAY_OPENINGS = ['how', 'where', 'what', 'whats', 'can', 'could', 'hur', 'var', 'vad', 'kan'];
export const WAY_ONLY_WORDS = ['i', 'we', 'you', 'me', 'us', 'do', 'can', 'could', 'would', 'should', 'how', 'where', 'what', 'whats', 'it', 'this', 'that', 'the', 'a', 'then', 'through', 'about', 'go', 'get', 'started', 'from', 'here', 'with', 'please', 'pls', 'is', 'first', 'next', 'to', 'jag', 'vi', 'du', 'ni', 'mig', 'oss', 'hur', 'var', 'vad', 'det', 'den', 'detta', 'då', 'kan', 'ska', 'man', 'igenom', 'först', 'sen', 'med'];

// A message that tells its situation and, just before its question, the cancelling it has come to ("the board decided to leave because
// of the cost. I was told to handle the cancellation"), then asks only the way ("Where do I start?", "What do I do?"), in the small words of WAY_ONLY_WORDS, is the path (leaving now too; the term's end has its own reading): the subjects its story names (the cost, the mail) are told, not asked.
export function readsStoryThenTheWayAsThePath(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities } = reading;
  if (ranked[0]?.intent === 'startCancellation' || entities.timing?.some((timing) => timing !== 'now') || entities.otherProduct || entities.plan || sentencesOf(readText).length < 2) return ranked;
  const question = askingSentence(readText);
  if (!question) return ranked;
  const asked = tokenize(question);
  // The sentence just before the question tells what "it" is: the cancelling, not a worry told after it ("… Nothing may get lost. How?").
  const sentences = sentencesOf(readText);
  const told = tokenize(sentences[sentences.lastIndexOf(question) - 1] ?? '');
  if (WAY_OPENINGS.includes(asked[0]!) && asksTheWay(asked) && asked.every((word) => WAY_ONLY_WORDS.includes(word) || beginsAWord([word], THE_WAY)) && mentionsCancelling(told) && !bringsBack(words) && !speaksOfRenewal(words) && !speaksOfTermEnd(words) && !beginsAWord(words, TERM_END_SIGNS) && !asksBillingToStop(words)) ranked = insteadOfTop(ranked, 'startCancellation', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
  return ranked;
}
