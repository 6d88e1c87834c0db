/*
 * Reading rules of the plans with a rule of their own (F01 trial, F02 product key, F08 Open and FPP): the trial or the
 * data, and a plan described but not named. Signs: src/domain/nlu/signs/plans.ts.
 */
import { type IntentName, NONE_INTENT } from '../intents.js';
import { holdsQuestion } from '../messageShape.js';
import { requestsCancellation } from '../signs/asking.js';
import { ASKED_BESIDE_A_PLAN, ruledPlanTopic, trialOrData } from '../signs/plans.js';
import { confidentlyInsteadOfTop, isTopic, type Ranked } from '../signs/ranking.js';
import { type Reading } from './reading.js';


export function decidesTrialOrData(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words } = reading;
  ranked = trialOrData(ranked, words);
  return ranked;
}

// Read as the path but with no word that asks to cancel ("köpte det med en nyckel … nu vill vi ur"), the described plan answers, as a named one would.
export function readsDescribedPlanAsItsQuestion(reading: Reading, ruledPlan: ReturnType<typeof ruledPlanTopic>): Ranked {
  let { ranked } = reading;
  const { readText, entities, topics } = reading;
  if (ruledPlan && ranked[0]?.intent !== ruledPlan && !entities.otherProduct && !requestsCancellation(readText) && (!ranked[0] || isTopic(ranked[0].intent, topics) || ranked[0].intent === NONE_INTENT || (ranked[0].intent === 'startCancellation' && !entities.plan) || (holdsQuestion(readText) && ASKED_BESIDE_A_PLAN.includes(ranked[0].intent as IntentName))))
    ranked = confidentlyInsteadOfTop(ranked, ruledPlan);
  return ranked;
}
