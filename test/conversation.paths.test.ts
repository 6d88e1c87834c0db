import type { Activity } from 'botbuilder';
import type { Language } from '../src/domain/config.js';
import { daysAfter, daysFromToday, formatDate } from '../src/domain/dates.js';
import { conversation, lastText } from './support/conversation.js';
import { makeTestBot, titles } from './support/dialogs.js';
import { ALL_FACTS, FactAssertions } from './support/facts.js';
import { text } from './support/i18n.js';

const facts = new FactAssertions();
const LANGUAGES: [Language, string][] = [
  ['sv', 'sv-SE'],
  ['en', 'en-US'],
];
const YES: Record<Language, string> = { sv: 'ja', en: 'yes' };
const NO: Record<Language, string> = { sv: 'nej', en: 'no' };
const ZONE = 'Europe/Stockholm';

/** A day `days` from today in the default zone, as the user reads it. */
const inDays = (language: Language, days: number, zone = ZONE) => formatDate(daysFromToday(zone, days), language);

async function start(language: Language, locale: string, extra: Partial<Activity> = {}) {
  const bot = await makeTestBot({ defaultLocale: language });
  const chat = conversation(bot.adapter, { locale, ...extra });
  const t = (key: string, args?: Record<string, unknown>) => text(language, key, args);
  /** Starts the cancellation path from the menu and picks a plan by its button. */
  const choosePlan = async (plan: string) => {
    await chat.say(language === 'sv' ? 'hej' : 'hello');
    await chat.say(t('cancel:menu.cancel'));
    return chat.say(t(`cancel:plan.choices.${plan}`));
  };
  return { ...bot, ...chat, t, choosePlan };
}

/** Positions of texts in the transcript, to assert their order. */
const positions = (transcript: string, texts: string[]) => texts.map((part) => transcript.indexOf(part));
const isAscending = (numbers: number[]) => numbers.every((n, i) => n >= 0 && (i === 0 || n > numbers[i - 1]!));

/** The main menu's topics, in the order its buttons show them. */
const MENU_TOPICS = [
  'cancel:menu.cancel',
  'menu.topics.trial',
  'menu.topics.productKey',
  'menu.topics.reactivate',
  'menu.topics.termLengths',
  'menu.topics.appliesTo',
  'cancel:menu.support',
];

describe('main menu', () => {
  test.each(LANGUAGES)('%s: F16 F07 F02 F03 the welcome offers Cancel a subscription first, the fact topics, then Talk to support', async (language, locale) => {
    const { say, t, transcript } = await start(language, locale);
    const welcome = await say(language === 'sv' ? 'hej' : 'hello');
    expect(titles(welcome[welcome.length - 1]!)).toEqual(MENU_TOPICS.map((key) => t(key)));
    // Numbers pick the menu's topics as their buttons do.
    const menuNumber = (key: string) => String(MENU_TOPICS.indexOf(key) + 1);
    await say(menuNumber('menu.topics.appliesTo'));
    await say(menuNumber('menu.topics.termLengths'));
    await say(t('menu.topics.productKey'));
    await say(menuNumber('menu.topics.reactivate'));
    facts.expectFact(transcript(), language, 'facts:F16.appliesTo');
    facts.expectFact(transcript(), language, 'facts:F07.termLengths');
    facts.expectFact(transcript(), language, 'facts:F02.productKey');
    facts.expectFact(transcript(), language, 'facts:F03.reactivate');
  });
});

