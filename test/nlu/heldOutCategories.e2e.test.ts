import type { Activity } from 'botbuilder';
import { mainMenuChoices } from '../../dialogs/mainMenuDialog.js';
import { TOPIC_REGISTRY } from '../../src/domain/topics.js';
import { removeDataDir, startApp, type RunningApp } from '../support/app.js';
import { join as joinConversation, say, visibleText } from '../support/directTurn.js';
import { text } from '../support/i18n.js';

const sv = (key: string, args?: Record<string, unknown>) => text('sv', key, args);
const en = (key: string, args?: Record<string, unknown>) => text('en', key, args);
const texts = (replies: Activity[]) => replies.map((reply) => reply.text ?? '');

/**
 * The kinds of typed messages issue 15 found misunderstood, through the production bot (real server,
 * embedded recognizer, Swedish default). One new conversation per message, as a new admin would write.
 */
describe('typed messages the corpus never saw, by category (real server, embedded recognizer)', () => {
  let running: RunningApp;
  let conversations = 0;
  beforeAll(async () => {
    running = await startApp({ defaultLocale: 'sv' });
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });
  const fresh = (locale: string) => ({ conversationId: `held-out-${(conversations += 1)}`, locale });
  /** A new conversation in `locale` that is sent `messages` in turn: the replies to the last, and the language. */
  const converse = async (locale: string, ...messages: string[]) => {
    const conversation = fresh(locale);
    await joinConversation(running.url, conversation);
    let replies: Activity[] = [];
    for (const message of messages) replies = await say(running.url, message, conversation);
    return { replies, language: locale.startsWith('sv') ? ('sv' as const) : ('en' as const) };
  };

  describe('other companies and consumer plans get the scope answer (F16), never the cancellation path', () => {
    test.each([
      ['en-US', 'How do I cancel my Xbox Game Pass?'],
      ['en-US', 'We need to cancel our Google Workspace licenses'],
      ['en-US', 'how to stop my Adobe Creative Cloud subscription'],
      ['sv-SE', 'hur säger jag upp mitt mobilabonnemang hos Telia'],
      ['sv-SE', 'kan du hjälpa mig säga upp vårt Zoom-konto'],
    ])('first message (%s) "%s"', async (locale, message) => {
      const language = locale.startsWith('sv') ? 'sv' : 'en';
      const replies = await say(running.url, message, fresh(locale));
      expect(texts(replies)).toContain(text(language, 'facts:F16.appliesTo'));
      expect(visibleText(replies)).not.toContain(text(language, 'cancel:plan.prompt'));
    });

    test('a consumer Microsoft plan ("Microsoft 365 Family") is outside the article: what the assistant covers, no link', async () => {
      const conversation = fresh('en-US');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, 'Can you cancel my Microsoft 365 Family plan?', conversation);
      expect(texts(replies).slice(0, 2)).toEqual([en('nlu:outOfScope'), en('facts:F16.appliesTo')]);
      expect(visibleText(replies)).not.toMatch(/https?:\/\//);
      expect(visibleText(replies)).not.toContain(en('cancel:plan.prompt'));
    });

    test('mid-path, another company at the plan question is out of scope and the plan question comes again', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      expect(texts(await say(running.url, 'jag vill säga upp', conversation))).toEqual([sv('cancel:plan.prompt')]);
      const replies = await say(running.url, 'hur säger jag upp Spotify?', conversation);
      expect(texts(replies)).toEqual([sv('nlu:outOfScope'), sv('facts:F16.appliesTo'), sv('cancel:plan.prompt')]);
    });
  });

  describe('Swedish compounds and inflected forms of domain words', () => {
    test.each([
      ['vad gör vi med DNS-posterna när vi lämnar?', 'facts:F10.domains'],
      ['vad händer med domännamnen när vi sagt upp?', 'facts:F10.domains'],
      ['hur sparar vi innehållet i e-postlådorna innan vi lämnar?', 'facts:F11.saveData'],
      ['kan man säga upp utvärderingsabonnemanget?', 'facts:F01.trial'],
    ])('"%s" gets %s', async (message, fact) => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, message, conversation);
      expect(texts(replies)[0]).toBe(sv(fact));
    });
  });

  describe('a question is answered first, then the guide is offered; a request starts the guide', () => {
    test('English question with a Swedish channel: answered in English (F11), then the offer', async () => {
      const replies = await say(running.url, 'Hi, what happens to our files when we cancel the subscription?', fresh('sv-SE'));
      expect(texts(replies)).toEqual([en('welcome.intro'), en('facts:F11.saveData'), expect.stringContaining(en('nlu:offer.cancel'))]);
    });

    test.each([
      ['sv-SE', 'vad händer med våra filer när vi säger upp abonnemanget?', 'facts:F11.saveData'],
      ['en-US', 'will we be charged a fee if we cancel before the term is over?', 'facts:F09.fee'],
      ['sv-SE', 'om vi ångrar oss efter uppsägningen, kan vi få tillbaka abonnemanget?', 'facts:F03.reactivate'],
    ])('first message (%s) "%s": %s, then the offer', async (locale, message, fact) => {
      const language = locale.startsWith('sv') ? 'sv' : 'en';
      const replies = await say(running.url, message, fresh(locale));
      expect(texts(replies)).toEqual([
        text(language, 'welcome.intro'),
        text(language, fact),
        expect.stringContaining(text(language, 'nlu:offer.cancel')),
      ]);
    });

    test('"avsluta provperiod" gets the trial rule (F01), not the plan question', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, 'avsluta provperiod', conversation);
      expect(texts(replies)).toContain(sv('facts:F01.trial'));
      expect(visibleText(replies)).not.toContain(sv('cancel:plan.prompt'));
    });

    test('"säg upp enterprise när perioden går ut" starts at the term-end steps, with neither the plan nor the timing question', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, 'säg upp enterprise när perioden går ut', conversation);
      expect(visibleText(replies)).toContain(sv('facts:F06.step2'));
      expect(visibleText(replies)).not.toContain(sv('cancel:plan.prompt'));
      expect(visibleText(replies)).not.toContain(sv('facts:F09.fee'));
    });

    test('wanting the data gone sooner than 90 days gets quick recall (F04)', async () => {
      const conversation = fresh('en-US');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, "We want all our data deleted right away when we cancel, we don't want to wait 90 days", conversation);
      expect(texts(replies)[0]).toBe(en('facts:F04.quickRecall'));
      expect(visibleText(replies)).not.toContain(en('cancel:plan.prompt'));
    });

    test('at the menu, a number still picks the menu topic it stands for, not a reading of the digit', async () => {
      const conversation = fresh('en-US');
      await joinConversation(running.url, conversation);
      const trialNumber = mainMenuChoices(TOPIC_REGISTRY).findIndex((choice) => choice.value === 'trial') + 1;
      expect(texts(await say(running.url, String(trialNumber), conversation))[0]).toBe(en('facts:F01.trial'));
    });

    test('a Teams-style @mention in the text changes nothing: the question is still answered', async () => {
      const conversation = fresh('en-US');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, '<at>Cancellation assistant</at> how long do we have to change our mind after cancelling?', conversation);
      expect(texts(replies)[0]).toBe(en('facts:F03.reactivate'));
    });
  });

  describe('ending the conversation needs an unmistakable request', () => {
    test('"måste vi ändra namnserverposten?" is a question about domains (F10), not a goodbye', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      const replies = await say(running.url, 'måste vi ändra namnserverposten?', conversation);
      expect(texts(replies)).not.toContain(sv('cancel:stop.done'));
      expect(texts(replies)[0]).toBe(sv('facts:F10.domains'));
    });

    test('mid-path, a question that happens to hold a stop-like word does not end the path', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      await say(running.url, 'jag vill säga upp', conversation);
      const replies = await say(running.url, 'tar det slut av sig självt om vi köpt via open-kanalen?', conversation);
      expect(texts(replies)).not.toContain(sv('cancel:stop.done'));
      expect(texts(replies).at(-1)).toBe(sv('cancel:plan.prompt'));
    });

    test('an unmistakable goodbye still ends it', async () => {
      const conversation = fresh('sv-SE');
      await joinConversation(running.url, conversation);
      await say(running.url, 'jag vill säga upp', conversation);
      expect(texts(await say(running.url, 'tack, det var allt för idag, hejdå', conversation))).toContain(sv('cancel:stop.done'));
    });
  });

  describe('polite filler around a request does not make it thanks', () => {
    test.each([
      ['sv-SE', 'visa alternativen tack'],
      ['en-US', 'what are my options, thanks'],
    ])('at the menu (%s) "%s" gets help, not the reply to thanks', async (locale, message) => {
      const { replies, language } = await converse(locale, message);
      expect(visibleText(replies)).toContain(text(language, 'cancel:help.commands'));
      expect(texts(replies)).not.toContain(text(language, 'nlu:thanks'));
    });

    test('at the plan question, "what should I type, thanks" gets help for that question', async () => {
      const conversation = fresh('en-US');
      await joinConversation(running.url, conversation);
      expect(texts(await say(running.url, 'I want to cancel', conversation))).toEqual([en('cancel:plan.prompt')]);
      const replies = await say(running.url, 'what should I type, thanks', conversation);
      expect(visibleText(replies)).toContain(en('cancel:help.commands'));
      expect(texts(replies).at(-1)).toBe(en('cancel:plan.prompt'));
    });

    test('thanks that is only thanks is still thanks', async () => {
      expect(texts((await converse('sv-SE', 'jättesnällt, tack')).replies)).toContain(sv('nlu:thanks'));
    });
  });

  describe('a message that mixes the languages is read in both', () => {
    test('"what do we do with our domän" (English with one Swedish word) gets the domain step (F10)', async () => {
      const { replies } = await converse('en-US', 'what do we do with our domän');
      expect(texts(replies)[0]).toBe(en('facts:F10.domains'));
    });
  });

  describe('thanks that takes leave ends the conversation', () => {
    test.each([
      ['sv-SE', 'jag vill säga upp', 'tack ska du ha, vi hörs'],
      ['en-US', 'I want to cancel', "perfect, that's all I wanted, thank you"],
    ])('mid-path (%s), "%s" then "%s" ends it', async (locale, start, goodbye) => {
      const { replies, language } = await converse(locale, start, goodbye);
      expect(texts(replies)).toContain(text(language, 'cancel:stop.done'));
      expect(texts(replies)).not.toContain(text(language, 'cancel:plan.prompt'));
    });
  });

  describe('a question about deletion with no sign of haste is about the usual 90 days (F11), not quick recall (F04)', () => {
    test.each([
      ['sv-SE', 'raderas allt för alltid när de 90 dagarna har gått?'],
      ['en-US', 'does all our data get erased once the 90 days are up?'],
      // "fortfarande" (still) begins with "fort" (fast) but asks for no haste.
      ['sv-SE', 'blir allt fortfarande raderat permanent efter uppsägningen'],
    ])('(%s) "%s" gets the save-your-data step', async (locale, message) => {
      const { replies, language } = await converse(locale, message);
      expect(texts(replies)[0]).toBe(text(language, 'facts:F11.saveData'));
      expect(texts(replies)).not.toContain(text(language, 'facts:F04.quickRecall'));
    });
  });

  describe('a word shared with another intent\'s corpus does not outweigh the words that tell the question', () => {
    test('"var slår man av auto-renew på licenserna" gets the term-end steps (F06), not the term lengths', async () => {
      const { replies } = await converse('sv-SE', 'var slår man av auto-renew på licenserna');
      expect(visibleText(replies)).toContain(sv('facts:F06.step2'));
      expect(texts(replies)).not.toContain(sv('facts:F07.termLengths'));
    });

    test('"hur återställer jag en användares lösenord" is out of scope, not the product-key rule', async () => {
      const { replies } = await converse('sv-SE', 'hur återställer jag en användares lösenord');
      expect(texts(replies)[0]).toBe(sv('nlu:outOfScope'));
      expect(texts(replies)).not.toContain(sv('facts:F02.productKey'));
    });
  });

  describe('who may call (F15) answers only a message that names a person or a role', () => {
    test('"which editions can the assistant talk about" does not get the admin rule', async () => {
      const { replies } = await converse('en-US', 'which editions can the assistant talk about');
      expect(texts(replies)).not.toContain(en('facts:F15.mustBeAdmin'));
    });

    test('"can our bookkeeper phone in and cancel for us" still gets it', async () => {
      const { replies } = await converse('en-US', 'can our bookkeeper phone in and cancel for us');
      expect(texts(replies)[0]).toBe(en('facts:F15.mustBeAdmin'));
    });
  });

  describe('whether someone else may make the call is who may call (F15), not a request for support', () => {
    test.each([['could a colleague phone support in my place'], ['can our managed service partner call support on our behalf']])(
      '"%s" gets the admin rule as the answer, not the support step',
      async (message) => {
        const { replies } = await converse('en-US', message);
        expect(texts(replies)[0]).toBe(en('facts:F15.mustBeAdmin'));
        expect(visibleText(replies)).not.toContain(en('support:admin.ask'));
      },
    );

    test('asking for the number for someone else still starts the support step', async () => {
      const { replies } = await converse('sv-SE', 'kan min chef få supportens nummer');
      expect(visibleText(replies)).toContain(sv('support:admin.ask'));
    });
  });

  describe('what becomes of a trial\'s files is the trial rule (F01), not the usual 90 days', () => {
    test('"vad händer med dokumenten när provperioden är slut" gets the trial rule, not the save-your-data step', async () => {
      const { replies } = await converse('sv-SE', 'vad händer med dokumenten när provperioden är slut');
      expect(texts(replies)[0]).toBe(sv('facts:F01.trial'));
      expect(texts(replies)).not.toContain(sv('facts:F11.saveData'));
    });
  });

  describe('asking how to use the chat is a request for help', () => {
    test('"hur ska man använda chattboten" gets help, not "Is it about one of these?"', async () => {
      const { replies } = await converse('sv-SE', 'hur ska man använda chattboten');
      expect(visibleText(replies)).toContain(sv('cancel:help.commands'));
      expect(texts(replies)).not.toContain(sv('nlu:clarify.prompt'));
    });
  });

  describe('the details support checks (F14) answer only a message about the call, being identified or a detail', () => {
    test('"we need our onedrive folders moved out first, what should we know" does not get the list of details', async () => {
      const { replies } = await converse('en-US', 'we need our onedrive folders moved out first, what should we know');
      expect(visibleText(replies)).not.toContain(en('facts:F14.intro'));
    });

    test('"which company details will the agent ask me for" still gets it', async () => {
      const { replies } = await converse('en-US', 'which company details will the agent ask me for');
      expect(visibleText(replies)).toContain(en('facts:F14.intro'));
    });
  });

  describe('a plan with a rule of its own, described rather than named, gets that rule (issue 15)', () => {
    test('"the free month" is the trial (F01), not the fee for leaving early', async () => {
      const { replies } = await converse('en-US', "we got the first month free, how do I make sure it doesn't start billing us?");
      expect(texts(replies)[0]).toBe(en('facts:F01.trial'));
      expect(visibleText(replies)).not.toContain(en('facts:F09.fee'));
    });

    test('"ett open-avtal" is the Open channel (F08), not which plans the guide covers', async () => {
      const { replies } = await converse('sv-SE', 'licenserna har vi fått genom ett open-avtal, vad gäller när året är slut?');
      expect(texts(replies)[0]).toBe(sv('facts:F08.openFpp'));
      expect(texts(replies)).not.toContain(sv('facts:F16.appliesTo'));
    });
  });
});
