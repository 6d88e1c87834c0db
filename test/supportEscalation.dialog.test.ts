import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActivityTypes, type Activity } from 'botbuilder';
import type { Config, Language } from '../src/domain/config.js';
import { createLogger } from '../src/domain/logger.js';
import type { App } from '../src/service/app.js';
import { createStores, type Stores } from '../src/domain/storage/index.js';
import { hashId } from '../src/domain/outcomes.js';
import { CASE_REFERENCE_PATTERN } from '../src/domain/supportCase.js';
import { makeTestBot } from './support/dialogs.js';
import { visibleText } from './support/directTurn.js';
import { makeDataDir, removeDataDir } from './support/app.js';
import { text } from './support/i18n.js';

const CHANNEL_USER_ID = '29:channel-user-42';

// Each test's bot is the production app: its retention timers stop when the test ends.
const openApps: App[] = [];
const closeApps = () => Promise.all(openApps.splice(0).map((app) => app.close()));
afterEach(closeApps);

/**
 * The production bot (dialog tree, recognizer, privacy controls) on in-memory stores, or the given
 * (e.g. lowdb) ones, logging into `logLines`; `say` sends one message and returns the bot's replies.
 */
async function startConversation(language: Language, config: Partial<Config> = {}, channelId = 'test', stores?: Stores) {
  const logLines: string[] = [];
  const bot = await makeTestBot({
    defaultLocale: language,
    config,
    ...(stores ? { stores } : {}),
    logger: createLogger('debug', (line) => logLines.push(line)),
  });
  openApps.push(bot.app);
  const locale = language === 'sv' ? 'sv-SE' : 'en-US';
  /** Sends one message activity and returns the bot's replies to it. */
  const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    await bot.adapter.processActivity({ type: ActivityTypes.Message, locale, channelId, from: { id: CHANNEL_USER_ID, name: 'Admin' }, ...activity });
    return bot.adapter.activeQueue.splice(0);
  };
  const say = (textSaid: string) => send({ text: textSaid });
  const t = (key: string, args?: Record<string, unknown>) => text(language, key, args);
  /** The endings recorded for a path (the support step, or the cancellation path around it). */
  const endings = async (path: string) =>
    (await bot.stores.outcomes.list()).filter((record) => record.path === path && record.ending).map((record) => record.ending);
  return { ...bot, say, send, logLines, t, endings };
}

type Conversation = Awaited<ReturnType<typeof startConversation>>;

/** Everything the bot keeps in conversation and user state (MemoryStorage keeps it as JSON text). */
const storedState = (stores: { state: unknown }) => JSON.stringify((stores.state as { memory: Record<string, string> }).memory);

/** What each message says: its text, or the text of its hero card. */
const texts = (replies: Partial<Activity>[]) =>
  replies
    .filter((reply) => reply.type === ActivityTypes.Message)
    .map((reply) => reply.text || ((reply.attachments?.[0]?.content as { text?: string } | undefined)?.text ?? ''));

/** What an admin types, per language: good values for the five details. */
const ANSWERS = {
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  skip: { sv: 'hoppa över', en: 'skip' },
  stop: { sv: 'stoppa', en: 'stop' },
  confirm: { sv: 'Ja, det stämmer', en: "Yes, that's right" },
} as const;

const DETAILS = {
  userId: 'asa.oberg@contoso.se',
  phone: '070-123 45 67',
  contactName: 'Åsa Öberg-Lindqvist',
  organization: 'Contoso AB',
  address: 'Storgatan 1, 123 45 Stockholm',
};

/** The personal data a log must never contain, in the forms it was typed and stored. */
const SECRETS = ['asa.oberg', '070-123', '+46701234567', 'Öberg', 'Contoso AB', 'Storgatan', '123 45', 'example.com', 'Acme'];

/**
 * Reaches the support step as production does: Enterprise, cancel now, fee yes, no own domain, then
 * the last step, which for Enterprise is a call to support (F13) by an administrator (F15).
 * Returns the replies that ask the administrator question.
 */
