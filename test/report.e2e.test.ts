import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { parseCsv } from './support/csv.js';
import { join as joinConversation, say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { ADMIN_KEY, auth } from './support/reportSeed.js';
import type { FeedbackRecord } from '../src/domain/storage/records.js';
import type { OutcomeFunnel } from '../src/service/report/outcomeFunnel.js';

const sv = (key: string, args?: Record<string, unknown>) => text('sv', key, args);
const COMMENT = 'Det "hängde sig", ofta; =fel i åäö';

describe('feedback given in the conversation shows in the report', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ adminApiKey: ADMIN_KEY, operatorUserIds: ['operator-1'] });

    // An admin cancels Small Business now, gives a reason and a comment.
    const done = { conversationId: 'report-e2e-done', locale: 'sv-SE' };
    await joinConversation(running.url, done);
    for (const typed of ['jag vill avbryta', 'småföretag', 'nu', 'ja', 'ja', 'fortsätt', 'Ja, jag hittade det']) {
      await say(running.url, typed, done);
    }
    expect((await say(running.url, 'Tekniska problem', done))[0]?.text).toBe(sv('cancel:feedback.askComment'));
    expect((await say(running.url, COMMENT, done)).map((a) => a.text)).toContain(sv('cancel:feedback.thanks'));

    // Another starts cancelling, names the plan, and leaves.
    const left = { conversationId: 'report-e2e-left', locale: 'sv-SE' };
    await joinConversation(running.url, left);
    await say(running.url, 'jag vill avbryta', left);
    await say(running.url, 'småföretag', left);
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('the JSON API returns the stored answer', async () => {
    const response = await fetch(`${running.url}/api/feedback?reason=technicalProblems&plan=smallBusiness&language=sv`, { headers: auth });
    const body = (await response.json()) as { total: number; records: FeedbackRecord[] };
    expect(body.total).toBe(1);
    expect(body.records[0]).toMatchObject({ reason: 'technicalProblems', plan: 'smallBusiness', path: 'immediate', locale: 'sv', comment: COMMENT });
  });

  test('the CSV carries the Swedish label and the comment intact and formula-safe', async () => {
    const csv = await (await fetch(`${running.url}/api/feedback.csv?lang=sv`, { headers: auth })).text();
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(1, 4)).toEqual(['technicalProblems', sv('feedback:reasons.technicalProblems'), COMMENT]);
  });

  test('the funnel counts the finished and the abandoned conversation', async () => {
    const response = await fetch(`${running.url}/api/feedback/summary`, { headers: auth });
    const { outcomes } = (await response.json()) as { outcomes: OutcomeFunnel };
    expect(outcomes.conversations).toBe(2);
    const immediate = outcomes.paths.find((path) => path.path === 'immediate')!;
    // The feedback question after the steps does not turn the finished conversation into "left".
    expect(immediate.endings.find((ending) => ending.ending === 'immediateSteps')!.count).toBe(1);
    expect(immediate.steps.map((step) => step.step)).toContain('feedbackGiven');
    expect(outcomes.endings.find((ending) => ending.ending === 'immediateSteps')!.count).toBe(1);
    expect(outcomes.endings.find((ending) => ending.ending === 'left')!.count).toBe(1);
    expect(outcomes.escalationRate).toBe(0);
  });

  test('an operator asking in chat sees the answer counted', async () => {
    const replies = await say(running.url, 'sammanfattning av feedback', { conversationId: 'report-e2e-op', userId: 'operator-1', locale: 'sv-SE' });
    const card = replies[0]?.attachments?.[0]?.content as { fallbackText: string };
    expect(card.fallbackText).toContain(`${sv('report:chat.total')}: 1`);
    expect(card.fallbackText).toContain(sv('report:chat.reasonLine', { reason: sv('feedback:reasons.technicalProblems'), count: '1' }));
  });
});
