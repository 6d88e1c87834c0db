import { SUPPORTED_LANGUAGES, type Language } from '../../src/domain/config.js';
import { answerKeys, topicTextKeys, type Topic } from '../../src/domain/topics.js';
import { createI18n, loadLocaleResources } from '../../src/domain/i18n.js';
import { CORPUS_FILE } from '../../src/domain/nlu/corpus.js';

/** Held-out messages of one language: what each is about. */
export type HeldOutMessages = readonly { text: string; intent: string }[];

/**
 * What a topic still lacks, each named in a line a developer can act on: a text in either
 * language (empty counts as missing), training messages for its intent in either corpus,
 * held-out messages in either evaluation set, a fact that is not in the inventory (facts.json),
 * an answer text under another fact than its own. Empty: the topic is complete.
 */
export function whatTopicLacks(topic: Topic, sources: { localesDir?: string; heldOut: Record<Language, HeldOutMessages> }): string[] {
  const i18n = createI18n({ localesDir: sources.localesDir });
  const resources = loadLocaleResources(sources.localesDir);
  const lacks: string[] = [];
  for (const language of SUPPORTED_LANGUAGES) {
    for (const key of topicTextKeys(topic)) {
      const [namespace, path] = key.includes(':') ? key.split(':', 2) : ['common', key];
      const value: unknown = i18n.getResource(language, namespace!, path!);
      if (typeof value !== 'string' || value.trim() === '') lacks.push(`${language}: the text ${key}`);
    }
    const corpus = resources[language][CORPUS_FILE.replace(/\.json$/, '')] as { intents?: Record<string, unknown> } | undefined;
    const training = corpus?.intents?.[topic.id];
    if (!Array.isArray(training) || training.length === 0) lacks.push(`${language}: training messages under intents.${topic.id} in ${CORPUS_FILE}`);
    if (!sources.heldOut[language].some((item) => item.intent === topic.id)) lacks.push(`${language}: held-out messages with intent ${topic.id}`);
    const inventory = Object.keys(resources[language].facts ?? {});
    for (const fact of topic.facts) if (!inventory.includes(fact)) lacks.push(`${language}: the fact ${fact} in facts.json`);
  }
  for (const key of answerKeys(topic.answer)) {
    if (!topic.facts.some((fact) => key.startsWith(`facts:${fact}.`))) lacks.push(`its answer's ${key} under one of its facts (${topic.facts.join(', ')})`);
  }
  return lacks;
}
