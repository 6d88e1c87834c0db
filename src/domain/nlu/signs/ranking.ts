/*
 * The rankings the recognizer passes from rule to rule, and the helpers that change them: put one intent on top
 * (insteadOfTop, confidentlyInsteadOfTop, intentFirst, confidentlyFirst), let a sign decide between readings (decidedBySign), tell whether a topic is read with
 * confidence (confidentTopic, isTopic), and weigh or blend the classifier's readings (sureness, blended, clauseRank).
 */
import { type IntentName, isTopicIntent, NONE_INTENT } from '../intents.js';
import { CONFIDENT_SCORE, TWO_TOPICS_RATIO } from '../interpretation.js';
import { type TopicRegistry } from '../../topics.js';

export type Ranked = { intent: IntentName | typeof NONE_INTENT; score: number }[];

/**
 * The weighted mean of nlp.js's scores and the second classifier's. nlp.js's None (no intent outweighs
 * the message's other words) keeps its own share only: the second classifier has no None.
 */
export function votedRanking(first: Ranked, second: { intent: string; score: number }[], weight: number): Ranked {
  if (second.length === 0) return first;
  const scores = new Map<Ranked[number]['intent'], number>();
  for (const entry of first) scores.set(entry.intent, (1 - weight) * entry.score);
  for (const entry of second) scores.set(entry.intent as IntentName, (scores.get(entry.intent as IntentName) ?? 0) + weight * entry.score);
  return [...scores].map(([intent, score]) => ({ intent, score })).filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
}

/**
 * How sure a language's reading is: its top score, or none when its model places the message nowhere.
 * nlp.js gives None a full score, which must not outweigh the other language's reading of a mixed
 * message ("what do we do with our domän": None in English, the domains in Swedish).
 */
export function sureness(ranked: Ranked): number {
  return ranked[0] && ranked[0].intent !== NONE_INTENT ? ranked[0].score : 0;
}

/** Two readings of one message as one: each intent's mean score; None counts for nothing. */
export function blended(whole: Ranked, part: Ranked): Ranked {
  const scores = new Map<string, number>();
  for (const { intent, score } of [...whole, ...part]) if (intent !== NONE_INTENT) scores.set(intent, (scores.get(intent) ?? 0) + score / 2);
  return ([...scores].map(([intent, score]) => ({ intent, score })) as Ranked).sort((a, b) => b.score - a.score);
}

/** A greeting or thanks: what a message is only when it asks nothing else. */
export function isSocial(intent: string): boolean {
  return intent === 'greeting' || intent === 'thanks';
}

/**
 * Which clause of a long message answers (lower first): one about a topic or an action; then one
 * asking for guidance ("Kan du guida mig?" after "…så vi vill säga upp vårt abonnemang" asks for help
 * with that); then greetings, thanks and pleasantries ("hoppas allt är bra" is no goodbye).
 */
export function clauseRank(intent: string): number {
  if (isSocial(intent) || intent === 'endConversation') return 2;
  return intent === 'help' ? 1 : 0;
}

/** `intent` first and sure, without the readings a sign in the message ruled out: they are not offered beside it. */
export function decidedBySign(ranked: Ranked, intent: IntentName, ruledOut: (other: string) => boolean): Ranked {
  return intentFirst(
    ranked.filter((entry) => !ruledOut(entry.intent)),
    intent,
    Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE),
  );
}

/** Whether a topic (`intent`, when given) is read with confidence. */
export function confidentTopic(ranked: Ranked, topics: TopicRegistry, intent?: IntentName): boolean {
  return isTopic(ranked[0]?.intent, topics) && (intent === undefined || ranked[0]?.intent === intent) && ranked[0]!.score >= CONFIDENT_SCORE;
}

export function isTopic(intent: string | undefined, topics: TopicRegistry): boolean {
  return intent !== undefined && intent !== NONE_INTENT && isTopicIntent(intent, topics);
}

/**
 * The intent in place of the top one, which a sign in the message ruled out: it is no longer offered beside it. By
 * default at least as sure as a confident reading (a sign decided it; the vote's scores are flatter than nlp.js's),
 * and 1 when nothing was read: `confidentlyInsteadOfTop` differs only there (CONFIDENT_SCORE).
 */
export function insteadOfTop(ranked: Ranked, intent: IntentName, score = Math.max(ranked[0]?.score ?? 1, CONFIDENT_SCORE)): Ranked {
  return intentFirst(ranked.slice(1), intent, score);
}

/** The intent in place of the top one, at least as sure as a confident reading: a sign in the message decided it. */
export function confidentlyInsteadOfTop(ranked: Ranked, intent: IntentName): Ranked {
  return insteadOfTop(ranked, intent, decidedScore(ranked[0]?.score ?? 0, ranked.slice(1), intent));
}

/**
 * The score of a reading a sign decided: at least the old top's and a confident one, and clear of the readings left beside
 * it (beyond TWO_TOPICS_RATIO of the next one, at most 1), so that those it overruled are not offered as a second topic.
 */
function decidedScore(topScore: number, left: Ranked, intent: IntentName): number {
  const next = left.find((entry) => entry.intent !== intent)?.score ?? 0;
  return Math.max(topScore, CONFIDENT_SCORE, Math.min(1, next / TWO_TOPICS_RATIO + 0.01));
}

export function intentFirst(ranked: Ranked, intent: IntentName, score = ranked[0]?.score ?? 1): Ranked {
  return [{ intent, score }, ...ranked.filter((entry) => entry.intent !== intent)];
}

/** `intent` first, at least as sure as a confident reading: a sign in the message decided it. */
export function confidentlyFirst(ranked: Ranked, intent: IntentName): Ranked {
  return intentFirst(ranked, intent, decidedScore(ranked[0]?.score ?? 0, ranked, intent));
}
