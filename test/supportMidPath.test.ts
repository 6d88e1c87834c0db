import type { Language } from '../src/domain/config.js';
import { conversation, lastText } from './support/conversation.js';
import { makeTestBot } from './support/dialogs.js';
import { text } from './support/i18n.js';

// What an admin types: inputs, not texts we show.
const ASK_FOR_SUPPORT: Record<Language, string> = { sv: 'kan jag prata med supporten?', en: 'can I talk to support?' };
const YES: Record<Language, string> = { sv: 'ja', en: 'yes' };
const STOP: Record<Language, string> = { sv: 'stopp', en: 'stop' };

describe.each([['sv', 'sv-SE'], ['en', 'en-US']] as const)('%s: support asked for in the middle of a path (issue 14, item 7)', (language, locale) => {
  const t = (key: string, args?: Record<string, unknown>) => text(language, key, args);

  async function atFeeQuestion() {
    const bot = await makeTestBot({ defaultLocale: language });
    const chat = conversation(bot.adapter, { locale, channelId: 'webchat' });
    await chat.say(t('cancel:menu.cancel'));
    await chat.say(t('cancel:plan.choices.enterprise'));
    const fee = await chat.say(t('cancel:when.now'));
    expect(lastText(fee)).toBe(t('cancel:now.confirmFee'));
    return { ...bot, ...chat };
  }

  test('keeps the plan and the path for the case, records the hand-over, and stopping returns to the question', async () => {
    const { say, stores, app } = await atFeeQuestion();
    const support = await say(ASK_FOR_SUPPORT[language]);
    expect(lastText(support)).toBe(t('support:admin.ask'));
    const outcomes = await stores.outcomes.list();
    expect(outcomes.filter((record) => record.ending === 'handedToSupport')).toEqual([
      expect.objectContaining({ path: 'immediate', plan: 'enterprise', ending: 'handedToSupport' }),
    ]);
    expect(outcomes.at(-1)).toEqual(expect.objectContaining({ path: 'support', step: 'adminCheck', plan: 'enterprise' }));

    const back = await say(STOP[language]);
    expect(back.map((reply) => reply.text)).toContain(t('support:stopped'));
    expect(lastText(back)).toBe(t('cancel:now.confirmFee'));
    // The path goes on where it was: yes to the fee leads to its first step.
    expect(lastText(await say(YES[language]))).toBe(t('cancel:now.askOwnDomain', { number: 1, total: 3 }));
    await app.close();
  });

  test('the case stored from there names the plan and the path it came from', async () => {
    const { say, stores, app } = await atFeeQuestion();
    await say(ASK_FOR_SUPPORT[language]);
    await say(YES[language]);
    for (const field of ['userId', 'phone', 'contactName', 'organization', 'address']) await say(t(`support:example.${field}`));
    await say(t('support:review.confirm'));
    const [stored] = await stores.cases.list();
    expect(stored).toEqual(expect.objectContaining({ plan: 'enterprise', path: 'immediate' }));
    await app.close();
  });

  test('"start over" inside the support step reached from a path records both endings, innermost last', async () => {
    const { say, stores, app } = await atFeeQuestion();
    await say(ASK_FOR_SUPPORT[language]);
    await say(language === 'sv' ? 'börja om' : 'start over');
    const endings = (await stores.outcomes.list()).filter((record) => record.ending === 'stopped');
    expect(endings.map((record) => record.path)).toEqual(['immediate', 'support']);
    await app.close();
  });
});