async function reachSupport(conversation: Conversation, language: Language) {
  const { say, t } = conversation;
  const opening = texts(await say(language === 'sv' ? 'hej' : 'hello'));
  expect(opening[0]).toBe(t('welcome.intro'));
  await say(t('cancel:menu.cancel'));
  await say(t('cancel:plan.choices.enterprise'));
  await say(t('cancel:when.now'));
  await say(ANSWERS.yes[language]);
  await say(ANSWERS.no[language]);
  const lastStep = await say(t('cancel:now.continue'));
  expect(visibleText(lastStep)).toContain(t('facts:F13.callSupport'));
  const asked = texts(lastStep).slice(-2);
  expect(asked[0]).toBe(t('facts:F15.mustBeAdmin'));
  expect(asked[1]).toContain(t('support:admin.ask'));
  return lastStep;
}

/** Reaches the support step and says yes to the administrator question: the collection of the five details starts. */
async function reachDetails(conversation: Conversation, language: Language) {
  const { say, t } = conversation;
  await reachSupport(conversation, language);
  const afterYes = texts(await say(ANSWERS.yes[language]));
  expect(afterYes).toEqual([t('support:collect.intro'), t('support:ask.userId')]);
}

async function giveAllDetails(conversation: Conversation, details = DETAILS) {
  const { say, t } = conversation;
  expect(texts(await say(details.userId))).toEqual([t('support:ask.phone')]);
  expect(texts(await say(details.phone))).toEqual([t('support:ask.contactName')]);
  expect(texts(await say(details.contactName))).toEqual([t('support:ask.organization')]);
  expect(texts(await say(details.organization))).toEqual([t('support:ask.address')]);
  return say(details.address);
}

