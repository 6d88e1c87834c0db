import { ActivityTypes } from 'botbuilder';
import type { Language } from '../src/domain/config.js';
import { makeTestBot, titles } from './support/dialogs.js';
import { text } from './support/i18n.js';

const makeBot = (defaultLocale: Language = 'sv') => makeTestBot({ defaultLocale });

describe('welcome and main menu', () => {
  test('a user joining is welcomed in Swedish and offered the main topics as buttons', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'User1' }], locale: 'sv-SE' })
      .assertReply(text('sv', 'welcome.intro'))
      .assertReply((reply) => {
        expect(reply.text).toBe(text('sv', 'menu.prompt'));
        expect(titles(reply)).toEqual([
          'Avsluta ett abonnemang',
          'Utvärderingsabonnemang',
          'Produktnyckel och återbetalning',
          'Återuppta abonnemanget',
          'Periodens längd',
          'Vilka abonnemang det gäller',
          'Prata med supporten',
        ]);
      })
      .startTest();
  });

  test('the bot joining alone is not welcomed', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Bot' }] })
      .send({ type: ActivityTypes.Message, text: 'hello', locale: 'en-US' })
      .assertReply(text('en', 'welcome.intro'))
      .startTest();
  });

  test('a first message without a prior welcome gets the welcome in the channel language', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hi', locale: 'en-US' })
      .assertReply(text('en', 'welcome.intro'))
      .assertReply((reply) => expect(reply.text).toBe(text('en', 'menu.prompt')))
      .startTest();
  });

  test('choosing a topic by number answers it (F01) and offers the topics again', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hej', locale: 'sv-SE' })
      .assertReply(text('sv', 'welcome.intro'))
      .assertReply(text('sv', 'menu.prompt'))
      .send({ type: ActivityTypes.Message, text: '2', locale: 'sv-SE' })
      .assertReply((reply) => {
        expect(reply.text).toBe(text('sv', 'facts:F01.trial'));
        expect(reply.text).toContain('utvärderingsabonnemang');
      })
      .assertReply(text('sv', 'menu.promptAgain'))
      .startTest();
  });

  test('an unrecognised answer gets the localized retry prompt', async () => {
    const { adapter } = await makeBot('en');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hello', locale: 'en-US' })
      .assertReply(text('en', 'welcome.intro'))
      .assertReply(text('en', 'menu.prompt'))
      .send({ type: ActivityTypes.Message, text: 'xyzzy', locale: 'en-US' })
      .assertReply(text('en', 'menu.retry'))
      .startTest();
  });
});

describe('switching language', () => {
  test('"in English" switches from a Swedish channel, re-asks the pending question in English, and is remembered', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hej', locale: 'sv-SE' })
      .assertReply(text('sv', 'welcome.intro'))
      .assertReply(text('sv', 'menu.prompt'))
      .send({ type: ActivityTypes.Message, text: 'in English', locale: 'sv-SE' })
      .assertReply(text('en', 'language.switched'))
      .assertReply((reply) => {
        expect(reply.text).toBe(text('en', 'menu.prompt'));
        expect(titles(reply)).toContain('Trial subscriptions');
      })
      .send({ type: ActivityTypes.Message, text: '5', locale: 'sv-SE' })
      .assertReply(text('en', 'facts:F07.termLengths'))
      .startTest();
  });

  test('"svenska" as a first message switches to Swedish and welcomes in Swedish', async () => {
    const { adapter } = await makeBot('en');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'Svenska', locale: 'en-US' })
      .assertReply(text('sv', 'language.switched'))
      .assertReply(text('sv', 'welcome.intro'))
      .startTest();
  });
});

describe('start over', () => {
  test('"börja om" in the middle of the menu starts again', async () => {
    const { adapter } = await makeBot('sv');
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hej', locale: 'sv-SE' })
      .assertReply(text('sv', 'welcome.intro'))
      .assertReply(text('sv', 'menu.prompt'))
      .send({ type: ActivityTypes.Message, text: 'Börja om', locale: 'sv-SE' })
      .assertReply(text('sv', 'startOver.done'))
      .assertReply(text('sv', 'menu.prompt'))
      .startTest();
  });
});