describe('which subscription', () => {
  test.each([
    ['sv', 'E3', 'sv-SE', 'cancel:when.promptYearly'],
    ['sv', 'småföretag', 'sv-SE', 'cancel:when.promptSmallBusiness'],
    ['sv', 'testversion', 'sv-SE', 'facts:F01.trial'],
    ['sv', 'provperiod', 'sv-SE', 'facts:F01.trial'],
    ['sv', '2', 'sv-SE', 'cancel:when.promptYearly'],
    ['sv', 'fpp', 'sv-SE', 'facts:F08.openFpp'],
    ['en', 'E3', 'en-US', 'cancel:when.promptYearly'],
    ['en', 'small business', 'en-US', 'cancel:when.promptSmallBusiness'],
    ['en', 'trial', 'en-US', 'facts:F01.trial'],
    ['en', '1', 'en-US', 'cancel:when.promptSmallBusiness'],
  ] as [Language, string, string, string][])('%s: typing "%s" is understood', async (language, typed, locale, expectedKey) => {
    const { say, t } = await start(language, locale);
    await say(language === 'sv' ? 'hej' : 'hello');
    await say(t('cancel:menu.cancel'));
    const replies = await say(typed);
    expect(replies[0]?.text).toBe(t(expectedKey));
  });

  test.each(LANGUAGES)('%s: "I don\'t know" explains how to tell in the admin portal and asks again', async (language, locale) => {
    const { say, t, choosePlan } = await start(language, locale);
    const replies = await choosePlan('dontKnow');
    expect(replies.map((reply) => reply.text)).toEqual([t('cancel:plan.howToTell'), t('cancel:plan.prompt')]);
    expect(t('cancel:plan.howToTell')).toContain(language === 'sv' ? 'sidan Prenumerationer' : 'the Subscriptions page');
    const next = await say(t('cancel:plan.choices.enterprise'));
    expect(lastText(next)).toBe(t('cancel:when.promptYearly'));
  });

  test.each(LANGUAGES)('%s: an unknown answer gets the localized re-prompt', async (language, locale) => {
    const { say, t } = await start(language, locale);
    await say(language === 'sv' ? 'hej' : 'hello');
    await say(t('cancel:menu.cancel'));
    expect(lastText(await say('xyzzy'))).toBe(t('cancel:plan.retry'));
  });
});

describe('F01 trial and F08 Open/FPP: nothing to cancel', () => {
  test.each(LANGUAGES)('%s: F01 a trial expires by itself, with no cancellation steps, and other questions are offered', async (language, locale) => {
    const { t, choosePlan, transcript, stores } = await start(language, locale);
    const replies = await choosePlan('trial');
    expect(replies.map((reply) => reply.text)).toEqual([t('facts:F01.trial'), t('menu.promptAgain')]);
    facts.expectFact(transcript(), language, 'facts:F01.trial');
    expect(transcript()).not.toContain(t('facts:F06.step1'));
    expect(transcript()).not.toContain(t('facts:F12.step1'));
    const outcomes = await stores.outcomes.list();
    expect(outcomes.at(-1)).toMatchObject({ path: 'trial', ending: 'questionAnswered', plan: 'trial' });
  });

  test.each(LANGUAGES)('%s: F08 Open/FPP ends by itself at the end of the term', async (language, locale) => {
    const { t, choosePlan, transcript } = await start(language, locale);
    const replies = await choosePlan('openFpp');
    expect(replies.map((reply) => reply.text)).toEqual([t('facts:F08.openFpp'), t('menu.promptAgain')]);
    facts.expectFact(transcript(), language, 'facts:F08.openFpp');
  });
});

describe('when to cancel', () => {
  test.each(LANGUAGES)('%s: F07 the term length comes with the question, and term end (no fees) is offered first', async (language, locale) => {
    const { t, choosePlan, transcript } = await start(language, locale);
    const small = await choosePlan('smallBusiness');
    expect(lastText(small)).toBe(`${t('facts:F07.smallBusiness')} ${language === 'sv' ? 'När vill du avsluta?' : 'When do you want to cancel?'}`);
    expect(titles(small[small.length - 1]!)).toEqual([t('cancel:when.termEnd'), t('cancel:when.now')]);
    facts.expectFact(transcript(), language, 'facts:F07.smallBusiness');

    const other = await start(language, locale);
    const midsize = await other.choosePlan('midsizeBusiness');
    expect(lastText(midsize)).toContain(t('facts:F07.yearly'));
    facts.expectFact(other.transcript(), language, 'facts:F07.yearly');
  });

  test('switching to English at the question asks it again in English, term length included', async () => {
    const { say, choosePlan } = await start('sv', 'sv-SE');
    await choosePlan('enterprise');
    const replies = await say('in English');
    expect(replies.map((reply) => reply.text)).toEqual([text('en', 'language.switched'), text('en', 'cancel:when.promptYearly')]);
  });
});

