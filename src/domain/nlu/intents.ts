import type { Language } from '../config.js';
import { PLANS, type PlanId } from '../plans.js';

/** Topics of the fact inventory that have their own intent (fact id in the comment). */
export const TOPIC_INTENTS = [
  'trial', // F01
  'productKey', // F02, refunds
  'reactivate', // F03
  'quickRecall', // F04
  'termEnd', // F06, turning off auto-renew
  'termLengths', // F07
  'openFpp', // F08
  'earlyTerminationFee', // F09
  'domains', // F10
  'data', // F11
  'verification', // F14
  'whoMayCall', // F15
  'plansCovered', // F16
] as const;
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

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

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}

export function isTopicIntent(value: string): value is TopicIntent {
  return (TOPIC_INTENTS as readonly string[]).includes(value);
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
