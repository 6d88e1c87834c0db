import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { parseCsv } from './support/csv.js';
import { text } from './support/i18n.js';
import { ADMIN_KEY, auth, SEEDED_FEEDBACK } from './support/reportSeed.js';
import type { FeedbackRecord } from '../src/domain/storage/records.js';

interface FeedbackPage {
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
  records: FeedbackRecord[];
}

let running: RunningApp;

beforeAll(async () => {
  running = await startApp({ adminApiKey: ADMIN_KEY });
  for (const record of SEEDED_FEEDBACK) await running.app.stores.feedback.insert(record);
});
afterAll(async () => {
  await running.close();
  removeDataDir(running.dataDir);
});

async function getJson<T>(path: string, headers: Record<string, string> = auth): Promise<{ status: number; body: T }> {
  const response = await fetch(`${running.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

const page = (query = '') => getJson<FeedbackPage>(`/api/feedback${query}`);
const comments = (records: FeedbackRecord[]) => records.map((record) => record.comment ?? '');

describe('GET /api/feedback: the admin key', () => {
  test.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer wrong-key-0123456789' }],
    ['the right key with the Basic scheme', { authorization: `Basic ${ADMIN_KEY}` }],
    ['the key with one character missing', { authorization: `Bearer ${ADMIN_KEY.slice(0, -1)}` }],
  ])('%s gets 401 and no records', async (_case, headers) => {
    const response = await fetch(`${running.url}/api/feedback`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.records).toBeUndefined();
  });

  test.each(['/api/feedback.csv', '/api/feedback/summary'])('%s also needs the key', async (path) => {
    expect((await fetch(`${running.url}${path}`)).status).toBe(401);
  });
});

describe('GET /api/feedback: records and filters', () => {
  test('returns every record, newest first, with the total', async () => {
    const { status, body } = await page();
    expect(status).toBe(200);
    expect(body.total).toBe(10);
    expect(body.records.map((r) => r.createdAt)).toEqual(SEEDED_FEEDBACK.map((r) => r.createdAt).reverse());
    expect(body.records[0]).toEqual(SEEDED_FEEDBACK[9]);
  });

  test('from and to are whole days in Stockholm time', async () => {
    const { body } = await page('?from=2026-11-09&to=2026-11-12');
    expect(body.records.map((r) => r.createdAt.slice(0, 10))).toEqual(['2026-11-12', '2026-11-11', '2026-11-10', '2026-11-09']);
    // 23:30 UTC on the 18th is the 19th in Stockholm: in the 19th, not in the 18th.
    expect((await page('?from=2026-11-19&to=2026-11-19')).body.total).toBe(1);
    expect((await page('?from=2026-11-18&to=2026-11-18')).body.total).toBe(0);
  });

  test('plan, language and reason filter, also combined and as comma lists', async () => {
    expect((await page('?plan=enterprise')).body.total).toBe(3);
    expect((await page('?plan=smallBusiness,trial')).body.total).toBe(5);
    expect((await page('?language=en')).body.records.every((r) => r.locale === 'en')).toBe(true);
    expect((await page('?language=en')).body.total).toBe(4);
    expect((await page('?reason=tooExpensive')).body.total).toBe(3);
    const combined = await page('?reason=tooExpensive&language=en&plan=smallBusiness');
    expect(comments(combined.body.records)).toEqual(['Price went up, "again", and again']);
  });

  test('reason=declined finds the answers where the admin declined', async () => {
    const { body } = await page('?reason=declined');
    expect(body.total).toBe(3);
    expect(body.records.every((r) => r.reason === null)).toBe(true);
    expect((await page('?reason=declined,other')).body.total).toBe(4);
  });

  test('pages with limit and offset cover every record once', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const { body }: { body: FeedbackPage } = await page(`?limit=3&offset=${offset}`);
      expect(body).toMatchObject({ total: 10, limit: 3, offset });
      expect(body.records.length).toBeLessThanOrEqual(3);
      seen.push(...body.records.map((r) => r.id));
      offset = body.nextOffset;
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(10);
    expect(seen).toEqual((await page()).body.records.map((r) => r.id));
  });

  test('an offset past the end gives an empty page with the total', async () => {
    const { status, body } = await page('?offset=50');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 10, records: [], nextOffset: null });
  });
});

describe('GET /api/feedback: bad parameters get 400 naming the parameter', () => {
  test.each([
    ['?from=2026-13-01', 'from', /YYYY-MM-DD/],
    ['?to=yesterday', 'to', /YYYY-MM-DD/],
    ['?from=2026-11-20&to=2026-11-01', 'from', /after "to"/],
    ['?plan=gold', 'plan', /smallBusiness/],
    ['?language=fr', 'language', /sv, en/],
    ['?reason=bored', 'reason', /declined/],
    ['?limit=0', 'limit', /1 to 1000/],
    ['?limit=abc', 'limit', /whole number/],
    ['?limit=5000', 'limit', /1 to 1000/],
    ['?offset=-1', 'offset', /whole number/],
    ['?langauge=sv', 'langauge', /Unknown parameter/],
    ['?plan=trial&plan=enterprise', 'plan', /more than once/],
  ])('%s', async (query, parameter, message) => {
    const { status, body } = await getJson<{ parameter: string; message: string }>(`/api/feedback${query}`);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.message).toContain(`"${parameter}"`);
    expect(body.message).toMatch(message);
  });

  test('the CSV and summary endpoints check their parameters the same way', async () => {
    for (const path of ['/api/feedback.csv?reason=bored', '/api/feedback/summary?reason=bored']) {
      const { status, body } = await getJson<{ parameter: string }>(path);
      expect(status).toBe(400);
      expect(body.parameter).toBe('reason');
    }
    expect((await getJson<{ parameter: string }>('/api/feedback.csv?lang=fi')).body.parameter).toBe('lang');
    expect((await getJson<{ parameter: string }>('/api/feedback/summary?limit=5')).body.parameter).toBe('limit');
  });
});

describe('GET /api/feedback.csv', () => {
  async function csv(query = '') {
    const response = await fetch(`${running.url}/api/feedback.csv${query}`, { headers: auth });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { response, bytes, body: bytes.toString('utf8') };
  }

  test('is UTF-8 with a BOM and CRLF line ends, offered as a download', async () => {
    const { response, bytes, body } = await csv();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.replace(/"[^"]*"/g, '').split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  test('parses back to one row per record with the header in Swedish, comments intact', async () => {
    const { body } = await csv('?lang=sv');
    const [header, ...rows] = parseCsv(body.slice(1));
    expect(header).toEqual(
      ['createdAt', 'reason', 'reasonLabel', 'comment', 'plan', 'path', 'language', 'id'].map((c) => text('sv', `report:csv.columns.${c}`)),
    );
    expect(rows).toHaveLength(10);
    const byId = new Map(rows.map((row) => [row[7], row]));
    for (const record of SEEDED_FEEDBACK) {
      const row = byId.get(record.id)!;
      expect(row[0]).toBe(record.createdAt);
      expect(row[4]).toBe(record.plan ?? '');
      expect(row[6]).toBe(record.locale);
    }
    const first = byId.get(SEEDED_FEEDBACK[0]!.id)!;
    expect(first[3]).toBe('För dyrt för oss, tyvärr – åäö ÅÄÖ');
    expect(first[2]).toBe(text('sv', 'feedback:reasons.tooExpensive'));
    expect(byId.get(SEEDED_FEEDBACK[1]!.id)![3]).toBe('Price went up, "again", and again');
    expect(byId.get(SEEDED_FEEDBACK[3]!.id)![3]).toBe('Line one\nLine two, with comma');
    const declined = byId.get(SEEDED_FEEDBACK[2]!.id)!;
    expect(declined.slice(1, 3)).toEqual(['declined', text('sv', 'report:reasons.declined')]);
  });

  test('cells a spreadsheet would run as formulas start with an apostrophe', async () => {
    const rows = parseCsv((await csv()).body.slice(1));
    const cell = (index: number) => rows.find((row) => row[7] === SEEDED_FEEDBACK[index]!.id)![3];
    expect(cell(4)).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell(6)).toBe("'-2 stjärnor; @support svarade aldrig");
    expect(cell(8)).toBe('<img src=x onerror="alert(1)">');
  });

  test('lang=en gives English headers and labels; filters apply; semicolons on request', async () => {
    const english = parseCsv((await csv('?lang=en&reason=declined')).body.slice(1));
    expect(english[0]![2]).toBe(text('en', 'report:csv.columns.reasonLabel'));
    expect(english).toHaveLength(4);
    expect(english.slice(1).every((row) => row[2] === text('en', 'report:reasons.declined'))).toBe(true);

    const semicolons = parseCsv((await csv('?delimiter=semicolon')).body.slice(1), ';');
    expect(semicolons).toHaveLength(11);
    expect(semicolons.find((row) => row[7] === SEEDED_FEEDBACK[6]!.id)![3]).toBe("'-2 stjärnor; @support svarade aldrig");
  });
});

describe('GET /api/feedback/summary', () => {
  test('counts by reason, week, plan and language, and the declined share', async () => {
    const { status, body } = await getJson<{ feedback: Record<string, unknown> }>('/api/feedback/summary');
    expect(status).toBe(200);
    const summary = body.feedback as {
      total: number;
      declined: number;
      declinedShare: number;
      reasons: { reason: string; count: number }[];
      weeks: { week: string; start: string; counts: Record<string, number> }[];
      plans: { plan: string; count: number }[];
      languages: { language: string; count: number }[];
      latestComments: { comment: string }[];
    };
    expect(summary).toMatchObject({ total: 10, declined: 3, declinedShare: 0.3 });
    const reasons = Object.fromEntries(summary.reasons.map((r) => [r.reason, r.count]));
    expect(reasons).toMatchObject({ tooExpensive: 3, missingFeatures: 2, technicalProblems: 1, other: 1, declined: 3, companyChange: 0 });
    expect(summary.weeks.map((w) => [w.week, w.start])).toEqual([
      ['2026-W45', '2026-11-02'],
      ['2026-W46', '2026-11-09'],
      ['2026-W47', '2026-11-16'],
    ]);
    expect(summary.weeks[0]!.counts).toMatchObject({ tooExpensive: 2, declined: 1, missingFeatures: 0 });
    expect(summary.weeks[2]!.counts).toMatchObject({ tooExpensive: 1, other: 1, declined: 1 });
    expect(Object.fromEntries(summary.plans.map((p) => [p.plan, p.count]))).toMatchObject({
      smallBusiness: 4,
      enterprise: 3,
      trial: 1,
      midsizeBusiness: 0,
      unknown: 2,
    });
    expect(summary.languages).toEqual([
      { language: 'sv', count: 6 },
      { language: 'en', count: 4 },
    ]);
    expect(summary.latestComments.map((c) => c.comment)).toEqual(
      [...SEEDED_FEEDBACK].reverse().filter((r) => r.comment).map((r) => r.comment),
    );
  });

  test('filters narrow the summary', async () => {
    const { body } = await getJson<{ feedback: { total: number; declined: number } }>('/api/feedback/summary?language=en');
    expect(body.feedback).toMatchObject({ total: 4, declined: 1 });
  });
});

describe('GET /admin/feedback: the page', () => {
  test('is public HTML without data, locked to its own scripts, in the language asked for', async () => {
    const response = await fetch(`${running.url}/admin/feedback?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h1>${text('en', 'report:page.title')}</h1>`);
    for (const record of SEEDED_FEEDBACK) if (record.comment) expect(html).not.toContain(record.comment);
    expect(html).not.toContain(ADMIN_KEY);
  });

  test('picks Swedish from Accept-Language', async () => {
    const response = await fetch(`${running.url}/admin/feedback`, { headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } });
    expect(await response.text()).toContain(`<h1>${text('sv', 'report:page.title')}</h1>`);
    expect(response.headers.get('content-language')).toBe('sv');
  });

  test('serves Chart.js from node_modules and its own script and stylesheet', async () => {
    const chart = await fetch(`${running.url}/admin/feedback/assets/chart.umd.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chart.text()).toMatch(/Chart\.js v4/);
    expect((await fetch(`${running.url}/admin/feedback/assets/report.js`)).status).toBe(200);
    expect((await fetch(`${running.url}/admin/feedback/assets/report.css`)).status).toBe(200);
    expect((await fetch(`${running.url}/admin/feedback/assets/constructor`)).status).toBe(404);
  });
});

describe('with ADMIN_API_KEY unset', () => {
  let off: RunningApp;
  beforeAll(async () => {
    off = await startApp({ adminApiKey: undefined });
  });
  afterAll(async () => {
    await off.close();
    removeDataDir(off.dataDir);
  });

  test.each(['/api/feedback', '/api/feedback.csv', '/api/feedback/summary', '/admin/feedback', '/admin/feedback/assets/report.js'])(
    '%s answers 404, with or without a key',
    async (path) => {
      expect((await fetch(`${off.url}${path}`)).status).toBe(404);
      expect((await fetch(`${off.url}${path}`, { headers: auth })).status).toBe(404);
    },
  );
});
