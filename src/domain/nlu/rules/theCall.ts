/*
 * Reading rules of the call to support (F14): proving who one is, the details named, and what the call needs. Signs:
 * src/domain/nlu/signs/theCall.ts.
 */
import { type IntentName, NONE_INTENT } from '../intents.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { holdsQuestion } from '../messageShape.js';
import { confidentTopic, decidedBySign, confidentlyInsteadOfTop, insteadOfTop, intentFirst, type Ranked } from '../signs/ranking.js';
import { CALLING, ROLE_OR_PERMISSION } from '../signs/roles.js';
import { ASKED_OF_THE_CALLER, ASKED_ON_THE_CALL, asksForAPerson, asksWhatTheCallerIsAsked, FOR_THE_CALL, IDENTITY_NEIGHBOURS, namesOurDetail, provesIdentity, WAYS_TO_REACH } from '../signs/theCall.js';
import { lacksSignOfItsOwn, namedTopic, readsNoSignOfItsOwn } from '../signs/topicSigns.js';
import { beginsAWord } from '../text.js';
import { type Reading } from './reading.js';

// So is a question about proving it on the call that the classifier places nowhere or is unsure of
// ("hur verifierar ni att det är jag som äger kontot när jag ringer in?").
// A reading with no sign of its own gives way too ("how does support check it's really us" is no trial's).
export function readsProvingIdentityAsVerification(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, topics } = reading;
  if ((IDENTITY_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || (!confidentTopic(ranked, topics) && beginsAWord(words, CALLING)) || (confidentTopic(ranked, topics) && lacksSignOfItsOwn(ranked[0]!.intent, words))) && holdsQuestion(readText) && provesIdentity(words) && !beginsAWord(words, ROLE_OR_PERMISSION)) ranked = confidentlyInsteadOfTop(ranked, 'verification');
  return ranked;
}

// A question that names the details support checks (the account's details, a user ID) and no other
// subject is about them (F14), however the words around it lean: "before we cancel, which account details do I need?".
// Read as a request to be put through, it stays that unless the detail is ours, not support's number ("behöver de vår postadress när jag ringer?").
export function readsNamedDetailsAsVerification(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if ((ranked[0]?.intent !== 'talkToSupport' || namesOurDetail(words)) && !entities.otherProduct && !entities.plan && holdsQuestion(readText) && namedTopic(words) === 'verification' && readsNoSignOfItsOwn(ranked, words, topics)) ranked = decidedBySign(ranked, 'verification', (other) => lacksSignOfItsOwn(other, words));
  return ranked;
}

// What to give, prepare or be checked on for support ("what info to give support", "prepare for the support call"), read as a
// request for support, asks what the call needs (F14) when no person, number or way to reach them is asked; so does a detail of ours named.
// Read as help or placed nowhere, the call named with what is asked or checked on it ("list of things they'll ask me when I call",
// "any ID check when I ring?") asks the same, when no role is named (who may call is another question).
export function readsWhatTheCallNeedsAsVerification(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if (ranked[0]?.intent === 'talkToSupport' && !entities.otherProduct && (beginsAWord(words, FOR_THE_CALL) || namesOurDetail(words)) && !asksForAPerson(words) && !beginsAWord(words, WAYS_TO_REACH)) ranked = insteadOfTop(ranked, 'verification');
  else if ((!ranked[0] || ranked[0].intent === NONE_INTENT || ranked[0].intent === 'help') && !entities.otherProduct && beginsAWord(words, CALLING) && (beginsAWord(words, [...ASKED_ON_THE_CALL, ...ASKED_OF_THE_CALLER]) || words.includes('id')) && !beginsAWord(words, ROLE_OR_PERMISSION.filter((stem) => !CALLING.includes(stem))) && !asksForAPerson(words) && !beginsAWord(words, WAYS_TO_REACH)) ranked = intentFirst(ranked.filter((entry) => entry.intent !== NONE_INTENT), 'verification', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
  return ranked;
}

// Read as who may call by its announced call ("jag ska ringa och avsluta i morgon"), a question of what support will want to know or have
// ready, with no one asked about, is the details (F14): the writer is the caller and asks what to prepare.
export function readsWhatTheCallerIsAskedAsVerification(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities } = reading;
  if (ranked[0]?.intent === 'whoMayCall' && !entities.plan && !entities.otherProduct && holdsQuestion(readText) && asksWhatTheCallerIsAsked(readText, words)) ranked = confidentlyInsteadOfTop(ranked, 'verification');
  return ranked;
}
