/*
 * The conversational readings (EmbeddedRecognizer.socialReading): the intents said in words the corpus does not hold,
 * each by a sign of its own. Unlike the reading rules of order.ts they take the first match: the first rule of
 * SOCIAL_RULES that answers decides, and each reads the ranking as it came (top, weak, asks are computed once).
 * Signs: src/domain/nlu/signs/conversation.ts, theCall.ts and roles.ts.
 */
import { type TopicRegistry } from '../../topics.js';
import { type IntentName, NONE_INTENT } from '../intents.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { clausesOf, holdsQuestion, withoutPoliteFiller } from '../messageShape.js';
import { askingParts, asksTheWay, mentionsCancelling, ordersCancellation, requestsCancellation, WH_WORDS } from '../signs/asking.js';
import { asksWhetherGuideFits, AUDIENCE } from '../signs/audience.js';
import { asksHowToBegin, asksHowToUseTheAssistant, asksOnlyAPleasantry, asksOnlyWhetherSomeoneIsThere, asksToWait, asksWhatAssistantCan, asksWhatAssistantIsFor, asksWhatYouAreFor, checksOnlyThatSomeoneIsThere, checksWhetherSomeoneIsThere, CLOSES_HERE_MAX_WORDS, closesAfterBeingDone, closesHere, closesHereThenSignsOff, closesOnlyTheConversation, closesTheConversation, declinesMoreHelp, FEEDBACK, FEEDBACK_NEIGHBOURS, givesReasonForLeaving, greetsThenOnlyPrefaces, GREETING_CLAUSE_OPENINGS, introducesTheWriter, isThanking, LEAVING, onlyWaves, OPINION, ordersCancellingAlone, pleasantryOrAnnouncedQuestionAt, praisesAndThanksOnly, praisesTheAnswerOnly, saysFarewell, saysOnlyDone, speaksOfFeedback, STARTING_OVER, TELLING, TELLING_PHRASES, tellsWhatTheyThink, thanksAndNothingMore, thanksForSomethingTold, thanksForWhatWasTold, WANTING, WHAT_IS_CANCELLED } from '../signs/conversation.js';
import { confidentTopic, confidentlyFirst, confidentlyInsteadOfTop, insteadOfTop, type Ranked } from '../signs/ranking.js';
import { asksWhoMayCallOrCancel } from '../signs/roles.js';
import { speaksOfOurDomain } from '../signs/scope.js';
import { FACT_SUBJECTS, namesSubjectOf, SUBJECT_TOPICS } from '../signs/subjects.js';
import {  asksForAPerson, asksToCallSupportThemselves, asksWayToReachSupport, asksWhetherAnotherMayCall, handsOverToSupport, namesOnlyAPerson, prefersAPersonToTheMachine, putsThrough, SUPPORT_ASKS, SUPPORT_OR_PERSON  } from '../signs/theCall.js';
import { namedTopic } from '../signs/topicSigns.js';
import { beginsAWord, holdsPhrase, tokenize } from '../text.js';

/** What a conversational rule reads: the ranking as it came to socialReading, its top, and the message. */
export interface SocialReading {
  readonly ranked: Ranked;
  readonly readText: string;
  readonly words: readonly string[];
  /** The top reading's intent. */
  readonly top: IntentName | typeof NONE_INTENT | undefined;
  /** No reading, None, or a topic read unsure or without its sign: a conversational sign may decide instead. */
  readonly weak: boolean;
  /** The message asks something (asksSomething). */
  readonly asks: boolean;
  readonly topics: TopicRegistry;
  /** Opens with a greeting of the corpus and says nothing of ours after it (the recognizer holds the greetings). */
  readonly greetsAndNothingMore: (words: readonly string[]) => boolean;
}

/** One conversational rule: the new ranking when its sign is there, else undefined (the next rule reads). */
export type SocialRule = (reading: SocialReading) => Ranked | undefined;