describe('F06 cancelling at the end of the term', () => {
  test.each(LANGUAGES)(
    '%s: F06 F03 F05 numbered steps with both ways to the page, the end date typed in the language, F03 with the last day, feedback declined',
    async (language, locale) => {
      const { say, t, choosePlan, transcript, stores } = await start(language, locale);
      await choosePlan('enterprise');
      const steps = await say(t('cancel:when.termEnd'));
      const shown = steps[0]!.text!;
      expect(shown).toBe(
        [t('cancel:termEnd.stepsTitle'), t('facts:F06.intro'), `1. ${t('facts:F06.step1')}\n2. ${t('facts:F06.step2')}`, t('facts:F06.outcome')].join('\n\n'),
      );
      // Both ways to the page, and the button, with the admin center's own names.
      const names = language === 'sv'
        ? ['sidan Prenumerationer', 'Admin > Licensiering', 'Hantera och köpa licenser', 'Inaktivera förnya automatiskt']
        : ['the Subscriptions page', 'Admin > Licensing', 'Manage and buy licenses', 'Turn off auto-renew'];
      for (const name of names) expect(shown).toContain(name);
      for (const key of ['facts:F06.intro', 'facts:F06.step1', 'facts:F06.step2', 'facts:F06.outcome']) facts.expectFact(transcript(), language, key);
      expect(lastText(steps)).toContain(t('cancel:termEnd.askKnowsDate'));

      expect(lastText(await say(YES[language]))).toBe(t('cancel:termEnd.askDate'));
      expect(lastText(await say(language === 'sv' ? 'snart' : 'soon'))).toBe(t('cancel:termEnd.dateRetry'));
      const termEnd = daysFromToday(ZONE, 200);
      const typedDate = formatDate(termEnd, language); // "24 februari 2027" / "February 24, 2027"
      const wrapUp = await say(typedDate);
      facts.expectFact(transcript(), language, 'facts:F06.outcomeOn', { date: typedDate });
      facts.expectFact(transcript(), language, 'facts:F03.reactivateAfterTermEnd', { date: formatDate(daysAfter(termEnd, 90), language) });
      expect(transcript()).toContain(`${t('cancel:checklist.dates.termEnds')}: ${typedDate}`);
      facts.expectFact(lastText(wrapUp), language, 'facts:F05.askWhy');
      expect(titles(wrapUp[wrapUp.length - 1]!)).toContain(t('cancel:feedback.noThanks'));

      expect(lastText(await say(t('cancel:feedback.noThanks')))).toBe(t('menu.promptAgain'));
      expect(transcript()).toContain(t('cancel:feedback.declined'));
      expect(await stores.feedback.list()).toEqual([
        expect.objectContaining({ reason: null, plan: 'enterprise', path: 'termEnd', locale: language }),
      ]);
      expect((await stores.feedback.list())[0]).not.toHaveProperty('comment');
    },
  );

  test('sv: numbers choose term end, and "nej" to the date question gives F03 without a date', async () => {
    const { say, choosePlan, transcript, t } = await start('sv', 'sv-SE');
    await choosePlan('smallBusiness');
    await say('1');
    const replies = await say('nej');
    expect(replies.map((reply) => reply.text)).toContain(t('facts:F03.reactivate'));
    expect(transcript()).not.toContain(t('facts:F06.outcomeOn', { date: '' }).slice(0, 12));
  });

  test('en: a date that has passed is refused with the re-prompt, and "skip" goes on', async () => {
    const { say, choosePlan, t } = await start('en', 'en-US');
    await choosePlan('midsizeBusiness');
    await say('1');
    await say('yes');
    expect(lastText(await say(formatDate(daysFromToday(ZONE, -10), 'en')))).toBe(t('cancel:termEnd.dateRetry'));
    const replies = await say('skip');
    expect(replies.map((reply) => reply.text)).toContain(t('facts:F03.reactivate'));
  });
});

