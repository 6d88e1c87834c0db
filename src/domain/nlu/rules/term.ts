/*
 * Reading rules of the term (F06 its end, F07 its length, F09 the fee for leaving early): stopping the renewal, a renewal
 * asked as a length, a term's length named, commitment, the cost of leaving early, cancelling at the term's end, billing
 * that stops. Signs: src/domain/nlu/signs/term.ts.
 */
import { type IntentName, NONE_INTENT } from '../intents.js';
import { holdsQuestion } from '../messageShape.js';
import { mentionsCancelling } from '../signs/asking.js';
import { asksDeletion, asksHowLong } from '../signs/data.js';
import { namesTrial } from '../signs/plans.js';
import { confidentTopic, decidedBySign, confidentlyInsteadOfTop, insteadOfTop, type Ranked } from '../signs/ranking.js';
import { bringsBack } from '../signs/reactivation.js';
import { CALLING } from '../signs/roles.js';
import { namesSubjectOf } from '../signs/subjects.js';
import { asksBillingToStop, asksCostOfLeavingEarly, BILLING_STOP_NEIGHBOURS, HOLDS, leavesBeforeTheEnd, letsItEnd, namesTermLength, PENALTY_NEIGHBOURS, refusesRenewal, speaksOfCommitment, speaksOfRenewal, speaksOfTermEnd, STOPPING, TERM_END_NEIGHBOURS, TERM_END_SIGNS, TIME_SPANS, TURNING_OFF, withoutHolding } from '../signs/term.js';
import { lacksSignOfItsOwn, readsNoSignOfItsOwn } from '../signs/topicSigns.js';
import { beginsAWord, holdsPhrase } from '../text.js';
import { type Reading } from './reading.js';

// Stopping the renewal is cancelling at the term's end (F06), not asking how long the term is.
// Nor is it quick recall when nothing is to be deleted: "what now" is no haste ("must not roll over, what now").
// Nor the fee when the renewal is refused and no cost of leaving early asked ("vi vill inte förlänga, men inte heller betala nåt extra").
export function readsStoppingTheRenewalAsTermEnd(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, timing, topics } = reading;
  if ((ranked[0]?.intent === 'termLengths' || (ranked[0]?.intent === 'quickRecall' && !asksDeletion(words)) || (ranked[0]?.intent === 'earlyTerminationFee' && refusesRenewal(words) && !asksCostOfLeavingEarly(words, timing)) || readsNoSignOfItsOwn(ranked, words, topics)) && !entities.otherProduct && speaksOfRenewal(words) && !namesTrial(words) && !asksHowLong(words)) ranked = confidentlyInsteadOfTop(ranked, 'termEnd');
  return ranked;
}

// A renewal asked about as a length ("does it renew every month, is that allowed?"), with nothing turned off or cancelled, is the term's length (F07).
export function readsRenewalAsAskedLengthAsTermLengths(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities } = reading;
  if (ranked[0]?.intent === 'termEnd' && !entities.timing && holdsQuestion(readText) && speaksOfRenewal(words) && namesTermLength(words) && !mentionsCancelling(words) && !beginsAWord(words, STOPPING) && !holdsPhrase(words, TURNING_OFF) && !beginsAWord(words, TERM_END_SIGNS.filter((stem) => !TIME_SPANS.includes(stem)))) ranked = insteadOfTop(ranked, 'termLengths');
  return ranked;
}

// A question naming a term's length ("annual only?", "vilka har årsavtal?") read nowhere or as a topic with no sign of its own is the term's length (F07).
// "Gäller" (does it hold) is no sign of which plans the guide covers beside a term's length: "gäller det per månad eller per år?".
export function readsNamedTermLengthAsTermLengths(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, timing, topics } = reading;
  if ((!ranked[0] || ranked[0].intent === NONE_INTENT || readsNoSignOfItsOwn(ranked, words, topics) || (ranked[0].intent === 'appliesTo' && !namesSubjectOf('appliesTo', words.filter((word) => !word.startsWith(HOLDS))))) && !entities.otherProduct && holdsQuestion(readText) && namesTermLength(words) && !speaksOfRenewal(words) && !speaksOfTermEnd(words) && !bringsBack(words) && !asksCostOfLeavingEarly(words, timing)) ranked = confidentlyInsteadOfTop(ranked, 'termLengths');
  return ranked;
}