describe.each(['sv', 'en'] as Language[])('support path in %s (F13, F14, F15)', (language) => {
  test('F15: someone who is not an administrator is told who must call, and nothing is stored', async () => {
    const conversation = await startConversation(language);
    const { say, t, stores, endings } = conversation;
    await reachSupport(conversation, language);
    // The cancellation path ends with the support step: the menu comes back.
    expect(texts(await say(ANSWERS.no[language]))).toEqual([t('support:admin.notAdmin'), t('menu.promptAgain')]);
    expect(await stores.cases.list()).toEqual([]);
    const supportEnding = (await stores.outcomes.list()).filter((record) => record.path === 'support' && record.ending);
    expect(supportEnding).toEqual([expect.objectContaining({ ending: 'notAdmin', plan: 'enterprise', locale: language })]);
    expect(await endings('immediate')).toEqual(['notAdmin']);
  });

  test('F14: full escalation stores the case, hands it off, and tells how to reach support with the checklist', async () => {
    const conversation = await startConversation(language, { supportPhone: '+46 8 555 000 00' });
    const { say, t, stores, logLines, endings } = conversation;
    await reachDetails(conversation, language);
    const summary = texts(await giveAllDetails(conversation));
    // No card channel: the summary comes as text, then the confirm-or-correct question.
    expect(summary[0]).toContain(t('support:review.title'));
    expect(summary[0]).toContain(`${t('support:fields.phone')}: +46701234567`);
    expect(summary[0]).toContain(`${t('support:fields.contactName')}: Åsa Öberg-Lindqvist`);
    expect(summary[1]).toContain(t('support:review.ask'));

    const list = stores.cases.list.bind(stores.cases);
    let listedDuringTurn = 0;
    stores.cases.list = (query) => ((listedDuringTurn += 1), list(query));
    const final = await say(ANSWERS.confirm[language]);
    // The reference is checked by key, not by reading every stored case.
    expect(listedDuringTurn).toBe(0);
    const [stored] = await stores.cases.list();
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(stored.reference).toMatch(CASE_REFERENCE_PATTERN);
    expect(stored).toMatchObject({
      locale: language,
      plan: 'enterprise',
      path: 'immediate',
      userKey: hashId(CHANNEL_USER_ID),
      details: {
        userId: 'asa.oberg@contoso.se',
        phone: '+46701234567',
        contactName: 'Åsa Öberg-Lindqvist',
        organization: 'Contoso AB',
        address: 'Storgatan 1, 123 45 Stockholm',
      },
    });
    expect(stored.transcriptSummary).toEqual([
      'reason:enterpriseOrMidsize',
      'adminConfirmed',
      'userId:given',
      'phone:given',
      'contactName:given',
      'organization:given',
      'address:given',
      'summaryConfirmed',
    ]);

    const handoff = final.find((activity) => activity.type === ActivityTypes.Event);
    expect(handoff?.name).toBe('handoff.initiate');
    expect(handoff?.attachments?.[0]).toMatchObject({
      name: 'Transcript',
      content: { activities: stored.transcriptSummary.map((step) => expect.objectContaining({ text: step })) },
    });
    expect(handoff?.value).toMatchObject({
      caseReference: stored.reference,
      details: stored.details,
      transcriptSummary: stored.transcriptSummary,
      plan: 'enterprise',
    });

    const said = texts(final);
    expect(said[0]).toBe(
      `${t('support:escalated.reference', { reference: stored.reference })} ${t('support:escalated.callPhone', { phone: '+46 8 555 000 00' })}`,
    );
    expect(said[1]).toBe(
      [t('facts:F14.intro'), ...['userId', 'phone', 'contactName', 'organization', 'address'].map((f, i) => `${i + 1}. ${t(`facts:F14.${f}`)}`)].join(
        '\n',
      ),
    );
    // The cancellation path goes on with the case reference in its checklist, then asks why (F05).
    expect(said.join('\n')).toContain(t('cancel:checklist.items.callSupportWithReference', { reference: stored.reference }));
    expect(said.at(-1)).toContain(t('facts:F05.askWhy'));

    expect(await endings('support')).toEqual(['escalated']);
    expect(await endings('immediate')).toEqual(['escalated']);
    const steps = (await stores.outcomes.list()).filter((record) => record.path === 'support').map((record) => record.step ?? record.ending);
    expect(steps).toEqual(['adminCheck', 'details', 'summary', 'escalated']);

    // The details are gone from conversation state once the case is stored.
    const state = storedState(stores);
    for (const value of ['asa.oberg', '+46701234567', 'Öberg-Lindqvist', 'Storgatan']) expect(state).not.toContain(value);
    expect(logLines.some((line) => line.includes(stored.reference))).toBe(true);
    for (const secret of SECRETS) expect(logLines.join('\n')).not.toContain(secret);
  });

  test('without SUPPORT_PHONE the admin is told plainly to contact Office 365 support', async () => {
    const conversation = await startConversation(language);
    await reachDetails(conversation, language);
    await giveAllDetails(conversation);
    const said = texts(await conversation.say(ANSWERS.confirm[language]));
    const { t, stores } = conversation;
    const [stored] = await stores.cases.list();
    expect(said[0]).toBe(`${t('support:escalated.reference', { reference: stored?.reference })} ${t('support:escalated.contactSupport')}`);
  });

  test('a bad value gets a re-prompt saying what is wrong; a detail can be skipped', async () => {
    const conversation = await startConversation(language);
    const { say, t, stores } = conversation;
    await reachDetails(conversation, language);
    expect(texts(await say('anna.svensson'))).toEqual([t('support:retry', { problem: t('support:invalid.userId.noAt') })]);
    expect(texts(await say(ANSWERS.skip[language]))).toEqual([t('support:ask.phone')]);
    // Letters in the conversation's own language: a clearly Swedish "ring mig" in English is answered in Swedish.
    expect(texts(await say(language === 'sv' ? 'ring mig' : 'call me'))).toEqual([t('support:retry', { problem: t('support:invalid.phone.letters') })]);
    expect(texts(await say('+1 425 555 0100'))).toEqual([t('support:ask.contactName')]);
    expect(texts(await say('Åsa'))).toEqual([t('support:retry', { problem: t('support:invalid.contactName.oneName') })]);
    expect(texts(await say(DETAILS.contactName))).toEqual([t('support:ask.organization')]);
    expect(texts(await say(DETAILS.organization))).toEqual([t('support:ask.address')]);
    expect(texts(await say('Storgatan, Stockholm'))).toEqual([
      t('support:retry', { problem: `${t('support:invalid.address.noStreetNumber')} ${t('support:invalid.address.noPostalCode')}` }),
    ]);
    const summary = texts(await say(DETAILS.address));
    expect(summary[0]).toContain(`${t('support:fields.userId')}: ${t('support:review.skipped')}`);
    await say(ANSWERS.confirm[language]);
    const [stored] = await stores.cases.list();
    expect(stored?.details).toEqual({
      phone: '+14255550100',
      contactName: 'Åsa Öberg-Lindqvist',
      organization: 'Contoso AB',
      address: 'Storgatan 1, 123 45 Stockholm',
    });
    expect(stored?.transcriptSummary).toContain('userId:skipped');
  });

  test('choosing a detail to correct in the summary re-asks just that detail', async () => {
    const conversation = await startConversation(language);
    const { say, t, stores } = conversation;
    await reachDetails(conversation, language);
    await giveAllDetails(conversation);
    expect(texts(await say(t('support:review.correct.phone')))).toEqual([t('support:ask.phone')]);
    const again = texts(await say('08-123 456 78'));
    expect(again[0]).toContain(`${t('support:fields.phone')}: +46812345678`);
    expect(again[1]).toContain(t('support:review.ask'));
    await say(ANSWERS.confirm[language]);
    const [stored] = await stores.cases.list();
    expect(stored?.details).toMatchObject({ phone: '+46812345678', userId: 'asa.oberg@contoso.se' });
    expect(stored?.transcriptSummary).toContain('corrected:phone');
  });

  test('stopping midway ends with "stopped", stores nothing and keeps no detail in state', async () => {
    const conversation = await startConversation(language);
    const { say, t, stores, endings } = conversation;
    await reachDetails(conversation, language);
    await say(DETAILS.userId);
    await say(DETAILS.phone);
    expect(texts(await say(ANSWERS.stop[language]))).toEqual([t('support:stopped'), t('menu.promptAgain')]);
    expect(await stores.cases.list()).toEqual([]);
    expect(await endings('support')).toEqual(['stopped']);
    expect(await endings('immediate')).toEqual(['stopped']);
    const state = storedState(stores);
    expect(state).not.toContain('asa.oberg');
    expect(state).not.toContain('46701234567');
  });

  test('"avbryt" is not a stop word: in Swedish it also means cancelling the subscription', async () => {
    const conversation = await startConversation(language);
    const { say, t, endings } = conversation;
    await reachDetails(conversation, language);
    expect(texts(await say('avbryt'))).toEqual([t('support:retry', { problem: t('support:invalid.userId.noAt') })]);
    expect(await endings('support')).toEqual([]);
    expect(await endings('immediate')).toEqual([]);
  });

  test('a markdown organization name is shown literally in the text summary and in the card', async () => {
    const markdownName = '[click](http://example.com) *Acme* AB';
    for (const channelId of ['test', 'webchat']) {
      const conversation = await startConversation(language, {}, channelId);
      await reachDetails(conversation, language);
      const replies = await giveAllDetails(conversation, { ...DETAILS, organization: markdownName });
      const summary = replies[0];
      if (channelId === 'test') {
        expect(summary?.text).toContain(String.raw`\[click\](http://example.com) \*Acme\* AB`);
      } else {
        const card = summary?.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const content = card?.content as { version: string; body: unknown[]; fallbackText: string };
        expect(content.version).toBe('1.5');
        expect(content.fallbackText).toContain(String.raw`\[click\](http://example.com) \*Acme\* AB`);
        const json = JSON.stringify(content.body);
        expect(json).toContain(JSON.stringify({ type: 'TextRun', text: markdownName }));
        expect(json).toContain(JSON.stringify(text(language, 'support:fields.organization')));
      }
      for (const secret of SECRETS) expect(conversation.logLines.join('\n')).not.toContain(secret);
    }
  });

  test('"stop" at the administrator question, or the Stop button in the summary, stops', async () => {
    const first = await startConversation(language);
    await reachSupport(first, language);
    expect(texts(await first.say(ANSWERS.stop[language]))).toEqual([first.t('support:stopped'), first.t('menu.promptAgain')]);
    expect(await first.endings('support')).toEqual(['stopped']);

    const second = await startConversation(language);
    await reachDetails(second, language);
    await giveAllDetails(second);
    expect(texts(await second.say(second.t('support:review.stop')))).toEqual([second.t('support:stopped'), second.t('menu.promptAgain')]);
    expect(await second.endings('support')).toEqual(['stopped']);
    expect(await second.stores.cases.list()).toEqual([]);
    expect(storedState(second.stores)).not.toContain('asa.oberg');
  });

  test('an answer that is neither yes nor no at the administrator question is asked again', async () => {
    const conversation = await startConversation(language);
    await reachSupport(conversation, language);
    const again = texts(await conversation.say('kanske'));
    expect(again[0]).toContain(conversation.t('support:admin.retry'));
    expect(await conversation.endings('support')).toEqual([]);
  });
});