describe('cancelling now, Small Business', () => {
  test.each(LANGUAGES)(
    '%s: F09 F10 F11 F12 F13 F03 F05 fee warning first, then domains, data, cancel in order; feedback stored',
    async (language, locale) => {
      const { say, t, choosePlan, transcript, stores } = await start(language, locale);
      await choosePlan('smallBusiness');
      const warning = await say(t('cancel:when.now'));
      expect(warning[0]?.text).toBe(t('facts:F09.fee'));
      facts.expectFact(transcript(), language, 'facts:F09.fee');
      expect(lastText(warning)).toContain(t('cancel:now.confirmFee'));

      const domains = await say(YES[language]);
      expect(lastText(domains)).toContain(t('cancel:now.askOwnDomain', { number: 1, total: 3 }));
      const data = await say(YES[language]);
      facts.expectFact(transcript(), language, 'facts:F10.domains');
      expect(data[1]?.text).toBe(
        `${t('cancel:now.saveDataTitle', { number: 2, total: 3 })}\n\n${t('facts:F11.saveData')} ${t('facts:F11.deletedOn', { date: inDays(language, 90) })}`,
      );
      facts.expectFact(transcript(), language, 'facts:F11.saveData');
      facts.expectFact(transcript(), language, 'facts:F11.deletedOn', { date: inDays(language, 90) });
      expect(titles(data[data.length - 1]!)).toEqual([t('cancel:now.continue'), t('cancel:now.quickRecall')]);

      const cancel = await say(t('cancel:now.continue'));
      expect(cancel[0]?.text).toContain(t('cancel:now.cancelTitle', { number: 3, total: 3 }));
      expect(cancel[0]?.text).toContain(`1. ${t('facts:F12.step1')}\n2. ${t('facts:F12.step2')}\n3. ${t('facts:F12.step3')}`);
      for (const key of ['facts:F12.intro', 'facts:F12.step1', 'facts:F12.step2', 'facts:F12.step3', 'facts:F13.noCancelOption']) {
        facts.expectFact(transcript(), language, key);
      }
      const portalNames = language === 'sv'
        ? ['administratörsportalen i Office 365', 'sidan Licenser', 'sidan Abonnemangsinformation', 'Avsluta abonnemang']
        : ['the Office 365 admin portal', 'the Licenses page', 'the Subscription details page', 'Cancel subscription'];
      for (const name of portalNames) expect(cancel[0]?.text).toContain(name);

      const wrapUp = await say(t('cancel:now.found'));
      facts.expectFact(transcript(), language, 'facts:F03.reactivateUntil', { date: inDays(language, 90) });
      expect(wrapUp[0]?.text).toContain(t('cancel:checklist.items.removeDomains'));
      expect(wrapUp[0]?.text).toContain(`${t('cancel:checklist.dates.dataDeleted')}: ${inDays(language, 90)}`);
      facts.expectFact(transcript(), language, 'facts:F05.askWhy');

      // The seed's order: fee warning before any immediate step; domains, then data, then cancel; then F03 and F05.
      expect(isAscending(positions(transcript(), [
        t('facts:F09.fee'),
        t('facts:F10.domains'),
        t('facts:F11.saveData'),
        t('facts:F12.step1'),
        t('facts:F03.reactivateUntil', { date: inDays(language, 90) }),
        t('facts:F05.askWhy'),
      ]))).toBe(true);

      expect(lastText(await say('1'))).toBe(t('cancel:feedback.askComment'));
      const comment = language === 'sv' ? 'Vi behöver färre licenser' : 'We need fewer licenses';
      const end = await say(comment);
      expect(end.map((reply) => reply.text)).toEqual([t('cancel:feedback.thanks'), t('menu.promptAgain')]);
      expect(await stores.feedback.list()).toEqual([
        expect.objectContaining({ reason: 'tooExpensive', comment, plan: 'smallBusiness', path: 'immediate', locale: language }),
      ]);

      const milestones = (await stores.outcomes.list()).filter((record) => record.path === 'immediate').map((record) => record.step ?? record.ending);
      expect(milestones.slice(0, 5)).toEqual(['feeWarning', 'domains', 'saveData', 'cancel', 'immediateSteps']);
    },
  );

  test('sv: "nej" to the own-domain question skips the domain guidance and goes on to save your data', async () => {
    const { say, t, choosePlan, transcript } = await start('sv', 'sv-SE');
    await choosePlan('smallBusiness');
    await say('2');
    await say('ja');
    const replies = await say('nej');
    expect(replies[0]?.text).toBe(t('cancel:now.noOwnDomain'));
    expect(transcript()).not.toContain(t('facts:F10.domains'));
    expect(replies[1]?.text).toContain(t('facts:F11.saveData'));
  });

  test.each(LANGUAGES)('%s: F09 answering no to the fee warning switches to cancelling at term end, fee-free', async (language, locale) => {
    const { say, t, choosePlan, transcript } = await start(language, locale);
    await choosePlan('smallBusiness');
    await say(t('cancel:when.now'));
    const replies = await say(NO[language]);
    expect(replies[0]?.text).toBe(t('cancel:now.switchedToTermEnd'));
    expect(replies[1]?.text).toContain(t('facts:F06.step2'));
    expect(transcript()).not.toContain(t('facts:F10.domains'));
    facts.expectFact(transcript(), language, 'facts:F09.fee');
  });

  test('the deletion date is counted in the time zone the channel sends', async () => {
    const zone = 'Pacific/Kiritimati';
    const { say, t, choosePlan } = await start('en', 'en-US', { localTimezone: zone });
    await choosePlan('smallBusiness');
    await say('2');
    await say('yes');
    const replies = await say('no');
    expect(replies[1]?.text).toContain(t('facts:F11.deletedOn', { date: inDays('en', 90, zone) }));
  });
});

