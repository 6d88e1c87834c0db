import type { Language } from '../config.js';
import { TOPIC_REGISTRY, TOPICS, type TopicId, type TopicRegistry } from '../topics.js';
import { PLANS, type PlanId } from '../plans.js';

/** The topics of the fact inventory, one intent each (named as the topic: src/domain/topics.ts). */
export const TOPIC_INTENTS: readonly TopicId[] = TOPICS.map((topic) => topic.id);
export type TopicIntent = TopicId;

/** What the admin wants to do rather than know. */
export const ACTION_INTENTS = [
  'startCancellation',
  'help',
  'startOver',
  'endConversation',
  'talkToSupport',
  'switchLanguage',
  'giveFeedback',
  'greeting',
  'thanks',
  'outOfScope',
] as const;
export type ActionIntent = (typeof ACTION_INTENTS)[number];

export const INTENTS = [...TOPIC_INTENTS, ...ACTION_INTENTS] as const;
export type IntentName = TopicIntent | ActionIntent;

/** nlp.js's and LUIS's name for "nothing matched". */
export const NONE_INTENT = 'None';

/** The intents a recognizer for these topics knows: one per topic, then the actions. */
export function intentsOf(topics: TopicRegistry): string[] {
  return [...topics.ids, ...ACTION_INTENTS];
}

/**
 * Whether the name is an intent of ours. A test's made-up topic is named by no type, so its intent
 * passes as an IntentName; code that answers topics looks them up in the registry by that name.
 */
export function isIntentName(value: string, topics: TopicRegistry = TOPIC_REGISTRY): value is IntentName {
  return topics.has(value) || (ACTION_INTENTS as readonly string[]).includes(value);
}

/** Whether the intent asks about a topic (its answer is in the registry). */
export function isTopicIntent(value: string, topics: TopicRegistry = TOPIC_REGISTRY): boolean {
  return topics.has(value);
}

/**
 * Plans whose rules are facts of their own: a question about cancelling one gets that fact, and a request to
 * cancel one starts the path, whose plan step answers with the same fact first ("avsluta provperiod" gets F01,
 * which says a trial cannot be cancelled; dialogs/cancelSubscriptionDialog.ts).
 */
export const PLAN_RULE_TOPIC: Partial<Record<PlanId, TopicId>> = { trial: 'trial', productKey: 'productKey', openFpp: 'openFpp' };

/**
 * The topic whose fact the admin is answered with first: the intent's own, or for a request to cancel that
 * names exactly one plan with a rule of its own, that plan's topic. Anything else answers as its intent.
 */
export function answeredTopic(intent: string, plans: readonly PlanId[] | undefined): string {
  if (intent !== 'startCancellation' || plans?.length !== 1) return intent;
  return PLAN_RULE_TOPIC[plans[0]!] ?? intent;
}

export const TIMINGS = ['termEnd', 'now'] as const;
export type Timing = (typeof TIMINGS)[number];

/** The entities the recognizer fills, each a list of values in the order the message names them. */
export interface RecognizedEntities {
  plan?: PlanId[];
  timing?: Timing[];
  /** The language a "switch language" message asks for. */
  language?: Language[];
  /** Set when the message names another product (Netflix, Azure, Office 365 Home…). */
  otherProduct?: string[];
  /**
   * Set when the message has words that end a conversation ("hejdå", "that's all", "avsluta
   * samtalet"). Without them the recognizer never reads a message as ending the conversation: a
   * question that happens to look like a goodbye to the classifier must not end it.
   */
  closing?: string[];
}

export const ENTITY_VALUES = {
  plan: PLANS,
  timing: TIMINGS,
  language: ['sv', 'en'],
  otherProduct: ['otherProduct'],
  closing: ['closing'],
} as const;
export type EntityName = keyof typeof ENTITY_VALUES;
export const ENTITY_NAMES = Object.keys(ENTITY_VALUES) as EntityName[];
