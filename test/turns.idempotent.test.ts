import { randomUUID } from 'node:crypto';
import { TestAdapter, type Activity } from 'botbuilder';
import { testConfig, type Language } from '../src/domain/config.js';
import { REMEMBERED_ACTIVITY_IDS } from '../src/bot/repeatedActivities.js';
import { createTurnErrorHandler, type App } from '../src/service/app.js';
import { createApp } from '../src/service/server.js';
import { createMemoryStores, type Stores } from '../src/domain/storage/index.js';
import { makeDataDir, removeDataDir, startApp } from './support/app.js';
import { conversationKey } from './support/conversationState.js';
import { say as post } from './support/directTurn.js';
import { faultyStores, systemError } from './support/faultyStores.js';
import { text } from './support/i18n.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/**
 * The production bot (createApp, with its error handler) on a TestAdapter: a channel that sends
 * activities with ids, and can send one again as a channel retrying a slow answer does.
 */
async function productionChat(language: Language, stores: Stores = createMemoryStores()) {
  const app = await createApp(testConfig({ storage: 'memory', defaultLocale: language }), { stores });
  apps.push(app);
  const adapter = new TestAdapter((context) => app.runTurn(context));
  adapter.onTurnError = createTurnErrorHandler(app.config, app.logger, app.i18n);
  const locale = language === 'sv' ? 'sv-SE' : 'en-US';
  /** Sends one activity (a new id unless one is given) and returns what the bot answered to it. */
  const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    await adapter.receiveActivity({ type: 'message', locale, id: randomUUID(), ...activity } as Activity);
    return adapter.activeQueue.splice(0);
  };
  const say = (message: string, id?: string) => send({ text: message, ...(id ? { id } : {}) });
  const t = (key: string, args?: Record<string, unknown>) => text(language, key, args);
  const storedConversation = async () => (await stores.state.read([conversationKey('Convo1')]))[conversationKey('Convo1')];
  return { app, adapter, stores, send, say, t, storedConversation };
}

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text);

/** Everything the stores hold, to show that a repeat stores nothing. */
async function everythingStored(chat: Awaited<ReturnType<typeof productionChat>>) {
  return {
    conversation: await chat.storedConversation(),
    feedback: await chat.stores.feedback.list(),
    outcomes: await chat.stores.outcomes.list(),
    cases: await chat.stores.cases.list(),
  };
}

describe('a channel retry (the same activity id again) does not run the turn twice', () => {
  test('en: a click at a choice prompt sent twice answers once and the conversation stays at the next question', async () => {
    const chat = await productionChat('en');
    await chat.say('hello');
    await chat.say(chat.t('cancel:menu.cancel'));
    const plan = chat.t('cancel:plan.choices.smallBusiness');

    const first = await chat.say(plan, 'click-plan');
    expect(first.at(-1)?.text).toBe(chat.t('cancel:when.promptSmallBusiness'));
    const before = await everythingStored(chat);
    expect(await chat.say(plan, 'click-plan')).toEqual([]);
    expect(await everythingStored(chat)).toEqual(before);

    // Still at the "when" question: "now" leads to the fee warning, as it would have without the retry.
    const next = await chat.say(chat.t('cancel:when.now'));
    expect(next[0]?.text).toBe(chat.t('facts:F09.fee'));
  });

  test('sv: a feedback comment sent twice is stored once, and the retry gets no second answer', async () => {
    const chat = await productionChat('sv');
    await chat.say('hej');
    await chat.say(chat.t('cancel:menu.cancel'));
    await chat.say(chat.t('cancel:plan.choices.smallBusiness'));
    await chat.say(chat.t('cancel:when.now'));
    await chat.say('ja');
    await chat.say('ja');
    await chat.say(chat.t('cancel:now.continue'));
    await chat.say(chat.t('cancel:now.found'));
    expect((await chat.say('1')).at(-1)?.text).toBe(chat.t('cancel:feedback.askComment'));

    const comment = 'Vi behöver färre licenser';
    expect(texts(await chat.say(comment, 'comment-1'))).toEqual([chat.t('cancel:feedback.thanks'), chat.t('menu.promptAgain')]);
    const before = await everythingStored(chat);
    expect(await chat.say(comment, 'comment-1')).toEqual([]);
    expect(await everythingStored(chat)).toEqual(before);
    expect(await chat.stores.feedback.list()).toEqual([expect.objectContaining({ reason: 'tooExpensive', comment })]);
  });

  test('en: a user joining, reported twice, is welcomed once', async () => {
    const chat = await productionChat('en');
    const join = { type: 'conversationUpdate', id: 'join-1', membersAdded: [{ id: 'user1', name: 'Admin' }] } as Partial<Activity>;
    expect(texts(await chat.send(join))[0]).toBe(chat.t('welcome.intro'));
    expect(await chat.send(join)).toEqual([]);
  });

  test('sv: a first attempt that failed (storage down, nothing saved) does not count: its retry runs', async () => {
    const faulty = faultyStores(createMemoryStores());
    const chat = await productionChat('sv', faulty.stores);
    await chat.say('hej');
    await chat.say(chat.t('cancel:menu.cancel'));

    faulty.failWith(() => systemError('EIO', 'i/o error'));
    const plan = chat.t('cancel:plan.choices.smallBusiness');
    expect(texts(await chat.say(plan, 'click-plan'))).toEqual([chat.t('security:storageUnavailable')]);
    faulty.failWith(undefined);

    const retry = await chat.say(plan, 'click-plan');
    expect(retry.at(-1)?.text).toBe(chat.t('cancel:when.promptSmallBusiness'));
    expect(await chat.say(plan, 'click-plan')).toEqual([]);
  });

  test(`remembers the last ${REMEMBERED_ACTIVITY_IDS} ids of a conversation, no more`, async () => {
    const chat = await productionChat('en');
    const ids = Array.from({ length: REMEMBERED_ACTIVITY_IDS + 8 }, (_, turn) => `turn-${turn}`);
    await chat.say('hello', ids[0]);
    for (const id of ids.slice(1)) expect(texts(await chat.say('9', id))).toEqual([chat.t('menu.retry')]);

    expect((await chat.storedConversation())?.recentActivityIds).toEqual(ids.slice(-REMEMBERED_ACTIVITY_IDS));
    expect(await chat.say('9', ids.at(-1))).toEqual([]);
    // An id older than that is treated as new: channels retry within seconds, not 30 turns later.
    expect(texts(await chat.say('9', ids[0]))).toEqual([chat.t('menu.retry')]);
  });
});

test('activities without an id are always processed', async () => {
  const dataDir = makeDataDir();
  const running = await startApp({ dataDir });
  try {
    const conversation = { conversationId: `no-ids-${randomUUID()}`, locale: 'en-US', extra: { id: undefined } };
    await post(running.url, 'hello', conversation);
    for (let turn = 0; turn < 2; turn += 1) {
      expect(texts(await post(running.url, '9', conversation))).toEqual([text('en', 'menu.retry')]);
    }
  } finally {
    await running.close();
    removeDataDir(dataDir);
  }
});
