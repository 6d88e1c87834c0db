/*
 * Reading rules of the conversation: a goodbye without closing words, being stuck, feedback named, a language switch
 * without a language or going on in one, going back to the start, "redo" as the English verb of doing it again. Signs:
 * src/domain/nlu/signs/conversation.ts. The conversational signs that take the first match (socialReading) stay in the
 * recognizer, which holds the corpus's greetings.
 */
import { type IntentName, NONE_INTENT } from '../intents.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { asksForALanguage, asksToRedoTheConversation, asksToStartOver, FEEDBACK, GOING_ON_IN, putsALanguageToUse, REDO, restartsTheConversation, saysStuck, STARTING_OVER } from '../signs/conversation.js';
import { namesTrial } from '../signs/plans.js';
import { confidentTopic, confidentlyFirst, confidentlyInsteadOfTop, isTopic, type Ranked } from '../signs/ranking.js';
import { speaksOfOurDomain } from '../signs/scope.js';
import { namesSubjectOf, SUBJECT_TOPICS } from '../signs/subjects.js';
import { speaksOfCommitment } from '../signs/term.js';
import { beginsAWord, holdsPhrase } from '../text.js';
import { type Reading } from './reading.js';

// Nor does a goodbye come up when the intents ahead of it were set aside: "jag kommer inte vidare"
// (I'm stuck) read as who may call, which has no person in it, must not end the conversation.
export function setsAsideGoodbyeWithoutClosingWords(reading: Reading): Ranked {
  let { ranked } = reading;
  const { entities } = reading;
  if (!entities.closing) ranked = ranked.filter((entry) => entry.intent !== 'endConversation');
  return ranked;
}

// Being stuck ("jag kommer inte vidare", "I'm stuck on this step") asks for help, whatever the step is about.
export function readsBeingStuckAsHelp(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if (!entities.otherProduct && !entities.plan && saysStuck(words) && !speaksOfCommitment(words)) ranked = confidentlyInsteadOfTop(ranked, 'help');
  return ranked;
}

// Feedback named ("can I give some feedback", "where do I report that") offers it, however the asking leans to help.
export function readsNamedFeedbackAsFeedback(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if ((ranked[0]?.intent === 'help' || !ranked[0] || ranked[0].intent === NONE_INTENT) && !entities.otherProduct && beginsAWord(words, FEEDBACK)) ranked = confidentlyInsteadOfTop(ranked, 'giveFeedback');
  return ranked;
}

// Switching language answers only a message with a sign of its own: a language put to use, or the word for one ("vem vann allsvenskan" asks for no Swedish).
export function setsAsideLanguageSwitchWithoutALanguage(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words } = reading;
  if (ranked[0]?.intent === 'switchLanguage' && !asksForALanguage(words)) ranked = ranked.slice(1);
  return ranked;
}

// Going back to the start ("kan vi ta det från början igen", "once more from the top") is starting over when it says
// nothing of ours and is read as help, unsure, or a topic whose subject (or trial) it does not name: "starta om
// abonnemanget" is bringing it back, "problems from the start" (read as feedback) stays feedback.
// Nor is it out of scope; and restarting the conversation named ("börja om chatten") is starting over whatever else it tells.
// Nor thanks: "reset tack" asks politely to start over. Nor any topic when nothing of ours is said ("back to square one" brings nothing back).
export function readsGoingBackToTheStartAsStartOver(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  const goesBackToTheStart = !entities.otherProduct && !entities.plan && (!speaksOfOurDomain(words) || restartsTheConversation(words)) && holdsPhrase(words, STARTING_OVER);
  // Read so already, however flat the vote's scores, it is sure.
  if (ranked[0]?.intent === 'startOver' && goesBackToTheStart) return confidentlyFirst(ranked, 'startOver');
  // Feedback read unsure stays feedback: the vote's scores leave more of it below CONFIDENT_SCORE than nlp.js's did.
  if (ranked[0]?.intent !== 'startOver' && goesBackToTheStart && (!ranked[0] || ranked[0].intent === NONE_INTENT || ranked[0].intent === 'help' || ranked[0].intent === 'thanks' || (isTopic(ranked[0].intent, topics) && !speaksOfOurDomain(words)) || (ranked[0].intent === 'outOfScope' && asksToStartOver(readText)) || (ranked[0].score < CONFIDENT_SCORE && ranked[0].intent !== 'giveFeedback') || (ranked[0].intent === 'trial' && !namesTrial(words)) || (SUBJECT_TOPICS.includes(ranked[0].intent as IntentName) && !namesSubjectOf(ranked[0].intent as IntentName, words)))) ranked = confidentlyInsteadOfTop(ranked, 'startOver');
  return ranked;
}

// Going on in a language named ("can we carry on på svenska") asks to switch to it, also when "fortsätta"
// (going on with the subscription) leans to a topic.
export function readsGoingOnInALanguageAsSwitch(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, topics } = reading;
  if (ranked[0]?.intent !== 'switchLanguage' && entities.language && (!confidentTopic(ranked, topics) || putsALanguageToUse(words)) && beginsAWord(words, GOING_ON_IN)) ranked = confidentlyFirst(ranked, 'switchLanguage');
  return ranked;
}

// "can we redo this", "let's redo the whole thing" ask to start over, however the classifier, which learnt "redo" as
// Swedish "ready" of the call's details, leans; not when anything of ours is named beside it ("redo the DNS records").
export function readsRedoingTheConversationAsStartOver(reading: Reading): Ranked {
  const { ranked, words, entities } = reading;
  if (entities.plan || entities.otherProduct || !asksToRedoTheConversation(words) || speaksOfOurDomain(words.filter((word) => word !== REDO))) return ranked;
  return ranked[0]?.intent === 'startOver' ? confidentlyFirst(ranked, 'startOver') : confidentlyInsteadOfTop(ranked, 'startOver');
}