// The reason for leaving or an opinion, told to be passed on, or feedback named: "vi byter eftersom … kan du framföra det".
export function readsPassedOnReasonOrOpinionAsFeedback(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, weak, asks } = reading;
  if (top !== 'giveFeedback' && (weak || FEEDBACK_NEIGHBOURS.includes(top as IntentName)) && (beginsAWord(words, FEEDBACK) || tellsWhatTheyThink(words)) && (!asks || tellsWhatTheyThink(words) || beginsAWord(words, TELLING))) return confidentlyInsteadOfTop(ranked, 'giveFeedback');
  return undefined;
}

// The reason for leaving stated ("moving to another suite bc of the price", "vi säger upp pga priset"), naming no fact's subject and asking no way, is feedback too.
// Stated without asking and without wanting anything ("cancelling because of the outages, thought you should know"), the reason is feedback whatever the classifier leans to.
export function readsStatedReasonForLeavingAsFeedback(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, weak } = reading;
  if (top !== 'giveFeedback' && (weak || FEEDBACK_NEIGHBOURS.includes(top as IntentName) || (askingParts(readText).length === 0 && !beginsAWord(words, WANTING))) && givesReasonForLeaving(words) && namedTopic(words, FACT_SUBJECTS) === undefined && !askingParts(readText).some((part) => asksTheWay(part) || WH_WORDS.includes(part[0]!))) return confidentlyInsteadOfTop(ranked, 'giveFeedback');
  return undefined;
}

// A request to cancel that gives its reason ("vi vill säga upp eftersom vi lägger ner") is the request, not feedback: nothing is told or offered.
// So is an order to cancel beside a move told ("we're off to another suite, cancel it", "start the cancellation for this tenant").
export function readsRequestWithItsReasonAsThePath(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top } = reading;
  if (top === 'giveFeedback' && ((beginsAWord(words, WANTING) && requestsCancellation(readText)) || ordersCancellation(readText)) && !beginsAWord(words, FEEDBACK) && !beginsAWord(words, TELLING) && !holdsPhrase(words, TELLING_PHRASES) && !beginsAWord(words, OPINION)) return insteadOfTop(ranked, 'startCancellation');
  return undefined;
}

// Another person asked to make the call is who may call (F15): "can payroll ring them".
export function readsAnotherPersonCallingAsWhoMayCall(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, weak } = reading;
  if ((top === 'talkToSupport' || top === 'startCancellation' || top === 'help' || weak) && holdsQuestion(readText) && asksWhetherAnotherMayCall(words)) return confidentlyInsteadOfTop(ranked, 'whoMayCall');
  return undefined;
}

// Being put through to a person, or a person to talk to, naming no subject of a topic.
// Being called back, or support's people asked to take over, is so too when read unsure as anything ("can somebody from Microsoft take over?" leans to starting over).
export function readsAskingForAPersonAsTalkToSupport(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, weak, topics } = reading;
  if (top !== 'talkToSupport' && (weak || top === 'help' || (top === 'outOfScope' && namesOnlyAPerson(words)) || (putsThrough(words) && !confidentTopic(ranked, topics, 'whoMayCall')) || (handsOverToSupport(words) && ranked[0]!.score < CONFIDENT_SCORE)) && asksForAPerson(words) && !SUBJECT_TOPICS.some((topic) => namesSubjectOf(topic, words))) return confidentlyInsteadOfTop(ranked, 'talkToSupport');
  return undefined;
}

// A person of Microsoft's or support's asked for, or a person set against the machine ("personal, inte robot"), read as out of scope, is support:
// The classifier places Microsoft's staff outside our subjects; asking for them is asking for support.
export function readsPersonOfSupportOutOfScopeAsTalkToSupport(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top } = reading;
  if (top === 'outOfScope' && (prefersAPersonToTheMachine(words) || (asksForAPerson(words) && beginsAWord(words, SUPPORT_OR_PERSON))) && !SUBJECT_TOPICS.some((topic) => namesSubjectOf(topic, words))) return confidentlyInsteadOfTop(ranked, 'talkToSupport');
  return undefined;
}