// Being bound (locked in, bunden, commitment) is the term's length (F07) when nothing surer is read.
export function readsCommitmentAsTermLengths(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, topics } = reading;
  if (readsNoSignOfItsOwn(ranked, words, topics) && !entities.otherProduct && speaksOfCommitment(words)) ranked = confidentlyInsteadOfTop(ranked, 'termLengths');
  return ranked;
}

// A penalty for leaving is the fee for leaving early (F09), not the term's length or end that its words name:
// "we're four months into a yearly term, what penalties apply if we leave".
// So is a cost of leaving before the end ("an extra bill if we end before the term is over", "betala för att
// bryta i förtid"), also read unsure, out of scope or as a topic whose subject it does not name.
// Read as quick recall by its haste ("omedelbart", "nu") with nothing asked to be deleted, the cost of leaving at once is the fee's too.
// So is the fee asked whether it holds ("early termination fee, gäller det small business också", "do penalties apply on enterprise"):
// "gäller" and "apply" then name no audience of the guide (F16), and a plan named asks the fee of that plan.
export function readsCostOfLeavingEarlyAsFee(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, timing, topics } = reading;
  const holdsWithoutAudience = (intent: string | undefined) => intent === 'appliesTo' && !namesSubjectOf('appliesTo', withoutHolding(words));
  if ((PENALTY_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || ranked[0]?.intent === 'outOfScope' || (ranked[0]?.intent === 'quickRecall' && !asksDeletion(words)) || holdsWithoutAudience(ranked[0]?.intent) || readsNoSignOfItsOwn(ranked, words, topics)) && !entities.otherProduct && asksCostOfLeavingEarly(words, timing)) ranked = decidedBySign(ranked, 'earlyTerminationFee', (other) => PENALTY_NEIGHBOURS.includes(other as IntentName) || (other === 'quickRecall' && !asksDeletion(words)) || holdsWithoutAudience(other) || lacksSignOfItsOwn(other, words));
  return ranked;
}

// Cancelling when the term ends, with no plan named, is the term's end (F06: turn off the renewal),
// not the cancellation path nor the fee for leaving early: "can I cancel at the end of the term instead of now";
// so is an unsure reading of it ("once the contract period is over").
// Asking what leaving at once costs instead ("säga upp direkt istället för vid förnyelsen, tillkommer avgifter?") stays the fee's.
// Not leaving early ("vill inte säga upp i förtid", "no early exit") is letting the term run out; with no other product
// named, neither is it out of scope ("vi går över till Google Workspace när avtalet löper ut").
export function readsCancellingAtTheTermsEndAsTermEnd(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, timing, topics } = reading;
  if ((timing?.includes('termEnd') || speaksOfTermEnd(words) || (letsItEnd(words) && !namesTrial(words))) && !leavesBeforeTheEnd(words) && !asksCostOfLeavingEarly(words, timing) && !entities.plan && !entities.otherProduct && (TERM_END_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || ranked[0]?.intent === 'outOfScope' || !confidentTopic(ranked, topics))) ranked = decidedBySign(ranked, 'termEnd', (other) => TERM_END_NEIGHBOURS.includes(other as IntentName) || other === 'outOfScope');
  return ranked;
}

// Making sure the billing stops ("how can I be certain there are no further charges", "utan fler fakturor") is the term's end (F06),
// not help, feedback or a topic whose subject it does not name, unless it leaves early or asks what leaving costs.
export function readsBillingThatStopsAsTermEnd(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, timing, topics } = reading;
  if (ranked[0]?.intent !== 'termEnd' && !entities.otherProduct && !entities.plan && asksBillingToStop(words) && !leavesBeforeTheEnd(words) && !asksCostOfLeavingEarly(words, timing) && (BILLING_STOP_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || (ranked[0]?.intent === 'whoMayCall' && !beginsAWord(words, CALLING)) || readsNoSignOfItsOwn(ranked, words, topics))) ranked = confidentlyInsteadOfTop(ranked, 'termEnd');
  return ranked;
}
