import type { Language } from '../src/domain/config.js';
import { SUPPORTED_LANGUAGES } from '../src/domain/config.js';
import { answerKeys, TOPIC_REGISTRY, TOPICS, TopicRegistry, type Topic } from '../src/domain/topics.js';
import { ACTION_INTENTS } from '../src/domain/nlu/intents.js';
import { loadEvaluationSet } from '../src/domain/nlu/evaluation.js';
import { conversation } from './support/conversation.js';
import { makeTestBot, titles } from './support/dialogs.js';
import { ALL_FACTS } from './support/facts.js';
import { text } from './support/i18n.js';
import { whatTopicLacks } from './support/topics.js';

const heldOut = Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, loadEvaluationSet(language)])) as Record<Language, { text: string; intent: string }[]>;

describe('the topic registry: every topic is complete', () => {
  test.each(TOPICS.map((topic) => [topic.id, topic] as const))('%s has its texts in both languages, training and held-out messages, and known facts', (_id, topic) => {
    expect(whatTopicLacks(topic, { heldOut })).toEqual([]);
  });

  test('every fact a topic answers is in the fact inventory', () => {
    const answered = new Set(TOPICS.flatMap((topic) => topic.facts));
    expect([...answered].filter((fact) => !ALL_FACTS.includes(fact))).toEqual([]);
  });

  test('a topic is named apart from the actions and from the menu\'s paths', () => {
    const reserved: readonly string[] = [...ACTION_INTENTS, 'cancel', 'support'];
    expect(TOPIC_REGISTRY.ids.filter((id) => reserved.includes(id))).toEqual([]);
  });

  test('the check names what a topic lacks', () => {
    const unfinished: Topic = { id: 'notYetWritten', facts: ['F99'], answer: { texts: ['facts:F01.trial'] }, menuPlace: 9 };
    expect(whatTopicLacks(unfinished, { heldOut })).toEqual([
      'sv: the text menu.topics.notYetWritten',
      'sv: the text nlu:topics.notYetWritten',
      'sv: the text report:steps.notYetWritten',
      'sv: training messages under intents.notYetWritten in corpus.json',
      'sv: held-out messages with intent notYetWritten',
      'sv: the fact F99 in facts.json',
      'en: the text menu.topics.notYetWritten',
      'en: the text nlu:topics.notYetWritten',
      'en: the text report:steps.notYetWritten',
      'en: training messages under intents.notYetWritten in corpus.json',
      'en: held-out messages with intent notYetWritten',
      'en: the fact F99 in facts.json',
      "its answer's facts:F01.trial under one of its facts (F99)",
    ]);
  });

  test('two topics cannot share a name or a menu place', () => {
    const trial = TOPICS[0];
    expect(() => TOPIC_REGISTRY.with({ ...trial, menuPlace: undefined })).toThrow('Topic trial is declared twice');
    expect(() => new TopicRegistry([trial, { ...trial, id: 'trialAgain' }])).toThrow('Two topics have menu place 1');
  });
});

describe('every menu topic, picked by its title, gets its answer', () => {
  const inMenu = TOPIC_REGISTRY.inMenu.map((topic) => [topic.id, topic] as const);
  test.each(SUPPORTED_LANGUAGES.flatMap((language) => inMenu.map(([id, topic]) => [language, id, topic] as const)))(
    '%s: %s',
    async (language, _id, topic) => {
      const bot = await makeTestBot({ defaultLocale: language });
      const { say } = conversation(bot.adapter, { locale: language === 'sv' ? 'sv-SE' : 'en-US' });
      const welcome = await say(language === 'sv' ? 'hej' : 'hello');
      const title = text(language, `menu.topics.${topic.id}`);
      expect(titles(welcome.at(-1)!)).toContain(title);
      const replies = await say(title);
      expect(replies.slice(0, -1).map((reply) => reply.text)).toEqual(answerKeys(topic.answer).map((key) => text(language, key)));
      expect(replies.at(-1)?.text).toBe(text(language, 'menu.promptAgain'));
    },
  );
});
