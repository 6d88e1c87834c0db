import { randomUUID } from 'node:crypto';
import { TestAdapter, type Activity } from 'botbuilder';
import { testConfig } from '../src/domain/config.js';
import type { App } from '../src/service/app.js';
import { createApp } from '../src/service/server.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { conversationKey } from './support/conversationState.js';
import { text } from './support/i18n.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** The production bot on a TestAdapter, in Swedish, with its conversation document at hand. */
async function swedishChat() {
  const stores = createMemoryStores();
  const app = await createApp(testConfig({ storage: 'memory', defaultLocale: 'sv' }), { stores });
  apps.push(app);
  const adapter = new TestAdapter((context) => app.runTurn(context));
  const say = async (message: string) => {
    await adapter.receiveActivity({ type: 'message', locale: 'sv-SE', id: randomUUID(), text: message } as Activity);
    return adapter.activeQueue.splice(0).map((reply) => reply.text);
  };
  const key = conversationKey('Convo1');
  const stored = async () => (await stores.state.read([key]))[key] as Record<string, any>;
  const store = async (document: Record<string, any>) => stores.state.write({ [key]: document });
  return { say, stored, store };
}

const t = (key: string, args?: Record<string, unknown>) => text('sv', key, args);

/** Down the cancellation path to the timing question, past two questions with buttons. */
async function toTimingQuestion(chat: Awaited<ReturnType<typeof swedishChat>>) {
  await chat.say('hej');
  await chat.say(t('cancel:menu.cancel'));
  expect((await chat.say(t('cancel:plan.choices.smallBusiness'))).at(-1)).toBe(t('cancel:when.promptSmallBusiness'));
}

describe('earlier questions in the stored conversation', () => {
  test('are kept as their place and their dialog stack as text: the question and its buttons are read from the stack', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const kept = (await chat.stored()).earlierQuestions as Array<Record<string, unknown>>;
    expect(kept).toHaveLength(3);
    for (const question of kept) {
      expect(Object.keys(question)).toEqual(['signature', 'stackJson']);
      expect(typeof question.stackJson).toBe('string');
    }

    // The welcome's button, clicked at the timing question, is still known as the menu's.
    const productKey = t('menu.topics.productKey');
    expect(await chat.say(productKey)).toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: productKey }));
    expect(await chat.say(t('cancel:earlier.goBack'))).toContain(t('facts:F02.productKey'));
  });

  test('stored by the version before, as stack objects, still take the admin back, and are kept as text from then on', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const document = await chat.stored();
    document.earlierQuestions = (document.earlierQuestions as Array<{ stackJson: string }>).map((question) => ({ stack: JSON.parse(question.stackJson) }));
    await chat.store(document);

    // A message no prompt takes is matched against the stacks as stored before.
    const productKey = t('menu.topics.productKey');
    expect(await chat.say(productKey)).toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: productKey }));
    expect(await chat.say(t('cancel:earlier.goBack'))).toContain(t('facts:F02.productKey'));
    const kept = (await chat.stored()).earlierQuestions as Array<Record<string, unknown>>;
    for (const question of kept) expect(Object.keys(question)).toEqual(['signature', 'stackJson']);
  });

  test('a kept stack whose text cannot be read counts as not kept: the conversation carries on', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const document = await chat.stored();
    document.earlierQuestions = (document.earlierQuestions as Array<{ signature: string }>).map((question) => ({ ...question, stackJson: '{"dialogStack":[' }));
    await chat.store(document);

    // The menu's old button is no longer known as an earlier answer, and no turn fails; the timing question still takes its own.
    const oldButton = await chat.say(t('menu.topics.productKey'));
    expect(oldButton).not.toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: t('menu.topics.productKey') }));
    expect(oldButton).not.toContain(t('errors.turnFailed'));
    const answered = await chat.say(t('cancel:when.now'));
    expect(answered).not.toContain(t('errors.turnFailed'));
    expect(answered.at(-1)).not.toBe(t('cancel:when.promptSmallBusiness'));
  });

  test('stored by an earlier version, with the question, buttons and place beside the stack, still take the admin back', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const document = await chat.stored();
    document.earlierQuestions = (document.earlierQuestions as Array<{ stackJson: string }>).map((question, index) => ({
      signature: `as stored before ${index}`,
      question: { key: 'menu.prompt' },
      choices: [],
      stack: JSON.parse(question.stackJson) as object,
    }));
    await chat.store(document);

    const productKey = t('menu.topics.productKey');
    expect(await chat.say(productKey)).toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: productKey }));
    expect(await chat.say(t('cancel:earlier.goBack'))).toContain(t('facts:F02.productKey'));
  });
});