// A way to reach support asked (its number, how or where to call), read unsure as who may call with no role named, is support:
// the vote in every reading leaves "vilket nummer ringer jag" between the two.
export function readsWayToReachSupportAsTalkToSupport(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top } = reading;
  if (top === 'whoMayCall' && ranked[0]!.score < CONFIDENT_SCORE && asksWayToReachSupport(words) && !asksWhoMayCallOrCancel(words)) return confidentlyInsteadOfTop(ranked, 'talkToSupport');
  return undefined;
}

// Closing the chat, or being done, said outright; declining more help is no question, whatever word it opens with ("behöver ingen mer hjälp").
// Read as a greeting, it is so too: a parting wish ("good day to you", "ha en god dag") greets and parts alike.
export function readsLeavingAsEndConversation(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, weak, asks } = reading;
  const leaves = (!asks && (closesTheConversation(words) || saysOnlyDone(words))) || (!readText.includes('?') && declinesMoreHelp(readText));
  if (top !== 'endConversation' && (weak || top === 'help' || top === 'startOver' || top === 'giveFeedback' || top === 'greeting' || (top === 'startCancellation' && (!mentionsCancelling(words) || closesOnlyTheConversation(words)))) && leaves) return confidentlyInsteadOfTop(ranked, 'endConversation');
  return undefined;
}

// A short message that closes "here" or closes with nothing after it ("klar, stäng", "I'll leave it there", "signing off"),
// asking nothing and naming no subscription or fact, ends the conversation: there is nothing else it could close.
// So does a longer message whose last clause closes so, after saying the questions were answered ("fått svar på allt, vi kan avsluta här"),
// or a letter that closes so, then only parts and signs ("I'll log off now. Best wishes, Ann").
export function readsClosingHereAsEndConversation(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, asks } = reading;
  const lastClause = tokenize(clausesOf(readText).at(-1) ?? '');
  const closes = (words.length <= CLOSES_HERE_MAX_WORDS && closesHere(words)) || (lastClause.length <= CLOSES_HERE_MAX_WORDS && closesHere(lastClause)) || closesHereThenSignsOff(readText);
  if (top !== 'endConversation' && !asks && closes && namedTopic(words) === undefined && !beginsAWord(words, WHAT_IS_CANCELLED)) return confidentlyInsteadOfTop(ranked, 'endConversation');
  return undefined;
}

// A farewell or leaving now in a short message that asks nothing and says nothing of ours ("bye for now", "måste sticka, hej") ends
// the conversation, whatever topic the classifier leans to unsure or however the greeting in it reads.
export function readsFarewellAsEndConversation(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, asks } = reading;
  if (top !== 'endConversation' && !asks && saysFarewell(words) && !speaksOfOurDomain(words) && namedTopic(words) === undefined) return confidentlyInsteadOfTop(ranked, 'endConversation');
  return undefined;
}

// Thanks with well-wishing, asking nothing and naming nothing of ours; a request with "tack" at its edge ("visa menyn tack") stays the request.
// So is thanks in a short form the classifier barely places, with nothing but thanks in it ("ty so much", "much obliged"; not "riktig person tack").
export function readsWellWishingThanksAsThanks(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, weak, asks } = reading;
  if (top !== 'thanks' && top !== 'endConversation' && !asks && (weak || (ranked[0]!.score < CONFIDENT_SCORE && thanksAndNothingMore(words)) || (top === 'help' && withoutPoliteFiller(readText) === tokenize(readText).join(' '))) && words.some(isThanking) && !speaksOfOurDomain(words)) return confidentlyInsteadOfTop(ranked, 'thanks');
  return undefined;
}

