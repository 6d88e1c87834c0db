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
  test('a greeting that gives a role and the firm is greeted back and the admin invited to ask, no topic answered', async () => {
    const conversation = { conversationId: 'nlu-greeting-role-en', locale: 'en-US' };
    await joinConversation(running.url, conversation);
    const replies = await say(running.url, 'Evening! I\'m writing for a small vet clinic, practice manager here.', conversation);
    // Nothing was asked yet: the menu asks afresh, not "anything else?".
    expect(texts(replies)).toEqual([en('nlu:greeting'), en('menu.prompt')]);
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
  describe('a path\'s answer (a plan, a timing) typed at the offer or the menu starts the guide with it (issue 15, point 5)', () => {
    /** A typed question answered, then the offer to guide through cancelling waits: the place these tests answer. */
    async function atTheOffer(conversationId: string, language: 'sv' | 'en'): Promise<{ conversationId: string; locale: string }> {
      const conversation = { conversationId, locale: language === 'sv' ? 'sv-SE' : 'en-US' };
      await joinConversation(running.url, conversation);
      const question = language === 'sv' ? 'hur långa är perioderna för abonnemangen?' : 'for how long does each plan run?';
      const answered = await say(running.url, question, conversation);
      expect(texts(answered).at(-1)).toContain(text(language, 'nlu:offer.cancel'));
      return conversation;
    }

    test.each([
      ['sv', 'vi kör Midsize'],
      ['en', 'ours is Enterprise'],
    ] as const)('%s: a plan at the offer ("%s") is a yes with that plan: the timing question next, no F16, no offer again', async (language, message) => {
      const conversation = await atTheOffer(`path-answer-plan-offer-${language}`, language);
      const replies = await say(running.url, message, conversation);
      expect(texts(replies)).toEqual([text(language, 'cancel:when.promptYearly')]);
      expect(visibleText(replies)).not.toContain(text(language, 'facts:F16.appliesTo'));
      expect(visibleText(replies)).not.toContain(text(language, 'nlu:offer.cancel'));
    });

    test.each([
      ['sv', 'vid förnyelsen', 'Small Business'],
      ['en', 'at renewal', 'Midsize Business'],
    ] as const)('%s: a timing at the offer ("%s") starts the guide at the plan question, then goes to the term-end steps without asking when', async (language, timing, plan) => {
      const conversation = await atTheOffer(`path-answer-timing-offer-${language}`, language);
      const replies = await say(running.url, timing, conversation);
      expect(texts(replies)).toEqual([text(language, 'cancel:plan.prompt')]);
      const steps = await say(running.url, plan, conversation);
      expect(visibleText(steps)).toContain(text(language, 'facts:F06.step2'));
      expect(visibleText(steps)).not.toContain(text(language, 'cancel:when.promptYearly'));
      expect(visibleText(steps)).not.toContain(text(language, 'cancel:when.promptSmallBusiness'));
    });

    test.each([
      ['sv', 'Enterprise, med en gång', 'facts:F09.fee'],
      ['en', 'Small Business, right away', 'facts:F09.fee'],
      ['sv', 'Midsize, när perioden går ut', 'facts:F06.step2'],
    ] as const)('%s: plan and timing in one message at the offer ("%s") skip both questions and go on to %s', async (language, message, fact) => {
      const conversation = await atTheOffer(`path-answer-both-offer-${language}-${fact}`, language);
      const replies = await say(running.url, message, conversation);
      expect(visibleText(replies)).toContain(text(language, fact));
      expect(visibleText(replies)).not.toContain(text(language, 'cancel:plan.prompt'));
      expect(visibleText(replies)).not.toContain(text(language, 'nlu:offer.cancel'));
    });

    test.each([
      ['sv', 'Enterprise', 'cancel:when.promptYearly'],
      ['en', 'Small Business', 'cancel:when.promptSmallBusiness'],
    ] as const)('%s: a bare plan at the menu ("%s") starts the guide with that plan, as at the offer', async (language, plan, question) => {
      const conversation = { conversationId: `path-answer-plan-menu-${language}`, locale: language === 'sv' ? 'sv-SE' : 'en-US' };
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, plan, conversation);
      expect(texts(replies)).toEqual([text(language, question)]);
    });

    test.each([
      ['sv', 'gäller det här Enterprise?', 'facts:F16.appliesTo'],
      ['en', 'is Midsize covered?', 'facts:F16.appliesTo'],
      ['sv', 'kan vi säga upp en provperiod?', 'facts:F01.trial'],
    ] as const)('%s: a question naming a plan at the menu ("%s") still gets its answer (%s), then the offer', async (language, question, fact) => {
      const conversation = { conversationId: `path-answer-question-menu-${language}-${fact}`, locale: language === 'sv' ? 'sv-SE' : 'en-US' };
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, question, conversation);
      expect(texts(replies)).toEqual([text(language, fact), expect.stringContaining(text(language, 'nlu:offer.cancel'))]);
    });

    test.each([
      ['sv', 'vi har inte Enterprise'],
      ['en', 'we are not Enterprise'],
    ] as const)('%s: a plan named as not ours ("%s") is no answer: the guide does not start with it', async (language, message) => {
      const conversation = await atTheOffer(`path-answer-negated-${language}`, language);
      const replies = await say(running.url, message, conversation);
      expect(visibleText(replies)).not.toContain(text(language, 'cancel:when.promptYearly'));
    });

    test.each([
      ['sv', 'Enterprise avgifter'],
      ['sv', 'berätta om Enterprise'],
      ['en', 'tell me about Enterprise'],
      ['en', 'Enterprise fees'],
      ['en', 'it isn\'t Enterprise'],
    ] as const)('%s: a plan with words of its own at the menu ("%s") is read for what it says: the guide does not start with it', async (language, message) => {
      const conversation = { conversationId: `path-answer-own-words-${language}-${message}`, locale: language === 'sv' ? 'sv-SE' : 'en-US' };
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, message, conversation);
      expect(texts(replies).length).toBeGreaterThan(0);
      expect(visibleText(replies)).not.toContain(text(language, 'cancel:when.promptYearly'));
    });

    test('a plan with a rule of its own at the offer gets the path\'s answer once: trial F01 then the menu, product key F02 then the support step', async () => {
      const trial = await atTheOffer('path-answer-trial-offer', 'sv');
      const trialReplies = await say(running.url, 'det är en provperiod', trial);
      expect(texts(trialReplies)[0]).toBe(sv('facts:F01.trial'));
      expect(visibleText(trialReplies)).toContain(sv('menu.promptAgain'));
      expect(visibleText(trialReplies)).not.toContain(sv('nlu:offer.cancel'));
      const productKey = await atTheOffer('path-answer-product-key-offer', 'en');
      const keyReplies = await say(running.url, 'the one with a product key', productKey);
      expect(texts(keyReplies)[0]).toBe(en('facts:F02.productKey'));
      expect(visibleText(keyReplies)).toContain(en('support:admin.ask'));
      expect(visibleText(keyReplies)).not.toContain(en('nlu:offer.cancel'));
    });

    test.each([
      ['sv', 'ja', 'nej'],
      ['en', 'yes', 'no'],
    ] as const)('%s: "%s" and "%s" still answer the offer: the plan question, or the menu', async (language, yes, no) => {
      const accepting = await atTheOffer(`path-answer-yes-${language}`, language);
      expect(texts(await say(running.url, yes, accepting))).toEqual([text(language, 'cancel:plan.prompt')]);
      const declining = await atTheOffer(`path-answer-no-${language}`, language);
      expect(visibleText(await say(running.url, no, declining))).toContain(text(language, 'menu.promptAgain'));
      // A no that names a plan is still no: the guide does not start.
      const declinedWithPlan = await atTheOffer(`path-answer-no-plan-${language}`, language);
      const replies = await say(running.url, `${no}, Enterprise`, declinedWithPlan);
      expect(visibleText(replies)).not.toContain(text(language, 'cancel:when.promptYearly'));
    });

    test('after a path has ended, an old plan button typed at the menu starts the guide with it rather than asking to go back', async () => {
      const conversation = { conversationId: 'path-answer-old-button-menu', locale: 'en-US' };
      await joinConversation(running.url, conversation);
      expect(texts(await say(running.url, en('cancel:menu.cancel'), conversation))).toEqual([en('cancel:plan.prompt')]);
      const trialEnded = await say(running.url, en('cancel:plan.choices.trial'), conversation);
      expect(visibleText(trialEnded)).toContain(en('menu.promptAgain'));
      const replies = await say(running.url, en('cancel:plan.choices.enterprise'), conversation);
      expect(texts(replies)).toEqual([en('cancel:when.promptYearly')]);
    });
  });

  test('a Swedish greeting that introduces the writer and their role, or announces questions, is greeted back and offered the menu, no fact nor other reading', async () => {
    for (const [id, greeting] of [
      ['nlu-greeting-role-sv', 'God middag, Sara här från kontoret'],
      ['nlu-greeting-questions-sv', 'Tjenare. Jag heter Ali och sköter datorerna på en förskola. Ska ställa ett par frågor lite senare.'],
    ]) {
      const conversation = { conversationId: id!, locale: 'sv-SE' };
      await joinConversation(running.url, conversation);
      const replies = texts(await say(running.url, greeting!, conversation));
      // Nothing was asked yet: the menu asks afresh, not "anything else?".
      expect(replies).toEqual([sv('nlu:greeting'), sv('menu.prompt')]);
    }
  });
});
