import { summarizeFeedback } from '../src/service/report/feedbackSummary.js';
import { outcomeFunnel } from '../src/service/report/outcomeFunnel.js';
import { csvCell } from '../src/service/report/feedbackCsv.js';
import { pageLanguage } from '../src/domain/language.js';
import { feedback, largeFeedback, largeOutcomes, milestone } from './support/reportSeed.js';

describe('outcome funnel (latest milestone per conversation)', () => {
  // a: term-end path, steps given. b: term-end, left at the fee step. c: menu → support, escalated.
  // d: question answered, then went on to immediate and left at saveData. e: menu only.
  const milestones = [
    milestone('a', '2026-11-01T10:00:00Z', { path: 'menu' }),
    milestone('a', '2026-11-01T10:01:00Z', { path: 'termEnd', step: 'fee' }),
    milestone('a', '2026-11-01T10:02:00Z', { path: 'termEnd', step: 'steps', ending: 'termEndSteps' }),
    milestone('b', '2026-11-02T10:00:00Z', { path: 'termEnd', step: 'fee' }),
    milestone('c', '2026-11-03T10:00:00Z', { path: 'menu' }),
    milestone('c', '2026-11-03T10:05:00Z', { path: 'support', step: 'details' }),
    milestone('c', '2026-11-03T10:09:00Z', { path: 'support', ending: 'escalated' }),
    milestone('d', '2026-11-04T10:00:00Z', { path: 'question', ending: 'questionAnswered' }),
    milestone('d', '2026-11-04T10:03:00Z', { path: 'immediate', step: 'domains' }),
    milestone('d', '2026-11-04T10:04:00Z', { path: 'immediate', step: 'saveData' }),
    milestone('e', '2026-11-05T10:00:00Z', { path: 'menu' }),
    // f: term-end steps given, then the feedback question on the same path: still ended with the steps.
    milestone('f', '2026-11-06T10:00:00Z', { path: 'termEnd', step: 'autoRenewSteps' }),
    milestone('f', '2026-11-06T10:01:00Z', { path: 'termEnd', ending: 'termEndSteps' }),
    milestone('f', '2026-11-06T10:02:00Z', { path: 'termEnd', step: 'feedbackGiven' }),
    // g: question answered, then started cancelling from the menu and left there.
    milestone('g', '2026-11-07T10:00:00Z', { path: 'question', step: 'trial', ending: 'questionAnswered' }),
    milestone('g', '2026-11-07T10:01:00Z', { path: 'menu', step: 'cancelStarted' }),
  ];

  // Stored order is not time order: the funnel sorts by time itself.
  const funnel = outcomeFunnel([...milestones].reverse());
  const path = (name: string) => funnel.paths.find((p) => p.path === name)!;
  const endingCount = (name: string, ending: string) => path(name).endings.find((e) => e.ending === ending)!.count;

  test('counts conversations, escalations and the escalation rate', () => {
    expect(funnel.conversations).toBe(7);
    expect(funnel.escalated).toBe(1);
    expect(funnel.escalationRate).toBeCloseTo(1 / 7);
    expect(Object.fromEntries(funnel.endings.map((e) => [e.ending, e.count]))).toMatchObject({
      termEndSteps: 2,
      escalated: 1,
      questionAnswered: 0,
      left: 4,
    });
  });

  test('per path: started, steps reached, how it ended, who went on', () => {
    expect(funnel.paths.map((p) => p.path)).toEqual(['menu', 'question', 'termEnd', 'immediate', 'support']);
    expect(path('termEnd')).toMatchObject({
      started: 3,
      steps: [
        { step: 'fee', reached: 2 },
        { step: 'steps', reached: 1 },
        { step: 'autoRenewSteps', reached: 1 },
        { step: 'feedbackGiven', reached: 1 },
      ],
      left: [{ step: 'fee', count: 1 }],
      movedOn: 0,
      escalationRate: 0,
    });
    expect(endingCount('termEnd', 'termEndSteps')).toBe(2);
    expect(path('menu')).toMatchObject({
      started: 4,
      left: [
        { step: '', count: 1 },
        { step: 'cancelStarted', count: 1 },
      ],
      movedOn: 2,
    });
    expect(path('support')).toMatchObject({ started: 1, escalationRate: 1, movedOn: 0 });
    // d answered a question, then left the immediate path at saveData: its latest milestone decides.
    expect(path('question')).toMatchObject({ started: 2, movedOn: 2 });
    expect(endingCount('question', 'questionAnswered')).toBe(0);
    expect(path('immediate').left).toEqual([{ step: 'saveData', count: 1 }]);
  });

  test('no milestones: zero conversations and no rate', () => {
    expect(outcomeFunnel([])).toMatchObject({ conversations: 0, escalated: 0, escalationRate: null, paths: [] });
  });

  test('10,000 conversations add up: every conversation ends once', () => {
    const large = outcomeFunnel(largeOutcomes(10_000));
    expect(large.conversations).toBe(10_000);
    expect(large.endings.reduce((sum, e) => sum + e.count, 0)).toBe(10_000);
    expect(large.paths.find((p) => p.path === 'menu')!.started).toBe(10_000);
    for (const p of large.paths) {
      const ended = p.endings.reduce((s, e) => s + e.count, 0) + p.left.reduce((s, l) => s + l.count, 0);
      expect(ended + p.movedOn).toBe(p.started);
    }
  });
});

