import { daysFromToday, formatDate } from '../src/domain/dates.js';
import { hashId } from '../src/domain/outcomes.js';
import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { join as joinConversation, say, visibleText } from './support/directTurn.js';
import { text } from './support/i18n.js';

const sv = (key: string, args?: Record<string, unknown>) => text('sv', key, args);

describe('the cancellation conversation over HTTP (real server, expectReplies)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ defaultTimezone: 'Europe/Stockholm' });
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('Swedish, Small Business, cancelling now: F09 first, domains, data, portal steps, F03, and the feedback is stored', async () => {
    const conversation = { conversationId: 'e2e-sv-immediate', locale: 'sv-SE' };
    const seen: string[] = [];
    const turn = async (typed: string) => {
      const replies = await say(running.url, typed, conversation);
      seen.push(visibleText(replies));
      return replies;
    };
    await joinConversation(running.url, conversation);
    expect((await turn('jag vill avbryta')).map((a) => a.text)).toEqual([sv('cancel:plan.prompt')]);
    await turn('småföretag');
    expect((await turn('nu'))[0]?.text).toBe(sv('facts:F09.fee'));
    await turn('ja');
    await turn('ja');
    await turn('fortsätt');
    const wrapUp = await turn('Ja, jag hittade det');
    expect(visibleText(wrapUp)).toContain(sv('facts:F03.reactivateUntil', { date: formatDate(daysFromToday('Europe/Stockholm', 90), 'sv') }));
    expect(await turn('Tekniska problem')).toEqual([expect.objectContaining({ text: sv('cancel:feedback.askComment') })]);
    await turn('nej tack');

    const transcript = seen.join('\n');
    const order = [sv('facts:F09.fee'), sv('facts:F10.domains'), sv('facts:F11.saveData'), sv('facts:F12.step1'), sv('facts:F05.askWhy'), sv('cancel:feedback.thanks')].map(
      (part) => transcript.indexOf(part),
    );
    expect(order.every((position, index) => position >= 0 && (index === 0 || position > order[index - 1]!))).toBe(true);

    // Stored on disk (lowdb), without a comment ("nej tack") and without personal data.
    const feedback = await running.app.stores.feedback.list({ where: (record) => record.plan === 'smallBusiness' });
    expect(feedback).toEqual([
      {
        id: expect.any(String),
        createdAt: expect.any(String),
        reason: 'technicalProblems',
        plan: 'smallBusiness',
        path: 'immediate',
        locale: 'sv',
      },
    ]);
    const outcomes = await running.app.stores.outcomes.list({
      where: (record) => record.path === 'immediate' && record.conversationKey === hashId(conversation.conversationId),
    });
    expect(outcomes.map((record) => record.ending).filter(Boolean)).toEqual(['immediateSteps']);
  });

  test('English, Enterprise, cancelling now: support takes over; handoff.initiate, the stored case and the stored feedback', async () => {
    const conversation = { conversationId: 'e2e-en-enterprise', locale: 'en-US', userId: 'admin-7' };
    const en = (key: string, args?: Record<string, unknown>) => text('en', key, args);
    await say(running.url, 'hello', conversation);
    await say(running.url, en('cancel:menu.cancel'), conversation);
    expect((await say(running.url, 'E3', conversation)).at(-1)?.text).toContain(en('facts:F07.yearly'));
    await say(running.url, 'now', conversation);
    await say(running.url, 'yes', conversation);
    await say(running.url, 'no', conversation);
    const step3 = await say(running.url, en('cancel:now.continue'), conversation);
    expect(visibleText(step3)).toContain(en('facts:F13.callSupport'));
    await say(running.url, 'yes', conversation);
    for (const detail of ['asa.oberg@contoso.se', '+46 70 123 45 67', 'Åsa Öberg-Lindqvist', 'Contoso AB', 'Storgatan 1, 123 45 Stockholm']) {
      await say(running.url, detail, conversation);
    }
    const escalated = await say(running.url, en('support:review.confirm'), conversation);
    const handoff = escalated.find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    expect(handoff).toBeDefined();
    const cases = await running.app.stores.cases.list({ where: (record) => record.path === 'immediate' });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ plan: 'enterprise', locale: 'en', details: expect.objectContaining({ phone: '+46701234567' }) });
    expect(JSON.stringify(handoff)).toContain(cases[0]!.reference);
    expect(visibleText(escalated)).toContain(en('cancel:checklist.items.callSupportWithReference', { reference: cases[0]!.reference }));
    expect(escalated.at(-1)?.text).toContain(en('facts:F05.askWhy'));

    await say(running.url, en('feedback:reasons.movingToAnotherProduct'), conversation);
    await say(running.url, 'Moving to another suite', conversation);
    const feedback = await running.app.stores.feedback.list({ where: (record) => record.plan === 'enterprise' });
    expect(feedback).toEqual([
      expect.objectContaining({ reason: 'movingToAnotherProduct', comment: 'Moving to another suite', path: 'immediate', locale: 'en' }),
    ]);
  });
});
