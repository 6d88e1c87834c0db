/*
 * Reading rules of who may call or cancel (F15): a role asked about, being something that suffices, whose call it is.
 * Signs: src/domain/nlu/signs/roles.ts and src/domain/nlu/signs/theCall.ts.
 */
import { type IntentName } from '../intents.js';
import { holdsQuestion } from '../messageShape.js';
import { namesTrial } from '../signs/plans.js';
import { confidentTopic, confidentlyInsteadOfTop, type Ranked } from '../signs/ranking.js';
import { asksWhetherBeingSuffices, asksWhoMayCallOrCancel, asksWhoseCallItIs, PERMISSION, roleOnlyInContext, SUFFICING, WHO_MAY_CALL_OR_DETAILS, withoutOwnRole } from '../signs/roles.js';
import { namesSubjectOf } from '../signs/subjects.js';
import { ASKED_ON_THE_CALL, MAY_SOMEONE_NEIGHBOURS, provesIdentity } from '../signs/theCall.js';
import { readsNoSignOfItsOwn } from '../signs/topicSigns.js';
import { beginsAWord } from '../text.js';
import { type Reading } from './reading.js';

// Whether a role may call or cancel is who may call (F15), whatever else the words lean to
// ("kan vår kontorschef ringa och säga upp eller måste det vara en admin" is not the trial's).
// A right named is asked about even without a question's form ("behörighet att ringa supporten för uppsägning").
// Nor is it a request to be put through to support ("permissions you need for phoning in a cancellation").
// An unsure reading of such a question is who may call too ("kan ekonomiavdelningen ringa och avsluta?").
// Whether a role suffices to call ("räcker det att han står som kontaktperson") is who may call, not the details it names.
export function readsWhoMayCallOrCancelAsWhoMayCall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if ((!WHO_MAY_CALL_OR_DETAILS.includes(ranked[0]?.intent as IntentName) || !confidentTopic(ranked, topics) || (ranked[0]?.intent === 'talkToSupport' && beginsAWord(words, PERMISSION)) || (ranked[0]?.intent === 'verification' && beginsAWord(words, SUFFICING))) && (holdsQuestion(readText) || beginsAWord(words, PERMISSION)) && asksWhoMayCallOrCancel(words, withoutOwnRole(readText, words)) && !roleOnlyInContext(readText) && !namesTrial(words) && !entities.plan && !entities.otherProduct) ranked = confidentlyInsteadOfTop(ranked, 'whoMayCall');
  return ranked;
}

// Whether being something suffices to cancel or call ("räcker det att jag är kontaktperson för att säga upp") asks who may (F15), whatever detail it names.
export function readsWhetherBeingSufficesAsWhoMayCall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, topics } = reading;
  if ((ranked[0]?.intent === 'verification' || !confidentTopic(ranked, topics)) && !entities.plan && !entities.otherProduct && asksWhetherBeingSuffices(words)) ranked = confidentlyInsteadOfTop(ranked, 'whoMayCall');
  return ranked;
}

// Whether the client must call themselves or the call may be made for them ("must they call themselves", "can I call in
// for the customer") is who may call (F15), not the details, support or the path, unless what the call asks or proves is asked too.
// Read as who may call but unsure, it is made sure: "or can someone else" must not then read as asking for a person.
export function readsWhoseCallItIsAsWhoMayCall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if ((ranked[0]?.intent !== 'whoMayCall' || !confidentTopic(ranked, topics)) && !entities.plan && !entities.otherProduct && holdsQuestion(readText) && asksWhoseCallItIs(words) && !provesIdentity(words) && !namesSubjectOf('verification', words) && !beginsAWord(words, ASKED_ON_THE_CALL) && (WHO_MAY_CALL_OR_DETAILS.includes(ranked[0]?.intent as IntentName) || MAY_SOMEONE_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || readsNoSignOfItsOwn(ranked, words, topics))) ranked = confidentlyInsteadOfTop(ranked, 'whoMayCall');
  return ranked;
}
