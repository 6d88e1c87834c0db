import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/domain/config.js';
import { RateLimiter } from '../../src/service/security/rateLimiter.js';
import { removeDataDir, startApp } from '../support/app.js';
import { postActivity, say } from '../support/directTurn.js';
import { DirectLineTestClient } from '../support/directLine.js';
import { text } from '../support/i18n.js';

test('defaults are generous: 60 turns a minute per conversation, 6,000 requests per client address', () => {
  expect(loadConfig({})).toMatchObject({ rateLimitConversationPerMinute: 60, rateLimitClientPerMinute: 6000 });
  expect(loadConfig({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CLIENT_PER_MINUTE: '10' })).toMatchObject({
    rateLimitConversationPerMinute: 0,
    rateLimitClientPerMinute: 10,
  });
});

test('a token bucket allows a burst up to the limit, then refills over the minute', () => {
  let now = 0;
  const limiter = new RateLimiter(6, () => now);
  expect(Array.from({ length: 7 }, () => limiter.take('a'))).toEqual([true, true, true, true, true, true, false]);
  expect(limiter.take('b')).toBe(true);
  expect(limiter.retryAfterSeconds('a')).toBe(10);
  now += 10_000;
  expect(limiter.take('a')).toBe(true);
  expect(limiter.take('a')).toBe(false);
  now += 10 * 60_000;
  limiter.take('c');
  expect(limiter.size).toBe(1);
  expect(new RateLimiter(0).take('a')).toBe(true);
});

test('over the per-conversation limit the bot says "please slow down" in the user\'s language; other conversations go on', async () => {
  const running = await startApp({ rateLimitConversationPerMinute: 4 });
  try {
    const busy = { conversationId: `busy-${randomUUID()}`, locale: 'en-US' };
    for (let i = 0; i < 4; i++) expect((await say(running.url, 'hello', busy)).length).toBeGreaterThan(0);
    expect((await say(running.url, 'hello', busy)).map((a) => a.text)).toEqual([text('en', 'security:rateLimited')]);
    const swedish = { conversationId: `busy-sv-${randomUUID()}`, locale: 'sv-SE' };
    for (let i = 0; i < 4; i++) await say(running.url, 'hej', swedish);
    expect((await say(running.url, 'hej', swedish)).map((a) => a.text)).toEqual([text('sv', 'security:rateLimited')]);

    const calm = { conversationId: `calm-${randomUUID()}`, locale: 'en-US' };
    expect((await say(running.url, 'hello', calm))[0]?.text).toBe(text('en', 'welcome.intro'));
  } finally {
    await running.close();
    removeDataDir(running.dataDir);
  }
});

test('over the per-address limit: 429 with Retry-After and the localized message, never a silent drop', async () => {
  const running = await startApp({ rateLimitClientPerMinute: 3 });
  try {
    const activity = (i: number) => ({
      type: 'message',
      text: 'hej',
      channelId: 'test',
      locale: 'sv-SE',
      conversation: { id: `flood-${i}` },
      from: { id: 'flooder' },
      recipient: { id: 'bot' },
    });
    for (let i = 0; i < 3; i++) expect((await postActivity(running.url, activity(i) as never)).status).toBe(200);
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity(4), deliveryMode: 'expectReplies' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { message: string; activities: { text: string }[] };
    expect(body.message).toBe(text('sv', 'security:rateLimited'));
    expect(body.activities.map((a) => a.text)).toEqual([text('sv', 'security:rateLimited')]);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  } finally {
    await running.close();
    removeDataDir(running.dataDir);
  }
});

describe('the local Direct Line endpoint', () => {
  test('is limited per client address too (429 with the localized message)', async () => {
    const running = await startApp({ rateLimitClientPerMinute: 2 });
    try {
      const generate = () => fetch(`${running.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en-US' }) });
      expect((await generate()).status).toBe(200);
      expect((await generate()).status).toBe(200);
      const refused = await generate();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { message: string }).message).toBe(text('en', 'security:rateLimited'));
    } finally {
      await running.close();
      removeDataDir(running.dataDir);
    }
  });

  test('is limited per conversation: the bot answers "please slow down" in the conversation', async () => {
    const running = await startApp({ rateLimitConversationPerMinute: 3 });
    try {
      const client = new DirectLineTestClient(running.url);
      await client.start('en-US');
      let { watermark } = await client.poll('');
      // Starting the conversation (the welcome) was the first turn.
      for (let i = 0; i < 2; i++) ({ watermark } = await client.say('hello', watermark, { locale: 'en-US' }));
      const refused = await client.say('hello', watermark, { locale: 'en-US' });
      expect(refused.activities.filter((a) => a.from?.role === 'bot').map((a) => a.text)).toEqual([text('en', 'security:rateLimited')]);
    } finally {
      await running.close();
      removeDataDir(running.dataDir);
    }
  });
});