// Praise, with thanks and nothing more ("vad bra, tack!", which its opening word makes look like a question) or of the answer or the
// assistant without thanks ("grymt förklarat", "du är guld värd"), is thanks.
export function readsPraiseAsThanks(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, top } = reading;
  if (top !== 'thanks' && top !== 'endConversation' && (praisesAndThanksOnly(readText) || praisesTheAnswerOnly(readText))) return confidentlyInsteadOfTop(ranked, 'thanks');
  return undefined;
}

// Thanks for something told, asking nothing and requesting nothing: opening the message ("thanks for clarifying the refund part") or a
// clause with a remark and no "men" after it ("tack för tipset om X, det hade jag missat"). The subject it names is what was answered,
// so the admin is thanked back rather than told that topic again.
export function readsThanksForWhatWasToldAsThanks(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, asks } = reading;
  if (top !== 'thanks' && top !== 'endConversation' && !asks && !readText.includes('?') && (thanksForWhatWasTold(words) || thanksForSomethingTold(readText)) && !requestsCancellation(readText) && !ordersCancellation(readText)) return confidentlyInsteadOfTop(ranked, 'thanks');
  return undefined;
}

// What the assistant can answer, or is for, naming no plan, audience or subject: not which plans the guide covers.
export function readsWhatTheAssistantCanAsHelp(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, weak } = reading;
  const asksOfTheAssistant = asksWhatAssistantCan(words) || asksWhatAssistantIsFor(words) || asksWhatYouAreFor(words) || asksHowToUseTheAssistant(words);
  // Read as feedback or the path without their words ("vad är chatten till för", "where do I start with you"), it is help too.
  // Help read unsure is made sure: "what's the best way to use this assistant" is no task for it.
  const unsureHelp = top === 'help' && ranked[0]!.score < CONFIDENT_SCORE;
  const startsOverWithoutItsWords = top === 'startOver' && !holdsPhrase(words, STARTING_OVER);
  if ((top !== 'help' || unsureHelp) && (weak || unsureHelp || startsOverWithoutItsWords || top === 'appliesTo' || top === 'outOfScope' || ((top === 'giveFeedback' || top === 'startCancellation') && !speaksOfFeedback(words))) && asksOfTheAssistant && !mentionsCancelling(words) && !beginsAWord(words, AUDIENCE) && (!asksWhetherGuideFits(words) || asksWhatAssistantIsFor(words) || asksWhatYouAreFor(words)) && namedTopic(words) === undefined) return unsureHelp ? confidentlyFirst(ranked, 'help') : confidentlyInsteadOfTop(ranked, 'help');
  return undefined;
}

// A greeting, drawn out or followed by nothing of ours; an unsure greeting is made sure.
// A greeting word alone ("sup", "alright?", "heyyy") is a greeting however the classifier leans and whether or not it ends in a question mark;
// so is checking alone that someone is there ("are you awake?", "anyone online?").
export function readsGreetingAndNothingMoreAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, weak, asks, greetsAndNothingMore } = reading;
  const greetingWordAlone = (words.length === 1 && greetsAndNothingMore(words)) || checksOnlyThatSomeoneIsThere(words);
  if (greetingWordAlone && (top !== 'greeting' || ranked[0]!.score < CONFIDENT_SCORE)) return confidentlyInsteadOfTop(ranked, 'greeting');
  if ((top === 'greeting' ? ranked[0]!.score < CONFIDENT_SCORE : weak || top === 'outOfScope' || (top === 'startOver' && !holdsPhrase(words, STARTING_OVER))) && !asks && greetsAndNothingMore(words)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// A greeting followed by a pleasantry, or by a question announced but not yet asked ("hi, hope you're well", "hej, jag har en
// fråga om vårt abonnemang"): the assistant greets and invites the question; an unsure greeting is made sure. One that names a fact's subject or cancelling is that question.
export function readsGreetingWithPleasantryAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, greetsAndNothingMore } = reading;
  const at = pleasantryOrAnnouncedQuestionAt(words);
  if ((top !== 'greeting' || ranked[0]!.score < CONFIDENT_SCORE) && at > 0 && greetsAndNothingMore(words.slice(0, at)) && namedTopic(words) === undefined && !mentionsCancelling(words) && askingParts(readText).every(asksOnlyAPleasantry)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// Asking how to begin, with no word of again, is the path.
export function readsAskingHowToBeginAsThePath(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top, weak } = reading;
  // Starting over read first, or first after None (the vote keeps None's share where nlp.js places a message nowhere).
  const readsStartingOver = top === 'startOver' || (top === NONE_INTENT && ranked[1]?.intent === 'startOver');
  if ((readsStartingOver || (weak && (mentionsCancelling(words) || beginsAWord(words, LEAVING)))) && asksHowToBegin(words) && !holdsPhrase(words, STARTING_OVER)) return confidentlyInsteadOfTop(ranked, 'startCancellation');
  return undefined;
}