describe('F04 quick recall, offered once after saving data', () => {
  test.each(LANGUAGES)('%s: F04 the irreversible-deletion warning with its date, then a second confirmation; "no" goes on to the last step', async (language, locale) => {
    const { say, t, choosePlan, transcript } = await start(language, locale);
    await choosePlan('smallBusiness');
    await say(t('cancel:when.now'));
    await say(YES[language]);
    await say(NO[language]);
    const warning = await say(t('cancel:now.quickRecall'));
    expect(warning.map((reply) => reply.text)).toEqual([
      t('facts:F04.quickRecall'),
      t('facts:F04.warning', { date: inDays(language, 3) }),
      expect.stringContaining(t('cancel:quickRecall.confirm')),
    ]);
    facts.expectFact(transcript(), language, 'facts:F04.quickRecall');
    facts.expectFact(transcript(), language, 'facts:F04.warning', { date: inDays(language, 3) });
    const declined = await say(NO[language]);
    expect(declined[0]?.text).toBe(t('cancel:quickRecall.declined'));
    expect(declined[1]?.text).toContain(t('facts:F12.step3'));
  });

  test('sv: typing "snabb återkallelse" asks about quick recall', async () => {
    const { say, t, choosePlan } = await start('sv', 'sv-SE');
    await choosePlan('smallBusiness');
    await say('2');
    await say('ja');
    await say('nej');
    expect((await say('snabb återkallelse'))[0]?.text).toBe(t('facts:F04.quickRecall'));
  });
});

/** Good answers to the five details support asks for (F14). */
const DETAILS = ['asa.oberg@contoso.se', '070-123 45 67', 'Åsa Öberg-Lindqvist', 'Contoso AB', 'Storgatan 1, 123 45 Stockholm'];

