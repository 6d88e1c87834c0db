import { daysFromToday, formatDate } from '../src/dates.js';
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
    const feedback = await running.app.stores.feedback.list();
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
    const outcomes = await running.app.stores.outcomes.list({ where: (record) => record.path === 'immediate' });
    expect(outcomes.map((record) => record.ending).filter(Boolean)).toEqual(['immediateSteps']);
  });
});