// A detail support checks (a phone number, an address) asked of the account, with no word of support or a person, is that detail (F14), not support's number.
export function readsAccountDetailAsVerification(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top } = reading;
  if (top === 'talkToSupport' && holdsQuestion(readText) && namesSubjectOf('verification', words) && !beginsAWord(words, SUPPORT_OR_PERSON) && !putsThrough(words)) return insteadOfTop(ranked, 'verification');
  return undefined;
}

// A question that names support but asks no way to reach it (no number, person, contact or way to call) asks about what support does:
// what it asks or needs is the details (F14); anything else ("can support restore the files") is the next reading's.
export function readsSupportQuestionWithoutAWayToReachIt(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top } = reading;
  if (top === 'talkToSupport' && (holdsQuestion(readText) || namesSubjectOf('verification', words)) && !asksWayToReachSupport(words)) return beginsAWord(words, SUPPORT_ASKS) ? insteadOfTop(ranked, 'verification') : ranked.slice(1);
  return undefined;
}

// The imperative of cancelling alone ("avsluta nu") orders the subscription cancelled: the chat is closed with its name or being done told.
export function readsOrderToCancelAloneAsThePath(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top } = reading;
  // Read so already, it stays so: no later rule of closing may take it.
  if (ordersCancellingAlone(words)) return top === 'startCancellation' ? ranked : confidentlyInsteadOfTop(ranked, 'startCancellation');
  return undefined;
}

// Being done told, then closing now ("klart här, avslutar chatten", "behöver ingenting mer, avslutar nu", "got what I came for, closing now"), naming nothing cancelled, ends the conversation.
export function readsClosingAfterBeingDoneAsEndConversation(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top } = reading;
  if (top !== 'endConversation' && !readText.includes('?') && closesAfterBeingDone(readText) && namedTopic(words) === undefined && !beginsAWord(words, WHAT_IS_CANCELLED)) return confidentlyInsteadOfTop(ranked, 'endConversation');
  return undefined;
}