describe('the paths that need support (F13, F14, F15)', () => {
  test.each(LANGUAGES)(
    '%s: F13 F15 F14 F03 F05 Enterprise cancelling now: data first, then support; the case reference goes in the checklist',
    async (language, locale) => {
      const { say, t, choosePlan, transcript, stores } = await start(language, locale);
      await choosePlan('enterprise');
      await say(t('cancel:when.now'));
      await say(YES[language]);
      await say(NO[language]);
      const cancel = await say(t('cancel:now.continue'));
      expect(cancel.map((reply) => reply.text)).toEqual([
        `${t('cancel:now.cancelTitle', { number: 3, total: 3 })}\n\n${t('facts:F13.callSupport')}`,
        t('facts:F15.mustBeAdmin'),
        expect.stringContaining(t('support:admin.ask')),
      ]);
      facts.expectFact(transcript(), language, 'facts:F13.callSupport');
      facts.expectFact(transcript(), language, 'facts:F15.mustBeAdmin');
      await say(YES[language]);
      for (const detail of DETAILS) await say(detail);
      const escalated = await say(t('support:review.confirm'));
      const [stored] = await stores.cases.list();
      expect(stored).toMatchObject({ plan: 'enterprise', path: 'immediate', locale: language });
      const reference = stored!.reference;
      expect(escalated.find((reply) => reply.type === 'event')).toMatchObject({ name: 'handoff.initiate' });
      for (const key of ['facts:F14.intro', 'facts:F14.userId', 'facts:F14.phone', 'facts:F14.contactName', 'facts:F14.organization', 'facts:F14.address']) {
        facts.expectFact(transcript(), language, key);
      }
      expect(transcript()).toContain(t('cancel:checklist.items.callSupportWithReference', { reference }));
      facts.expectFact(transcript(), language, 'facts:F03.reactivateUntil', { date: inDays(language, 90) });
      facts.expectFact(lastText(escalated), language, 'facts:F05.askWhy');
      expect(isAscending(positions(transcript(), [
        t('facts:F09.fee'),
        t('facts:F11.saveData'),
        t('facts:F13.callSupport'),
        t('facts:F15.mustBeAdmin'),
        t('facts:F14.intro'),
        t('facts:F03.reactivateUntil', { date: inDays(language, 90) }),
        t('facts:F05.askWhy'),
      ]))).toBe(true);
      await say('2');
      await say(NO[language]);
      expect(await stores.feedback.list()).toEqual([
        expect.objectContaining({ reason: 'missingFeatures', plan: 'enterprise', path: 'immediate', locale: language }),
      ]);
      expect((await stores.feedback.list())[0]).not.toHaveProperty('comment');
      const endings = (await stores.outcomes.list()).filter((record) => record.path === 'immediate' && record.ending);
      expect(endings.map((record) => record.ending)).toEqual(['escalated']);
    },
  );

  test.each(LANGUAGES)('%s: F02 F15 product key: no refund from Microsoft, then support; someone not an admin is told who must call and the path ends', async (language, locale) => {
    const { say, t, choosePlan, transcript, stores } = await start(language, locale);
    const replies = await choosePlan('productKey');
    expect(replies.map((reply) => reply.text)).toEqual([t('facts:F02.productKey'), t('facts:F15.mustBeAdmin'), expect.stringContaining(t('support:admin.ask'))]);
    facts.expectFact(transcript(), language, 'facts:F02.productKey');
    facts.expectFact(transcript(), language, 'facts:F15.mustBeAdmin');
    const notAdmin = await say(NO[language]);
    expect(notAdmin.map((reply) => reply.text)).toEqual([t('support:admin.notAdmin'), t('menu.promptAgain')]);
    expect(transcript()).not.toContain(t('facts:F05.askWhy'));
    expect(await stores.feedback.list()).toEqual([]);
    expect((await stores.outcomes.list()).filter((record) => record.path === 'productKey').at(-1)).toMatchObject({ ending: 'notAdmin' });
  });

  test.each(LANGUAGES)('%s: F12 F13 Small Business without Cancel subscription on the page goes to support', async (language, locale) => {
    const { say, t, choosePlan, transcript } = await start(language, locale);
    await choosePlan('smallBusiness');
    await say(t('cancel:when.now'));
    await say(YES[language]);
    await say(NO[language]);
    await say(t('cancel:now.continue'));
    const replies = await say(t('cancel:now.notFound'));
    expect(replies[0]?.text).toBe(t('facts:F15.mustBeAdmin'));
    facts.expectFact(transcript(), language, 'facts:F13.noCancelOption');
  });

  test('en: F04 quick recall confirmed: only support can do it; the checklist has the deletion date and no reactivation is promised', async () => {
    const { say, t, choosePlan, transcript, stores } = await start('en', 'en-US');
    await choosePlan('midsizeBusiness');
    await say(t('cancel:when.now'));
    await say('yes');
    await say('no');
    await say(t('cancel:now.quickRecall'));
    const confirmed = await say('yes');
    expect(confirmed.map((reply) => reply.text)).toEqual([
      t('cancel:quickRecall.onlySupport'),
      t('facts:F15.mustBeAdmin'),
      expect.stringContaining(t('support:admin.ask')),
    ]);
    await say('yes');
    for (const detail of DETAILS) await say(detail);
    await say(t('support:review.confirm'));
    const [stored] = await stores.cases.list();
    expect(stored).toMatchObject({ path: 'immediate', plan: 'midsizeBusiness' });
    expect(transcript()).toContain(t('cancel:checklist.items.quickRecall', { reference: stored!.reference }));
    expect(transcript()).toContain(`${t('cancel:checklist.dates.quickRecallDeleted')}: ${inDays('en', 3)}`);
    expect(transcript()).not.toContain(t('facts:F03.reactivateUntil', { date: inDays('en', 90) }));
    expect(transcript()).not.toContain(t('cancel:now.cancelTitle', { number: 3, total: 3 }));
    expect(lastText(await say('No thanks'))).toBe(t('menu.promptAgain'));
    expect(await stores.feedback.list()).toEqual([expect.objectContaining({ reason: null, plan: 'midsizeBusiness', path: 'immediate' })]);
  });

  test.each(LANGUAGES)('%s: "Talk to support" from the menu; a plain stop inside support stops that step only, and the menu comes back', async (language, locale) => {
    const { say, t, transcript } = await start(language, locale);
    await say(language === 'sv' ? 'hej' : 'hello');
    const support = await say(t('cancel:menu.support'));
    expect(support[0]?.text).toBe(t('facts:F15.mustBeAdmin'));
    facts.expectFact(transcript(), language, 'facts:F15.mustBeAdmin');
    await say(YES[language]);
    const stopped = await say(language === 'sv' ? 'sluta' : 'stop');
    expect(stopped.map((reply) => reply.text)).toEqual([t('support:stopped'), t('menu.promptAgain')]);
  });

  test('sv: F02 F03 F05 product key escalated: the checklist has the case reference, then F03 with the last day and the feedback question', async () => {
    const { say, t, choosePlan, transcript, stores } = await start('sv', 'sv-SE');
    await choosePlan('productKey');
    await say('ja');
    for (const detail of DETAILS) await say(detail);
    const escalated = await say(t('support:review.confirm'));
    const [stored] = await stores.cases.list();
    expect(stored).toMatchObject({ plan: 'productKey', path: 'productKey' });
    expect(transcript()).toContain(t('cancel:checklist.items.callSupportWithReference', { reference: stored!.reference }));
    facts.expectFact(transcript(), 'sv', 'facts:F03.reactivateUntil', { date: inDays('sv', 90) });
    expect(lastText(escalated)).toContain(t('facts:F05.askWhy'));
    await say('Nej tack');
    expect(await stores.feedback.list()).toEqual([expect.objectContaining({ reason: null, plan: 'productKey', path: 'productKey', locale: 'sv' })]);
  });

  test('sv: "hjälp" inside support says so and asks the pending detail again', async () => {
    const { say, t } = await start('sv', 'sv-SE');
    await say('hej');
    await say(t('cancel:menu.support'));
    await say('ja');
    const replies = await say('hjälp');
    // Where (the support step), which step, what to type (its example), the commands; then the question again.
    const help = [
      t('cancel:help.where.supportEscalation'),
      t('cancel:help.step', { number: 2, total: 3 }),
      t('cancel:help.answerText', { example: t('support:example.userId') }),
      t('cancel:help.commands'),
    ].join(' ');
    expect(replies.map((reply) => reply.text)).toEqual([help, t('support:ask.userId')]);
  });

  test('sv: "avsluta samtalet" inside support ends the whole conversation', async () => {
    const { say, t } = await start('sv', 'sv-SE');
    await say('hej');
    await say(t('cancel:menu.support'));
    await say('ja');
    expect((await say('avsluta samtalet')).map((reply) => reply.text)).toEqual([t('cancel:stop.done')]);
  });
});

