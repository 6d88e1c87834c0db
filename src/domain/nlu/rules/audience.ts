/*
 * Reading rule of whom the guide is for (F16): whether the guide fits us, or goes the same way for our plan. Signs:
 * src/domain/nlu/signs/audience.ts.
 */
import { holdsQuestion } from '../messageShape.js';
import { asksWhetherGuideFits, asksWhetherSameForUs, leansFromAppliesTo } from '../signs/audience.js';
import { confidentTopic, confidentlyInsteadOfTop, type Ranked } from '../signs/ranking.js';
import { bringsBack } from '../signs/reactivation.js';
import { FACT_SUBJECTS } from '../signs/subjects.js';
import { namesTermLength, speaksOfRenewal } from '../signs/term.js';
import { namedTopic } from '../signs/topicSigns.js';
import { type Reading } from './reading.js';

// Whether the guide is for us ("am I in the right place", "do these steps fit us") is which plans and admins
// it covers (F16), not help, feedback, who may call (no call named) or a plan's rule it does not name.
export function readsWhetherTheGuideFitsAsAppliesTo(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if (!entities.otherProduct && asksWhetherGuideFits(words) && (!confidentTopic(ranked, topics) || leansFromAppliesTo(ranked, words))) ranked = confidentlyInsteadOfTop(ranked, 'appliesTo');
  // So is asking, with our plan named, whether it goes the same way for us or whether we can use the assistant ("Vi har
  // Midsize Business, är det samma sätt för oss?"), naming no fact's subject: the plan is what the guide may not cover.
  else if (entities.plan && !entities.otherProduct && holdsQuestion(readText) && asksWhetherSameForUs(words) && namedTopic(words, FACT_SUBJECTS) === undefined && !namesTermLength(words) && !speaksOfRenewal(words) && (!confidentTopic(ranked, topics) || leansFromAppliesTo(ranked, words) || (ranked[0]?.intent === 'reactivate' && !bringsBack(words)))) ranked = confidentlyInsteadOfTop(ranked, 'appliesTo');
  return ranked;
}
