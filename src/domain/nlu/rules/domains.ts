/*
 * Reading rule of the custom domain (F10): the mail where it is what the domain's address is for. Signs:
 * src/domain/nlu/signs/domains.ts and mailOnTheDomain in src/domain/nlu/signs/topicSigns.ts.
 */
import { confidentlyInsteadOfTop, type Ranked } from '../signs/ranking.js';
import { mailOnTheDomain } from '../signs/topicSigns.js';
import { type Reading } from './reading.js';

// The mail read as the data's question where it is what the domain's address is for is the domain's (F10).
export function readsMailOnTheDomainAsDomains(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if (ranked[0]?.intent === 'data' && !entities.otherProduct && mailOnTheDomain(words)) ranked = confidentlyInsteadOfTop(ranked, 'domains');
  return ranked;
}