describe('support path across channels and languages', () => {
  test('switching language mid-collection re-asks the pending detail in the new language and keeps what was given', async () => {
    const conversation = await startConversation('sv');
    const { say, stores } = conversation;
    await reachDetails(conversation, 'sv');
    expect(texts(await say(DETAILS.userId))).toEqual([text('sv', 'support:ask.phone')]);
    expect(texts(await say('in English'))).toEqual([text('en', 'language.switched'), text('en', 'support:ask.phone')]);
    expect(texts(await say('070 123'))).toEqual([text('en', 'support:retry', { problem: text('en', 'support:invalid.phone.tooShort') })]);
    await say(DETAILS.phone);
    await say(DETAILS.contactName);
    await say(DETAILS.organization);
    const summary = texts(await say(DETAILS.address));
    expect(summary[0]).toContain(`${text('en', 'support:fields.userId')}: asa.oberg@contoso.se`);
    await say('1');
    const [stored] = await stores.cases.list();
    expect(stored).toMatchObject({ locale: 'en', details: { userId: 'asa.oberg@contoso.se', phone: '+46701234567' } });
  });

  test('"start over" mid-collection drops the details and records the support path as stopped', async () => {
    const conversation = await startConversation('sv');
    const { say, stores } = conversation;
    await reachDetails(conversation, 'sv');
    await say(DETAILS.userId);
    expect(texts(await say('börja om'))).toEqual([text('sv', 'startOver.done'), text('sv', 'menu.prompt')]);
    // Both the support step and the cancellation path it belongs to record that they stopped.
    expect(await conversation.endings('support')).toEqual(['stopped']);
    expect(await conversation.endings('immediate')).toEqual(['stopped']);
    expect(storedState(stores)).not.toContain('asa.oberg');
    expect(await stores.cases.list()).toEqual([]);
  });

  test('in Teams the summary is an Adaptive Card, and a field to correct can be picked by typing its title', async () => {
    const conversation = await startConversation('sv', {}, 'msteams');
    await reachDetails(conversation, 'sv');
    const replies = await giveAllDetails(conversation);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(replies)[0]).toBe(text('sv', 'support:review.ask'));
    expect(texts(await conversation.say(text('sv', 'support:review.correct.address')))).toEqual([text('sv', 'support:ask.address')]);
  });

  test('in Teams the administrator question is an Adaptive Card 1.5 with Ja / Nej buttons (as every other choice), and Ja answers it', async () => {
    const conversation = await startConversation('sv', {}, 'msteams');
    const opening = await reachSupport(conversation, 'sv');
    const question = opening.at(-1);
    expect(question?.text).toBe(text('sv', 'support:admin.ask'));
    expect(question?.suggestedActions).toBeUndefined();
    expect(question?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const buttons = cardButtons(question);
    expect(buttons.map((b) => b.data.msteams)).toEqual([
      { type: 'imBack', value: text('sv', 'prompts:yes') },
      { type: 'imBack', value: text('sv', 'prompts:no') },
    ]);
    const [yes] = buttons;
    expect(texts(await conversation.send(pressed('msteams', yes as SubmitButton)))).toEqual([
      text('sv', 'support:collect.intro'),
      text('sv', 'support:ask.userId'),
    ]);
  });

  test('on the lowdb store, the case is on disk and no detail is left in the stored conversation state', async () => {
    const dataDir = makeDataDir();
    try {
      const conversation = await startConversation('en', {}, 'test', createStores({ dataDir }));
      await reachDetails(conversation, 'en');
      await giveAllDetails(conversation);
      const stateOnDisk = () =>
        readdirSync(join(dataDir, 'state'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
          .join('\n');
      // While collecting, the details are in the dialog state (and only there).
      expect(stateOnDisk()).toContain('asa.oberg@contoso.se');
      await conversation.say(ANSWERS.confirm.en);
      const [stored] = await conversation.stores.cases.list();
      expect(stored?.details.phone).toBe('+46701234567');
      const onDisk = stateOnDisk();
      expect(onDisk).toContain('welcomed');
      for (const secret of ['asa.oberg', '46701234567', 'Öberg', 'Storgatan', 'Contoso AB']) expect(onDisk).not.toContain(secret);
    } finally {
      await closeApps();
      removeDataDir(dataDir);
    }
  });
});

interface SubmitButton {
  type: string;
  title: string;
  data: { msteams: { type: string; value: string } };
}

/** The card's Action.Submit buttons, in the order the card shows them (anywhere in its body). */
function cardButtons(reply: Partial<Activity> | undefined): SubmitButton[] {
  const found: SubmitButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; actions?: unknown; items?: unknown; body?: unknown };
    if (element.type === 'Action.Submit') found.push(node as SubmitButton);
    visit(element.body);
    visit(element.items);
    visit(element.actions);
  };
  visit(reply?.attachments?.[0]?.content);
  return found;
}

