import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/domain/config.js';
import { createLogger } from '../../src/domain/logger.js';
import { hashId } from '../../src/domain/outcomes.js';
import { purgeExpiredCases, startCaseRetention } from '../../src/service/privacy/caseRetention.js';
import { createStores } from '../../src/domain/storage/index.js';
import { MemoryRecordStore, type CaseRecord } from '../../src/domain/storage/records.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from '../support/app.js';
import { say, type TurnOptions } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { storedFiles } from '../support/storedDocuments.js';

const DETAILS = {
  userId: 'britt.marie.kallstrom@fabrikam.se',
  phone: '070-987 65 43',
  contactName: 'Britt-Marie Källström',
  organization: 'Fabrikam Konsult AB',
  address: 'Kvarngatan 17, 118 47 Stockholm',
};
/** Each value, and the forms the bot may store it in (the phone number normalized). */
const SECRETS = ['britt.marie', 'fabrikam.se', '070-987', '+46709876543', '709876543', 'Källström', 'Fabrikam Konsult', 'Kvarngatan', '118 47'];

const texts = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
const onDisk = (dataDir: string, folder: string) =>
  storedFiles(dataDir)
    .filter((file) => file.includes(`/${folder}/`))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

/** A whole escalation in Swedish over HTTP: menu → support → admin → five details → confirm. */
async function escalate(url: string, conversation: TurnOptions): Promise<string[]> {
  const all: string[] = [];
  const step = async (message: string) => {
    const replies = texts(await say(url, message, conversation));
    all.push(...replies);
    return replies;
  };
  expect((await step('hej'))[0]).toBe(text('sv', 'welcome.intro'));
  expect((await step('7')).join('\n')).toContain(text('sv', 'support:admin.ask'));
  expect(await step('ja')).toEqual([text('sv', 'support:collect.intro'), text('sv', 'support:ask.userId')]);
  expect(await step(DETAILS.userId)).toEqual([text('sv', 'support:ask.phone')]);
  expect(await step(DETAILS.phone)).toEqual([text('sv', 'support:ask.contactName')]);
  expect(await step(DETAILS.contactName)).toEqual([text('sv', 'support:ask.organization')]);
  expect(await step(DETAILS.organization)).toEqual([text('sv', 'support:ask.address')]);
  await step(DETAILS.address);
  const final = await step(text('sv', 'support:review.confirm'));
  expect(final.join('\n')).toMatch(/CA-[0-9A-Z]{6}/);
  return all;
}