describe('at any point: help, start over, stop, and what avbryta/avsluta mean', () => {
  test.each([
    ['sv', 'hjälp', 'sv-SE'],
    ['en', 'help', 'en-US'],
  ] as [Language, string, string][])('%s: "%s" says where the admin is and what they can say, then asks the question again', async (language, help, locale) => {
    const { say, t, choosePlan } = await start(language, locale);
    await choosePlan('enterprise');
    const replies = await say(help);
    // Where (the timing question), which step of the path, the choices it takes, the commands; then the question again.
    const choices = [t('cancel:when.termEnd'), t('cancel:when.now')].map((choice) => `"${choice}"`).join(', ');
    const helpText = [
      t('cancel:help.where.whenToCancel'),
      t('cancel:help.step', { number: 2, total: 2 }),
      t('cancel:help.answerChoices', { choices }),
      t('cancel:help.commands'),
    ].join(' ');
    expect(replies.map((reply) => reply.text)).toEqual([helpText, t('cancel:when.promptYearly')]);
  });

  test.each([
    ['sv', 'avsluta samtalet', 'sv-SE'],
    ['sv', 'Stopp', 'sv-SE'],
    ['en', 'stop', 'en-US'],
  ] as [Language, string, string][])('%s: "%s" ends the conversation; the next message starts from the menu', async (language, stop, locale) => {
    const { say, t, choosePlan, stores } = await start(language, locale);
    await choosePlan('smallBusiness');
    await say(t('cancel:when.now'));
    expect((await say(stop)).map((reply) => reply.text)).toEqual([t('cancel:stop.done')]);
    expect((await stores.outcomes.list()).at(-1)).toMatchObject({ path: 'immediate', ending: 'stopped' });
    // The recognizer reads "hej"/"hello" as a greeting: it greets back, then the menu starts afresh, not the stopped path.
    const next = await say(language === 'sv' ? 'hej' : 'hello');
    expect(next.map((reply) => reply.text)).toEqual([t('nlu:greeting'), t('menu.prompt')]);
    expect(titles(next.at(-1)!)).toEqual(MENU_TOPICS.map((key) => t(key)));
  });

  test('sv: "jag vill avbryta" as the first message is a request to cancel a subscription, not to stop', async () => {
    const { say, t } = await start('sv', 'sv-SE');
    const replies = await say('jag vill avbryta');
    expect(replies.map((reply) => reply.text)).toEqual([t('welcome.intro'), t('cancel:plan.prompt')]);
  });

  test.each(['avsluta abonnemanget', 'Jag vill säga upp', 'avbryta'])('sv: "%s" at the menu starts the cancellation', async (typed) => {
    const { say, t } = await start('sv', 'sv-SE');
    await say('hej');
    expect(lastText(await say(typed))).toBe(t('cancel:plan.prompt'));
  });

  test('sv: "avbryt" in the middle of a path does not end the conversation', async () => {
    const { say, t, choosePlan } = await start('sv', 'sv-SE');
    await choosePlan('enterprise');
    expect(lastText(await say('avbryt'))).toBe(t('cancel:when.retry'));
  });

  test('en: "I want to cancel" as the first message starts the cancellation', async () => {
    const { say, t } = await start('en', 'en-US');
    expect(lastText(await say('I want to cancel my subscription'))).toBe(t('cancel:plan.prompt'));
  });

  test('sv: "börja om" in the middle of a path starts again from the menu', async () => {
    const { say, t, choosePlan } = await start('sv', 'sv-SE');
    await choosePlan('smallBusiness');
    await say('2');
    expect((await say('börja om')).map((reply) => reply.text)).toEqual([t('startOver.done'), t('menu.prompt')]);
  });
});