/** What the channel posts when the button is pressed: Teams posts the imBack text; Web Chat posts the data as value, with no text. */
const pressed = (channelId: string, button: SubmitButton): Partial<Activity> =>
  channelId === 'msteams' ? { text: button.data.msteams.value } : { value: button.data };

const FIELDS = ['userId', 'phone', 'contactName', 'organization', 'address'] as const;

describe.each([
  ['sv', 'msteams'],
  ['en', 'msteams'],
  ['sv', 'webchat'],
  ['en', 'webchat'],
] as [Language, string][])('the summary card buttons in %s, %s', (language, channelId) => {
  const cardSummary = async () => {
    const conversation = await startConversation(language, {}, channelId);
    await reachDetails(conversation, language);
    const replies = await giveAllDetails(conversation);
    return { conversation, replies };
  };
  const button = (reply: Partial<Activity> | undefined, title: string) => {
    const found = cardButtons(reply).find((candidate) => candidate.title === title);
    expect(found).toBeDefined();
    return found as SubmitButton;
  };

  test('the summary is one message: the question, and the card with the details and a button per answer, none shown twice', async () => {
    const { conversation, replies } = await cardSummary();
    const { t } = conversation;
    expect(replies).toHaveLength(1);
    const [summary] = replies;
    expect(summary?.text).toBe(t('support:review.ask'));
    expect(summary?.suggestedActions).toBeUndefined();
    expect(summary?.attachments).toHaveLength(1);
    expect(summary?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = summary?.attachments?.[0]?.content as { version: string; body: unknown[] };
    expect(card.version).toBe('1.5');
    const json = JSON.stringify(card.body);
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: '+46701234567' }));
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: 'Åsa Öberg-Lindqvist' }));
    // Each detail's correct button under it, then confirm and stop; every button says its own title (imBack).
    const buttons = cardButtons(summary);
    expect(buttons.map((b) => b.title)).toEqual([
      ...FIELDS.map((field) => t(`support:review.correct.${field}`)),
      t('support:review.confirm'),
      t('support:review.stop'),
    ]);
    for (const b of buttons) expect(b).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'imBack', value: b.title } } });
  });

  test('pressing "correct" re-asks that detail; the new card shows the new value; pressing confirm stores the case', async () => {
    const { conversation, replies } = await cardSummary();
    const { send, t, stores, endings } = conversation;
    const reasked = await send(pressed(channelId, button(replies[0], t('support:review.correct.phone'))));
    expect(texts(reasked)).toEqual([t('support:ask.phone')]);

    const again = await conversation.say('08-123 456 78');
    expect(again).toHaveLength(1);
    expect(JSON.stringify(again[0]?.attachments?.[0]?.content)).toContain(JSON.stringify({ type: 'TextRun', text: '+46812345678' }));

    const final = await send(pressed(channelId, button(again[0], t('support:review.confirm'))));
    const [stored] = await stores.cases.list();
    expect(stored?.details).toMatchObject({ phone: '+46812345678', userId: 'asa.oberg@contoso.se' });
    expect(stored?.transcriptSummary).toEqual(expect.arrayContaining(['corrected:phone', 'summaryConfirmed']));
    expect(texts(final)[0]).toContain(t('support:escalated.reference', { reference: stored?.reference }));
    expect(visibleText(final)).toContain(t('cancel:checklist.items.callSupportWithReference', { reference: stored?.reference }));
    expect(await endings('support')).toEqual(['escalated']);
  });

  test('pressing stop on the card stops and stores nothing', async () => {
    const { conversation, replies } = await cardSummary();
    const { send, t, stores, endings } = conversation;
    expect(texts(await send(pressed(channelId, button(replies[0], t('support:review.stop')))))).toEqual([t('support:stopped'), t('menu.promptAgain')]);
    expect(await endings('support')).toEqual(['stopped']);
    expect(await stores.cases.list()).toEqual([]);
  });

  test('an answer the review does not know gets the retry with the card again, whose buttons still work', async () => {
    const { conversation } = await cardSummary();
    const { send, t, stores } = conversation;
    const retry = await conversation.say(language === 'sv' ? 'kanske' : 'maybe');
    expect(retry).toHaveLength(1);
    expect(retry[0]?.text).toBe(t('support:review.retry'));
    expect(retry[0]?.suggestedActions).toBeUndefined();
    await send(pressed(channelId, button(retry[0], t('support:review.confirm'))));
    expect(await stores.cases.list()).toHaveLength(1);
  });
});

describe('the summary card after a language switch', () => {
  test('switching language at the review shows the card again in the new language, and its buttons work', async () => {
    const conversation = await startConversation('sv', {}, 'webchat');
    await reachDetails(conversation, 'sv');
    await giveAllDetails(conversation);
    const switched = await conversation.say('in English');
    expect(texts(switched)).toEqual([text('en', 'language.switched'), text('en', 'support:review.ask')]);
    const titles = cardButtons(switched[1]).map((b) => b.title);
    expect(titles).toContain(text('en', 'support:review.confirm'));
    expect(JSON.stringify(switched[1]?.attachments?.[0]?.content)).toContain(JSON.stringify(text('en', 'support:fields.phone')));
    const confirm = cardButtons(switched[1]).find((b) => b.title === text('en', 'support:review.confirm'));
    await conversation.send(pressed('webchat', confirm as SubmitButton));
    const [stored] = await conversation.stores.cases.list();
    expect(stored?.locale).toBe('en');
  });
});