describe('personal data', () => {
  let running: RunningApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    running = await startApp({}, { logger: createLogger('debug', (line) => logLines.push(line)) });
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('a whole escalation: the verification details are in the case record only, never in a log line or in state', async () => {
    const userId = `29:user-${randomUUID()}`;
    await escalate(running.url, { conversationId: `pd-${randomUUID()}`, userId, locale: 'sv-SE' });

    const [stored] = await running.app.stores.cases.list({ where: (c) => c.userKey === hashId(userId) });
    expect(stored?.details).toMatchObject({ userId: DETAILS.userId, contactName: DETAILS.contactName, organization: DETAILS.organization });
    expect(onDisk(running.dataDir, 'cases')).toContain('Källström');

    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    for (const secret of SECRETS) expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
    expect(log).toContain(stored!.reference);

    const state = onDisk(running.dataDir, 'state');
    for (const secret of SECRETS) expect({ secret, inState: state.includes(secret) }).toEqual({ secret, inState: false });
    for (const folder of ['outcomes', 'feedback']) {
      const records = onDisk(running.dataDir, folder);
      for (const secret of [...SECRETS, userId]) expect({ folder, secret, found: records.includes(secret) }).toEqual({ folder, secret, found: false });
    }
  }, 60_000);

  test('"radera mina uppgifter" asks first; "nej" keeps everything; "ja" removes the user\'s cases, user state and conversation state', async () => {
    const userId = `29:user-${randomUUID()}`;
    const conversation = { conversationId: `erase-${randomUUID()}`, userId, locale: 'sv-SE' };
    await escalate(running.url, conversation);
    const otherUser = `29:other-${randomUUID()}`;
    await escalate(running.url, { conversationId: `other-${randomUUID()}`, userId: otherUser, locale: 'sv-SE' });
    await say(running.url, 'english', conversation);
    await say(running.url, 'svenska', conversation);
    const mine = () => running.app.stores.cases.list({ where: (c) => c.userKey === hashId(userId) });
    const stateKeys = [`test/conversations/${conversation.conversationId}/`, `test/users/${userId}/`];
    expect(await mine()).toHaveLength(1);
    expect(Object.keys(await running.app.stores.state.read(stateKeys))).toHaveLength(2);

    expect(texts(await say(running.url, 'Radera mina uppgifter', conversation)).join('\n')).toContain(text('sv', 'privacy:confirm'));
    expect(texts(await say(running.url, 'nej', conversation))).toEqual(
      expect.arrayContaining([text('sv', 'privacy:kept')]),
    );
    expect(await mine()).toHaveLength(1);

    await say(running.url, 'radera mina uppgifter', conversation);
    expect(texts(await say(running.url, 'ja', conversation))).toEqual([text('sv', 'privacy:deleted')]);
    expect(await mine()).toEqual([]);
    expect(await running.app.stores.state.read(stateKeys)).toEqual({});
    expect(await running.app.stores.cases.list({ where: (c) => c.userKey === hashId(otherUser) })).toHaveLength(1);
    expect(logLines.some((line) => line.includes('"user data deleted"') && line.includes('"cases":1'))).toBe(true);

    // The conversation starts afresh.
    expect(texts(await say(running.url, 'hej', conversation))[0]).toBe(text('sv', 'welcome.intro'));
  }, 60_000);

  test('feedback records hold no personal data: no user or conversation id, no contact details from the comment', async () => {
    const userId = `29:feedback-${randomUUID()}`;
    const conversationId = `feedback-${randomUUID()}`;
    const conversation = { conversationId, userId, locale: 'sv-SE' };
    for (const message of ['hej', '1', 'Small Business', '1', 'nej', 'Tekniska problem']) await say(running.url, message, conversation);
    await say(running.url, `Ring ${DETAILS.phone} eller mejla ${DETAILS.userId}`, conversation);

    const [record] = await running.app.stores.feedback.list({ where: (r) => r.reason === 'technicalProblems' });
    expect(record).toBeDefined();
    // The comment was kept, with the contact details blanked.
    expect(record!.comment).toMatch(/^Ring .+ eller mejla .+$/);
    expect(Object.keys(record!).sort()).toEqual(expect.arrayContaining(['createdAt', 'id', 'locale', 'reason']));
    for (const key of Object.keys(record!)) expect(['id', 'createdAt', 'reason', 'comment', 'plan', 'path', 'locale']).toContain(key);
    const stored = JSON.stringify(record);
    for (const value of [userId, hashId(userId), conversationId, hashId(conversationId), ...SECRETS]) {
      expect({ value, stored: stored.includes(value) }).toEqual({ value, stored: false });
    }
  });

  test('"delete my data" works in English too, even as the first message of a new conversation', async () => {
    const conversation = { conversationId: `erase-en-${randomUUID()}`, userId: `29:en-${randomUUID()}`, locale: 'en-US' };
    expect(texts(await say(running.url, 'Delete my data', conversation))[0]).toContain(text('en', 'privacy:confirm'));
    expect(texts(await say(running.url, 'yes', conversation))).toEqual([text('en', 'privacy:deleted')]);
  });
});

describe('case retention (CASE_RETENTION_DAYS)', () => {
  const caseCreated = (daysAgo: number, now: Date): CaseRecord => ({
    id: randomUUID(),
    createdAt: new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000).toISOString(),
    reference: `CA-${daysAgo}`,
    locale: 'sv',
    userKey: hashId('someone'),
    details: { contactName: 'Someone' },
    transcriptSummary: [],
  });

  test('defaults to 30 days', () => {
    expect(loadConfig({}).caseRetentionDays).toBe(30);
    expect(loadConfig({ CASE_RETENTION_DAYS: '7' }).caseRetentionDays).toBe(7);
  });

  test('cases older than the retention period are deleted at start-up; newer ones stay', async () => {
    const dataDir = makeDataDir();
    try {
      const now = new Date();
      const cases = createStores({ dataDir }).cases;
      for (const daysAgo of [0, 10, 29.9, 30.1, 45, 400]) await cases.insert(caseCreated(daysAgo, now));
      const running = await startApp({ dataDir, caseRetentionDays: 30 });
      try {
        expect((await running.app.stores.cases.list()).map((c) => c.reference).sort()).toEqual(['CA-0', 'CA-10', 'CA-29.9']);
      } finally {
        await running.close();
      }
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('and again every day, on a timer that does not keep the process alive', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      let now = new Date('2027-01-01T12:00:00Z');
      const cases = new MemoryRecordStore<CaseRecord>();
      await cases.insert(caseCreated(20, now));
      const retention = startCaseRetention(cases, 30, createLogger('silent'), () => now);
      expect(await retention.initial).toBe(0);
      now = new Date('2027-01-12T12:00:00Z');
      await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(await cases.list()).toEqual([]);
      retention.stop();
    } finally {
      jest.useRealTimers();
    }
    expect(await purgeExpiredCases(new MemoryRecordStore<CaseRecord>(), 30)).toBe(0);
  });
});