// A greeting that introduces the writer or the firm and asks nothing yet ("hej, det är Anna från ekonomi", "hi there, new admin here"):
// the assistant greets and invites the question. One that asks, names a fact's subject or cancelling is that question.
export function readsIntroductionAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, asks, greetsAndNothingMore } = reading;
  const introduces = GREETING_CLAUSE_OPENINGS.some((at) => at < words.length && greetsAndNothingMore(words.slice(0, at)) && introducesTheWriter(words.slice(at)));
  if ((top !== 'greeting' || ranked[0]!.score < CONFIDENT_SCORE) && !asks && !readText.includes('?') && introduces && namedTopic(words) === undefined && !mentionsCancelling(words)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// A greeting, then clause by clause only who writes, a pleasantry, a question still to come, leave to go on, a request to wait or a check that
// someone is there ("Hej! Jag heter Per och sköter kontoret. Jag har ett par frågor, om det går bra.", "Good day to you. I am writing on behalf
// of …; my name is …", "hi, bear with me a sec, before I ask anything", "hello, is this working?"): the assistant greets and invites the
// question. It asks nothing else.
// A subject named while the writer asks to wait is what they are fetching, not asked; cancelling named is the path.
export function readsGreetingThenPrefacesAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, words, top, greetsAndNothingMore } = reading;
  if ((top !== 'greeting' || ranked[0]!.score < CONFIDENT_SCORE) && asksOnlyWhetherSomeoneIsThere(readText, greetsAndNothingMore) && greetsThenOnlyPrefaces(readText, greetsAndNothingMore) && (namedTopic(words) === undefined || asksToWait(words)) && !mentionsCancelling(words)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// Checking whether anyone is there ("e det nån som läser eller", "hallå, är ni vakna?"), naming nothing of ours nor support or a person,
// is a hello however the classifier leans (the chat's own words are out of scope to it): the assistant greets back.
export function readsCheckingForSomeoneAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top } = reading;
  if ((top !== 'greeting' || ranked[0]!.score < CONFIDENT_SCORE) && top !== 'talkToSupport' && checksWhetherSomeoneIsThere(words) && namedTopic(words) === undefined && !mentionsCancelling(words) && !beginsAWord(words, SUPPORT_OR_PERSON)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// A hand waved and nothing else ("👋") is a hello: the classifier has no word to read in it.
export function readsWaveAsGreeting(reading: SocialReading): Ranked | undefined {
  const { ranked, readText, top } = reading;
  if (top !== 'greeting' && onlyWaves(readText)) return confidentlyInsteadOfTop(ranked, 'greeting');
  return undefined;
}

// The writer asking whom to call at support or to call it themselves, no role named ("who can I call at support", "kan jag få ringa supporten"), is handed over.
export function readsCallingSupportThemselvesAsTalkToSupport(reading: SocialReading): Ranked | undefined {
  const { ranked, words, top } = reading;
  // Read so already, it stays so: it asks the way to support, not what support does.
  if (asksToCallSupportThemselves(words) && !mentionsCancelling(words) && !SUBJECT_TOPICS.some((topic) => namesSubjectOf(topic, words))) return top === 'talkToSupport' ? ranked : confidentlyInsteadOfTop(ranked, 'talkToSupport');
  return undefined;
}

/** The conversational rules in their order: the first that answers decides. */
export const SOCIAL_RULES: readonly SocialRule[] = [
  readsOrderToCancelAloneAsThePath,
  readsPassedOnReasonOrOpinionAsFeedback,
  readsStatedReasonForLeavingAsFeedback,
  readsRequestWithItsReasonAsThePath,
  readsAnotherPersonCallingAsWhoMayCall,
  readsCallingSupportThemselvesAsTalkToSupport,
  readsAskingForAPersonAsTalkToSupport,
  readsPersonOfSupportOutOfScopeAsTalkToSupport,
  readsWayToReachSupportAsTalkToSupport,
  readsLeavingAsEndConversation,
  readsClosingAfterBeingDoneAsEndConversation,
  readsClosingHereAsEndConversation,
  readsFarewellAsEndConversation,
  readsWellWishingThanksAsThanks,
  readsPraiseAsThanks,
  readsThanksForWhatWasToldAsThanks,
  readsWhatTheAssistantCanAsHelp,
  readsGreetingAndNothingMoreAsGreeting,
  readsGreetingWithPleasantryAsGreeting,
  readsIntroductionAsGreeting,
  readsGreetingThenPrefacesAsGreeting,
  readsCheckingForSomeoneAsGreeting,
  readsWaveAsGreeting,
  readsAskingHowToBeginAsThePath,
  readsAccountDetailAsVerification,
  readsSupportQuestionWithoutAWayToReachIt,
];
