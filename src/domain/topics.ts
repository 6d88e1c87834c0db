import { DETAIL_FIELDS } from './verification.js';

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
/** A fact of the inventory (F01–F16), the top-level keys of locales/<lng>/facts.json. */
export type FactId = `F${Digit}${Digit}`;

/** An answer shown as numbered steps (a card where the channel shows cards); each part a locale key. */
export interface StepListAnswer {
  readonly intro?: string;
  readonly steps: readonly string[];
  readonly outro?: string;
}

/** What answers a topic: texts sent one message each, or a step list. Every part is a locale key. */
export type TopicAnswer = { readonly texts: readonly string[] } | { readonly stepList: StepListAnswer };

/**
 * A question of the fact inventory that the assistant answers directly, from the menu or typed.
 * The `id` is its one name: the recognizer's intent (with training messages under
 * `intents.<id>` in each corpus and held-out messages labelled `<id>`), the menu choice's value,
 * the milestone step of the report, and the last part of its label keys (see `topicLabelKeys`).
 */
export interface Topic {
  readonly id: string;
  /** The facts it answers; its answer's keys are under them in facts.json. */
  readonly facts: readonly FactId[];
  readonly answer: TopicAnswer;
  /** Its place among the menu's questions (1 = first), between cancelling and support; none: answered only when typed. */
  readonly menuPlace?: number;
}

/**
 * Every topic, in the order the recognizer and the report list them. Adding one takes its entry
 * here and, in both languages: its answer in facts.json, `menu.topics.<id>` in common.json (when it
 * has a menu place), `topics.<id>` in nlu.json, `steps.<id>` in report.json, training messages
 * under `intents.<id>` in corpus.json, and held-out messages in test/nlu/heldout-<lng>.json.
 * test/topics.test.ts names whatever is missing.
 */
export const TOPICS = [
  { id: 'trial', facts: ['F01'], answer: { texts: ['facts:F01.trial'] }, menuPlace: 1 },
  { id: 'productKey', facts: ['F02'], answer: { texts: ['facts:F02.productKey'] }, menuPlace: 2 },
  { id: 'reactivate', facts: ['F03'], answer: { texts: ['facts:F03.reactivate'] }, menuPlace: 3 },
  { id: 'quickRecall', facts: ['F04'], answer: { texts: ['facts:F04.quickRecall'] } },
  {
    id: 'termEnd',
    facts: ['F06'],
    answer: { stepList: { intro: 'facts:F06.intro', steps: ['facts:F06.step1', 'facts:F06.step2'], outro: 'facts:F06.outcome' } },
  },
  { id: 'termLengths', facts: ['F07'], answer: { texts: ['facts:F07.termLengths'] }, menuPlace: 4 },
  { id: 'openFpp', facts: ['F08'], answer: { texts: ['facts:F08.openFpp'] } },
  { id: 'earlyTerminationFee', facts: ['F09'], answer: { texts: ['facts:F09.fee'] } },
  { id: 'domains', facts: ['F10'], answer: { texts: ['facts:F10.domains'] } },
  { id: 'data', facts: ['F11'], answer: { texts: ['facts:F11.saveData'] } },
  {
    id: 'verification',
    facts: ['F14'],
    answer: { stepList: { intro: 'facts:F14.intro', steps: DETAIL_FIELDS.map((field) => `facts:F14.${field}`) } },
  },
  { id: 'whoMayCall', facts: ['F15'], answer: { texts: ['facts:F15.mustBeAdmin'] } },
  { id: 'appliesTo', facts: ['F16'], answer: { texts: ['facts:F16.appliesTo'] }, menuPlace: 5 },
] as const satisfies readonly Topic[];

export type TopicId = (typeof TOPICS)[number]['id'];

/** The keys of a topic's answer, in the order it shows them. */
export function answerKeys(answer: TopicAnswer): string[] {
  if ('texts' in answer) return [...answer.texts];
  const { intro, steps, outro } = answer.stepList;
  return [...(intro ? [intro] : []), ...steps, ...(outro ? [outro] : [])];
}

/** The keys of the names a topic goes by: its menu button (when in the menu), its clarification button and its report step. */
export function topicLabelKeys(topic: Topic): { menuTitle?: string; clarificationTitle: string; reportStep: string } {
  return {
    ...(topic.menuPlace === undefined ? {} : { menuTitle: `menu.topics.${topic.id}` }),
    clarificationTitle: `nlu:topics.${topic.id}`,
    reportStep: `report:steps.${topic.id}`,
  };
}

/** Every locale key a topic needs, in both languages. */
export function topicTextKeys(topic: Topic): string[] {
  return [...answerKeys(topic.answer), ...Object.values(topicLabelKeys(topic))];
}

/** The topics one app answers: production's (`TOPIC_REGISTRY`), or those plus a test's. */
export class TopicRegistry {
  readonly topics: readonly Topic[];
  private readonly byId: ReadonlyMap<string, Topic>;

  constructor(topics: readonly Topic[]) {
    const ids = topics.map((topic) => topic.id);
    const repeatedId = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeatedId) throw new Error(`Topic ${repeatedId} is declared twice`);
    const places = topics.flatMap((topic) => (topic.menuPlace === undefined ? [] : [topic.menuPlace]));
    const repeatedPlace = places.find((place, index) => places.indexOf(place) !== index);
    if (repeatedPlace !== undefined) throw new Error(`Two topics have menu place ${repeatedPlace}`);
    this.topics = topics;
    this.byId = new Map(topics.map((topic) => [topic.id, topic]));
  }

  get ids(): string[] {
    return this.topics.map((topic) => topic.id);
  }

  find(id: string): Topic | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The topics the menu offers, in its order. */
  get inMenu(): Topic[] {
    return this.topics.filter((topic) => topic.menuPlace !== undefined).sort((a, b) => a.menuPlace! - b.menuPlace!);
  }

  /** These topics and more (a test's made-up one). */
  with(...more: readonly Topic[]): TopicRegistry {
    return new TopicRegistry([...this.topics, ...more]);
  }
}

export const TOPIC_REGISTRY = new TopicRegistry(TOPICS);
