import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { i18n } from 'i18next';
import { mainMenuChoices } from '../dialogs/mainMenuDialog.js';
import { SUPPORTED_LANGUAGES, type Language } from '../src/domain/config.js';
import { TOPIC_REGISTRY, type Topic } from '../src/domain/topics.js';
import { createI18n } from '../src/domain/i18n.js';
import { LOCALES_DIR } from '../src/domain/paths.js';
import { conversation, lastText } from './support/conversation.js';
import { makeTestBot, titles } from './support/dialogs.js';
import { whatTopicLacks, type HeldOutMessages } from './support/topics.js';

/**
 * Issue 17's bar: adding a topic touches only the registry and the locale files. A made-up topic
 * (a fact the article does not have, so it exists only here) gets one registry entry and its texts,
 * training messages and held-out messages; the production app, built with them, offers it, answers
 * it from the menu and answers it typed.
 */
const MOBILE_APP: Topic = { id: 'mobileApp', facts: ['F17'], answer: { texts: ['facts:F17.mobileApp'] }, menuPlace: 6 };
const topics = TOPIC_REGISTRY.with(MOBILE_APP);

/** What the topic adds to each language's locale files (file name → keys). */
const LOCALE_ADDITIONS: Record<Language, Record<string, object>> = {
  en: {
    facts: { F17: { mobileApp: 'A made-up answer for a test: there is no admin app, so use the admin portal in a browser.' } },
    common: { menu: { topics: { mobileApp: 'The admin app' } } },
    nlu: { topics: { mobileApp: 'An app for admins' } },
    report: { steps: { mobileApp: 'Asked about an admin app' } },
    corpus: {
      intents: {
        mobileApp: [
          'is there a mobile app for the admin center',
          'do you have an app for android',
          'is there an iphone app for admins',
          'mobile app for office 365 admins',
          'can I use the admin app on my tablet',
          'where do I download the admin app',
          'admin app for ios',
          'can I manage this in an app instead of the browser',
          'does the admin app work on an ipad or an iphone',
          'an app on my phone to run the admin tasks',
          'can I administer from my tablet with an app',
          'which app should I download to my phone',
          'does the app work on the ipad',
        ],
      },
    },
  },
  sv: {
    facts: { F17: { mobileApp: 'Ett påhittat svar för ett test: det finns ingen administratörsapp, så använd administratörsportalen i en webbläsare.' } },
    common: { menu: { topics: { mobileApp: 'Administratörsappen' } } },
    nlu: { topics: { mobileApp: 'En app för administratörer' } },
    report: { steps: { mobileApp: 'Frågade om en administratörsapp' } },
    corpus: {
      intents: {
        mobileApp: [
          'finns det en mobilapp för administratörscentret',
          'har ni en app för android',
          'finns det en iphone-app för administratörer',
          'mobilapp för office 365-administratörer',
          'kan jag använda admin-appen på surfplattan',
          'var laddar jag ner admin-appen',
          'admin-app för ios',
          'kan jag sköta det här i en app i stället för webbläsaren',
          'fungerar admin-appen på ipad eller iphone',
          'en app i mobilen för att sköta administrationen',
          'kan jag administrera från min surfplatta med en app',
          'vilken app ska jag ladda ner till telefonen',
          'går det att använda appen på ipaden',
        ],
      },
    },
  },
};

/** Its held-out messages, written apart from the training messages above. */
const HELD_OUT: Record<Language, HeldOutMessages> = {
  en: [
    { text: 'Is there an Android app I could use for this?', intent: 'mobileApp' },
    { text: 'can i do all of this from an app on my ipad', intent: 'mobileApp' },
  ],
  sv: [
    { text: 'Finns det någon app till Android som jag kan använda?', intent: 'mobileApp' },
    { text: 'går det att göra allt det här från en app på min ipad', intent: 'mobileApp' },
  ],
};

function mergeInto(target: Record<string, unknown>, addition: object): void {
  for (const [key, value] of Object.entries(addition)) {
    const existing = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') mergeInto(existing as Record<string, unknown>, value);
    else target[key] = value;
  }
}

let localesDir: string;
let texts: i18n;

beforeAll(() => {
  localesDir = mkdtempSync(join(tmpdir(), 'locales-with-a-made-up-topic-'));
  cpSync(LOCALES_DIR, localesDir, { recursive: true });
  for (const language of SUPPORTED_LANGUAGES) {
    for (const [file, addition] of Object.entries(LOCALE_ADDITIONS[language])) {
      const path = join(localesDir, language, `${file}.json`);
      const content = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      mergeInto(content, addition);
      writeFileSync(path, JSON.stringify(content, null, 2));
    }
  }
  texts = createI18n({ localesDir });
});

afterAll(() => rmSync(localesDir, { recursive: true, force: true }));

test('the made-up topic is complete: the registry test would name anything it lacked', () => {
  expect(whatTopicLacks(MOBILE_APP, { localesDir, heldOut: HELD_OUT })).toEqual([]);
});

describe.each(SUPPORTED_LANGUAGES)('the production app with a made-up topic (%s)', (language) => {
  const locale = language === 'sv' ? 'sv-SE' : 'en-US';
  const t = (key: string) => texts.getFixedT(language)(key);
  const hello = language === 'sv' ? 'hej' : 'hello';

  async function start() {
    const bot = await makeTestBot({ defaultLocale: language, topics, localesDir });
    return { ...bot, ...conversation(bot.adapter, { locale }) };
  }

  test('the menu lists it at its place, before support', async () => {
    const { say } = await start();
    const welcome = await say(hello);
    const withoutIt = mainMenuChoices(TOPIC_REGISTRY).map((choice) => t(choice.titleKey));
    expect(titles(welcome.at(-1)!)).toEqual([...withoutIt.slice(0, -1), t('menu.topics.mobileApp'), withoutIt.at(-1)]);
    expect(withoutIt.at(-1)).toBe(t('cancel:menu.support'));
  });

  test('choosing it gives its answer and records it for the report', async () => {
    const { say, stores } = await start();
    await say(hello);
    const replies = await say(t('menu.topics.mobileApp'));
    expect(replies.map((reply) => reply.text)).toEqual([t('facts:F17.mobileApp'), t('menu.promptAgain')]);
    expect((await stores.outcomes.list()).at(-1)).toMatchObject({ path: 'question', step: 'mobileApp', ending: 'questionAnswered' });
  });

  test.each(HELD_OUT[language].map((item) => item.text))('typing "%s" gets its answer', async (question) => {
    const { say } = await start();
    await say(hello);
    const replies = await say(question);
    expect(replies[0]?.text).toBe(t('facts:F17.mobileApp'));
    expect(lastText(replies)).toContain(t('nlu:offer.cancel'));
  });
});