describe('feedback summary', () => {
  test('no feedback: zero counts, no share, no weeks', () => {
    const summary = summarizeFeedback([], 'Europe/Stockholm');
    expect(summary).toMatchObject({ total: 0, declined: 0, declinedShare: null, weeks: [], latestComments: [] });
    expect(summary.reasons.every((r) => r.count === 0)).toBe(true);
  });

  test('weeks without feedback are listed with zeros so the time axis is even', () => {
    const summary = summarizeFeedback(
      [feedback('2026-11-02T12:00:00Z'), feedback('2026-11-25T12:00:00Z', { reason: null })],
      'Europe/Stockholm',
    );
    expect(summary.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(summary.weeks[1]!.counts.tooExpensive).toBe(0);
    expect(summary.weeks[3]!.counts.declined).toBe(1);
  });

  test('10,000 answers: counts add up, at most 20 comments, newest first', () => {
    const records = largeFeedback(10_000);
    const summary = summarizeFeedback(records, 'Europe/Stockholm');
    expect(summary.total).toBe(10_000);
    expect(summary.reasons.reduce((sum, r) => sum + r.count, 0)).toBe(10_000);
    expect(summary.plans.reduce((sum, p) => sum + p.count, 0)).toBe(10_000);
    expect(summary.weeks.reduce((sum, w) => sum + Object.values(w.counts).reduce((a, b) => a + b, 0), 0)).toBe(10_000);
    expect(summary.weeks.length).toBeGreaterThanOrEqual(52);
    expect(summary.latestComments).toHaveLength(20);
    const times = summary.latestComments.map((c) => c.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // What the page downloads stays small whatever the number of answers.
    expect(JSON.stringify(summary).length).toBeLessThan(64 * 1024);
  });
});

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+46 8 123', "'+46 8 123"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['=a,b', `"'=a,b"`],
    ['åäö', 'åäö'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('report page language', () => {
  test.each([
    ['sv', undefined, 'sv'],
    ['en', 'sv-SE', 'en'],
    [undefined, 'sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    [undefined, 'en-GB,en;q=0.9,sv;q=0.8', 'en'],
    [undefined, 'de-DE;q=0.5,sv;q=0.9', 'sv'],
    [undefined, 'fi-FI', 'en'],
    [undefined, 'fi-FI,sv;q=0.5', 'sv'],
    [undefined, undefined, 'sv'],
    [undefined, '*', 'sv'],
  ] as const)('lang=%s, Accept-Language %s → %s', (lang, accept, expected) => {
    expect(pageLanguage(lang, accept, 'sv')).toBe(expected);
  });
});
