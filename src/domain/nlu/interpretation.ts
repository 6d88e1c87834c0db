import type { RecognizerResult } from 'botbuilder';
import { isIntentName, isTopicIntent, type IntentName, type RecognizedEntities } from './intents.js';

/**
 * The bot acts on the top intent only when its score reaches this; below, it asks which topic the
 * admin meant. Chosen from the evaluation sets (`npm run eval:nlu` prints how often the top intent is
 * right above and below it): right answers mostly score above 0.6, wrong ones mostly below.
 */
export const CONFIDENT_SCORE = 0.6;
/**
 * Two topics of the fact inventory within this ratio of each other ("something about the fee and the
 * data") make the message unsure whatever the top score: the admin picks which to answer.
 */
export const TWO_TOPICS_RATIO = 0.55;
/** Intents offered as buttons in a clarifying question must score at least this. */
export const CANDIDATE_SCORE = 0.1;
/** At most this many topics are offered when the recognizer is unsure. */
export const MAX_CANDIDATES = 3;

export interface ScoredIntent {
  intent: IntentName;
  score: number;
}

/** What the bot should do with a recognizer's result. */
export type Interpretation =
  | { kind: 'confident'; intent: IntentName; score: number; entities: RecognizedEntities }
  | { kind: 'unsure'; candidates: ScoredIntent[]; entities: RecognizedEntities }
  | { kind: 'none' };

/** Our intents, best first (None and intents unknown to us are left out). */
export function rankIntents(result: RecognizerResult): ScoredIntent[] {
  return Object.entries(result.intents)
    .filter(([intent]) => isIntentName(intent))
    .map(([intent, value]) => ({ intent: intent as IntentName, score: value.score ?? 0 }))
    .sort((a, b) => b.score - a.score);
}

export function entitiesOf(result: RecognizerResult): RecognizedEntities {
  const { $instance: _instance, ...entities } = (result.entities ?? {}) as RecognizedEntities & { $instance?: unknown };
  return entities;
}

/** Confident (act), unsure (ask with the 2–3 likeliest topics as buttons) or nothing recognised. */
export function interpretRecognition(result: RecognizerResult): Interpretation {
  const ranked = rankIntents(result);
  const top = ranked[0];
  if (!top || top.score < CANDIDATE_SCORE) return { kind: 'none' };
  const entities = entitiesOf(result);
  const second = ranked[1];
  const twoTopics = second !== undefined && isTopicIntent(top.intent) && isTopicIntent(second.intent) && second.score >= TWO_TOPICS_RATIO * top.score;
  if (top.score >= CONFIDENT_SCORE && !twoTopics) return { kind: 'confident', intent: top.intent, score: top.score, entities };
  const candidates = ranked.filter((entry) => entry.score >= CANDIDATE_SCORE).slice(0, MAX_CANDIDATES);
  return { kind: 'unsure', candidates, entities };
}
