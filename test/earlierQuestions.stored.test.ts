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
  test('are kept as their dialog stacks alone: the question, its buttons and its place are read from the stack', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const kept = (await chat.stored()).earlierQuestions as object[];
    expect(kept).toHaveLength(3);
    for (const question of kept) expect(Object.keys(question)).toEqual(['stack']);

    // The welcome's button, clicked at the timing question, is still known as the menu's.
    const productKey = t('menu.topics.productKey');
    expect(await chat.say(productKey)).toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: productKey }));
    expect(await chat.say(t('cancel:earlier.goBack'))).toContain(t('facts:F02.productKey'));
  });

  test('stored by an earlier version, with the question, buttons and place beside the stack, still take the admin back', async () => {
    const chat = await swedishChat();
    await toTimingQuestion(chat);
    const document = await chat.stored();
    document.earlierQuestions = (document.earlierQuestions as Array<{ stack: object }>).map((question, index) => ({
      signature: `as stored before ${index}`,
      question: { key: 'menu.prompt' },
      choices: [],
      ...question,
    }));
    await chat.store(document);

    const productKey = t('menu.topics.productKey');
    expect(await chat.say(productKey)).toContain(t('cancel:earlier.offer', { question: t('menu.prompt'), choice: productKey }));
    expect(await chat.say(t('cancel:earlier.goBack'))).toContain(t('facts:F02.productKey'));
  });
});
