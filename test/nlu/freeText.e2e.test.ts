import type { Activity } from 'botbuilder';
import { removeDataDir, startApp, type RunningApp } from '../support/app.js';
import { join as joinConversation, say, visibleText } from '../support/directTurn.js';
import { text } from '../support/i18n.js';

const sv = (key: string, args?: Record<string, unknown>) => text('sv', key, args);
const en = (key: string, args?: Record<string, unknown>) => text('en', key, args);
const texts = (replies: Activity[]) => replies.map((reply) => reply.text ?? '');
const titles = (reply: Activity | undefined) => reply?.suggestedActions?.actions.map((action) => action.title) ?? [];

describe('typed questions and requests over HTTP (real server, embedded recognizer)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ defaultLocale: 'sv' });
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('Swedish first message: the trial question gets F01 right away, then the offer to guide through cancelling', async () => {
    const conversation = { conversationId: 'nlu-first-sv', locale: 'sv-SE' };
    const replies = await say(running.url, 'varför kan jag inte säga upp min provperiod?', conversation);
    expect(texts(replies)).toEqual([sv('welcome.intro'), sv('facts:F01.trial'), expect.stringContaining(sv('nlu:offer.cancel'))]);
    // "ja" answers the offer: the cancellation path starts with its first question.
    expect(texts(await say(running.url, 'ja', conversation))).toEqual([sv('cancel:plan.prompt')]);
  });

  test('English first message with no channel locale: answered in English from the text (F02), default Swedish notwithstanding', async () => {
    const conversation = { conversationId: 'nlu-first-en' };
    const replies = await say(running.url, 'will we get our money back?', conversation);
    expect(texts(replies)).toEqual([en('welcome.intro'), en('facts:F02.productKey'), expect.stringContaining(en('nlu:offer.cancel'))]);
    // "no" to the offer: the menu, still in English.
    expect(visibleText(await say(running.url, 'no', conversation))).toContain(en('menu.promptAgain'));
  });

  test.each([
    ['sv', 'sv-SE', 'Jag är admin på ett bageri, vad händer med det vi har sparat när vi avslutar?'],
    ['en', 'en-US', "I'm the admin for our family's bakery, what happens to the email when we cancel?"],
  ] as const)('%s first message: a self-introduction before a data question still gets the data answer (F11), not the cancellation path', async (language, locale, message) => {
    const replies = await say(running.url, message, { conversationId: `nlu-introduced-data-${language}`, locale });
    const of = language === 'sv' ? sv : en;
    expect(texts(replies)).toEqual([of('welcome.intro'), of('facts:F11.saveData'), expect.stringContaining(of('nlu:offer.cancel'))]);
    expect(visibleText(replies)).not.toContain(of('cancel:plan.prompt'));
  });

  test('a message clearly in the other language than the channel is answered in it; a short one keeps it', async () => {
    const conversation = { conversationId: 'nlu-other-language', locale: 'sv-SE' };
    await joinConversation(running.url, conversation);
    const replies = await say(running.url, 'What happens to our data when we cancel?', conversation);
    expect(texts(replies)[0]).toBe(en('facts:F11.saveData'));
    // "ok" tells no language: the conversation stays English although the channel says sv-SE.
    expect(texts(await say(running.url, 'ok', conversation))).toEqual([en('cancel:plan.prompt')]);
  });

  test('"cancel our Enterprise plan now" skips the plan and timing questions: the fee warning (F09) comes first', async () => {
    const conversation = { conversationId: 'nlu-enterprise-now', locale: 'en-US' };
    await joinConversation(running.url, conversation);
    const replies = await say(running.url, 'cancel our Enterprise plan now', conversation);
    const seen = visibleText(replies);
    expect(replies[0]?.text).toBe(en('facts:F09.fee'));
    expect(seen).not.toContain(en('cancel:plan.prompt'));
    expect(seen).not.toContain(en('cancel:when.promptYearly'));
  });

  test('a question in the middle of the verification path is answered (F14) and the pending question asked again', async () => {
    const conversation = { conversationId: 'nlu-mid-support', locale: 'en-US' };
    await joinConversation(running.url, conversation);
    const toSupport = await say(running.url, 'Talk to support', conversation);
    expect(visibleText(toSupport)).toContain(en('support:admin.ask'));
    const detailsStart = await say(running.url, 'yes', conversation);
    const firstQuestion = detailsStart.at(-1)?.text ?? '';
    expect(firstQuestion).toBe(en('support:ask.userId'));

    const answered = await say(running.url, 'What will support ask me for?', conversation);
    const seen = visibleText(answered);
    for (const key of ['facts:F14.intro', 'facts:F14.userId', 'facts:F14.phone', 'facts:F14.address']) expect(seen).toContain(en(key));
    expect(answered.at(-1)?.text).toBe(firstQuestion);

    // An e-mail address is an answer, not a question: the path moves on to the phone number.
    const next = await say(running.url, 'anna.svensson@contoso.com', conversation);
    expect(next.at(-1)?.text).toBe(en('support:ask.phone'));
  });

  test('Swedish mid-path: a question at the plan question is answered (F11), then "E3" still answers the plan question', async () => {
    const conversation = { conversationId: 'nlu-mid-plan-sv', locale: 'sv-SE' };
    await joinConversation(running.url, conversation);
    expect(texts(await say(running.url, 'jag vill avbryta', conversation))).toEqual([sv('cancel:plan.prompt')]);
    const answered = await say(running.url, 'vad händer med våra data?', conversation);
    expect(texts(answered)).toEqual([sv('facts:F11.saveData'), sv('cancel:plan.prompt')]);
    const next = await say(running.url, 'E3', conversation);
    expect(visibleText(next)).toContain(sv('facts:F07.yearly'));
    // Typed help acts at once: where you are, what you can say, and the pending question again.
    const help = await say(running.url, 'jag har kört fast här, jag behöver hjälp', conversation);
    expect(visibleText(help)).toContain(sv('cancel:help.commands'));
    expect(visibleText(help)).toContain(sv('facts:F07.yearly'));
  });

  test('Swedish mid-path: "vad gör jag nu?" at the timing question is a call for help, not the answer "nu"', async () => {
    const conversation = { conversationId: 'nlu-help-not-now-sv', locale: 'sv-SE' };
    await joinConversation(running.url, conversation);
    await say(running.url, 'jag vill avbryta', conversation);
    expect(visibleText(await say(running.url, 'E3', conversation))).toContain(sv('facts:F07.yearly'));
    const help = await say(running.url, 'vad gör jag nu?', conversation);
    expect(visibleText(help)).toContain(sv('cancel:help.commands'));
    expect(visibleText(help)).not.toContain(sv('facts:F09.fee'));
    expect(visibleText(help)).toContain(sv('facts:F07.yearly'));
    // The single word still answers the question.
    expect(visibleText(await say(running.url, 'nu', conversation))).toContain(sv('facts:F09.fee'));
  });

  test('unsure input gets a clarifying question with the likeliest topics as buttons; a button answers', async () => {
    const conversation = { conversationId: 'nlu-clarify', locale: 'en-US' };
    await joinConversation(running.url, conversation);
    const replies = await say(running.url, 'something about the fee and the data', conversation);
    expect(replies.map((reply) => reply.text)).toEqual([en('nlu:clarify.prompt')]);
    const buttons = titles(replies[0]);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons).toEqual(expect.arrayContaining([en('nlu:topics.data'), en('nlu:topics.earlyTerminationFee')]));
    expect(texts(await say(running.url, en('nlu:topics.earlyTerminationFee'), conversation))[0]).toBe(en('facts:F09.fee'));
  });

  test('another product is out of scope: it says what it covers and invents no steps', async () => {
    const conversation = { conversationId: 'nlu-out-of-scope', locale: 'sv-SE' };
    await joinConversation(running.url, conversation);
    const replies = await say(running.url, 'hur säger jag upp Netflix?', conversation);
    expect(texts(replies).slice(0, 2)).toEqual([sv('nlu:outOfScope'), sv('facts:F16.appliesTo')]);
    expect(visibleText(replies)).not.toContain(sv('cancel:plan.prompt'));
  });

  test('empty text, emoji and a very long message never crash', async () => {
    const conversation = { conversationId: 'nlu-robust', locale: 'en-US' };
    await joinConversation(running.url, conversation);
    expect((await say(running.url, '🙂🙂', conversation)).length).toBeGreaterThan(0);
    const long = await say(running.url, 'How do I turn off auto-renew? ' + 'We have lots of users. '.repeat(400), conversation);
    expect(visibleText(long)).toContain(en('facts:F06.step2'));
    expect(texts(long)).not.toContain(en('errors.turnFailed'));
  });
  test('a goodbye that thanks is thanked before the conversation ends; one without thanks is not', async () => {
    const english = { conversationId: 'nlu-thanked-goodbye-en', locale: 'en-US' };
    await joinConversation(running.url, english);
    await say(running.url, 'I want to cancel', english);
    expect(texts(await say(running.url, 'cheers, gotta run', english))).toEqual([en('nlu:thanks'), en('cancel:stop.done')]);
    const swedish = { conversationId: 'nlu-thanked-goodbye-sv', locale: 'sv-SE' };
    await joinConversation(running.url, swedish);
    await say(running.url, 'jag vill säga upp', swedish);
    expect(texts(await say(running.url, 'tackar, nu är vi klara', swedish))).toEqual([sv('nlu:thanks'), sv('cancel:stop.done')]);
    const plain = { conversationId: 'nlu-plain-goodbye-sv', locale: 'sv-SE' };
    await joinConversation(running.url, plain);
    await say(running.url, 'jag vill säga upp', plain);
    expect(texts(await say(running.url, 'måste sticka, hej', plain))).toEqual([sv('cancel:stop.done')]);
  });
});
