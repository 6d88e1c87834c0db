/*
 * Reading rule of "redo" as the English verb: doing the conversation again is starting over. Signs:
 * src/domain/nlu/signs/redoing.ts.
 */
import { asksToRedoTheConversation, REDO } from '../signs/redoing.js';
import { confidentlyFirst, confidentlyInsteadOfTop, type Ranked } from '../signs/ranking.js';
import { speaksOfOurDomain } from '../signs/scope.js';
import { type Reading } from './reading.js';

// "can we redo this", "let's redo the whole thing" ask to start over, however the classifier, which learnt "redo" as
// Swedish "ready" of the call's details, leans; not when anything of ours is named beside it ("redo the DNS records").
export function readsRedoingTheConversationAsStartOver(reading: Reading): Ranked {
  const { ranked, words, entities } = reading;
  if (entities.plan || entities.otherProduct || !asksToRedoTheConversation(words) || speaksOfOurDomain(words.filter((word) => word !== REDO))) return ranked;
  return ranked[0]?.intent === 'startOver' ? confidentlyFirst(ranked, 'startOver') : confidentlyInsteadOfTop(ranked, 'startOver');
}