describe('how it reads', () => {
  test.each(LANGUAGES)('%s: every message on the immediate path is short (60 words at most; step lists are cards), and none claims the bot cancelled', async (language, locale) => {
    const { say, t, choosePlan } = await start(language, locale);
    const replies = [
      ...(await choosePlan('smallBusiness')),
      ...(await say(t('cancel:when.now'))),
      ...(await say(YES[language])),
      ...(await say(YES[language])),
      ...(await say(t('cancel:now.quickRecall'))),
      ...(await say(NO[language])),
      ...(await say(t('cancel:now.found'))),
    ];
    const isList = (message: string) => /^1\. /m.test(message);
    const prose = replies.map((reply) => reply.text ?? '').filter((message) => message && !isList(message));
    expect(prose.length).toBeGreaterThan(8);
    for (const message of prose) expect(message.split(/\s+/).length).toBeLessThanOrEqual(60);
    const claims = language === 'sv' ? /jag har (avslutat|sagt upp) (ditt|abonnemanget)/i : /I (have )?cancell?ed (your|the) subscription/i;
    for (const reply of replies) expect(reply.text ?? '').not.toMatch(claims);
  });
});

describe('cards in channels that show them', () => {
  test('webchat: the steps and the checklist are Adaptive Cards 1.5 with a plain-text fallback', async () => {
    const { say, t, choosePlan } = await start('sv', 'sv-SE', { channelId: 'webchat' });
    await choosePlan('enterprise');
    const steps = await say('1');
    const card = steps[0]!.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card.content as { version: string; fallbackText: string; body: unknown[] };
    expect(content.version).toBe('1.5');
    expect(content.fallbackText).toContain(`1. ${t('facts:F06.step1')}`);
    expect(JSON.stringify(content.body)).toContain(JSON.stringify(t('facts:F06.step2')));
    const wrapUp = await say('nej');
    const checklist = wrapUp[0]!.attachments![0]!.content as { fallbackText: string };
    expect(checklist.fallbackText).toContain(t('cancel:checklist.items.turnOffAutoRenew'));
  });
});

// Last in this file: the tests above recorded every fact they asserted.
describe('a yes/no question answered with neither', () => {
  const UNCLEAR: Record<Language, string> = { sv: 'kanske', en: 'maybe' };
  test.each(LANGUAGES)('%s: each yes/no question of the paths says "please answer yes or no" with the question, and goes on with the answer', async (language, locale) => {
    const { say, t, choosePlan } = await start(language, locale);
    await choosePlan('smallBusiness');
    await say(t('cancel:when.now'));
    expect(lastText(await say(UNCLEAR[language]))).toContain(t('cancel:now.confirmFeeRetry'));
    await say(YES[language]);
    expect(lastText(await say(UNCLEAR[language]))).toContain(t('cancel:now.askOwnDomainRetry'));
    await say(NO[language]);
    await say(t('cancel:now.quickRecall'));
    expect(lastText(await say(UNCLEAR[language]))).toContain(t('cancel:quickRecall.confirmRetry'));

    const termEnd = await start(language, locale);
    await termEnd.choosePlan('enterprise');
    await termEnd.say(t('cancel:when.termEnd'));
    expect(lastText(await termEnd.say(UNCLEAR[language]))).toContain(t('cancel:termEnd.askKnowsDateRetry'));
    expect(lastText(await termEnd.say(YES[language]))).toBe(t('cancel:termEnd.askDate'));
  });
});

describe('fact coverage', () => {
  test.each(['sv', 'en'] as Language[])('%s: every fact F01–F16 is asserted by at least one test above', (language) => {
    expect(facts.asserted(language)).toEqual(ALL_FACTS);
  });
});
