import type { Activity } from 'botbuilder';
import { registerDirectLineRoutes } from '../src/service/directline/routes.js';
import { removeDataDir, startApp, useRunningApp } from './support/app.js';
import { DirectLineTestClient } from './support/directLine.js';
import { text } from './support/i18n.js';

const botTexts = (activities: Activity[]) => activities.filter((a) => a.from?.role === 'bot').map((a) => a.text);

describe('the Direct Line endpoint feeding the bot', () => {
  const app = useRunningApp();

  test('a conversation starts with the bot welcoming in the page locale, and the first poll has an empty watermark', async () => {
    const client = new DirectLineTestClient(app.current.url);
    const started = await client.start('sv-SE');
    expect(started).toEqual({ conversationId: expect.any(String), token: client.token, expires_in: expect.any(Number) });
    expect(started.expires_in).toBeGreaterThan(60);

    const first = await client.poll('');
    expect(botTexts(first.activities)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
    for (const activity of first.activities) {
      expect(activity).toMatchObject({
        type: 'message',
        from: { role: 'bot' },
        conversation: { id: client.conversationId },
        id: expect.stringContaining(client.conversationId),
        timestamp: expect.any(String),
      });
    }
    expect(first.activities[1]?.suggestedActions?.actions.map((a) => a.title)).toContain(text('sv', 'menu.topics.productKey'));
    expect(first.watermark).toMatch(/^\d+$/);
  });

  test("the user's message comes back with its clientActivityID and from.id, followed by the bot's answer", async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const { watermark } = await client.poll('');
    const reply = await client.say(text('sv', 'menu.topics.productKey'), watermark, {
      channelData: { clientActivityID: 'client-42', clientTimestamp: new Date().toISOString() },
      locale: 'sv-SE',
    });
    const echo = reply.activities[0];
    expect(echo).toMatchObject({
      id: reply.id,
      from: { id: client.userId, role: 'user' },
      channelData: { clientActivityID: 'client-42' },
      text: text('sv', 'menu.topics.productKey'),
    });
    expect(botTexts(reply.activities)[0]).toBe(text('sv', 'facts:F02.productKey'));
    expect(reply.activities.find((a) => a.from?.role === 'bot')?.replyToId).toBe(reply.id);
    expect(Number(reply.watermark)).toBeGreaterThan(Number(watermark));

    const nothingNew = await client.poll(reply.watermark);
    expect(nothingNew).toEqual({ activities: [], watermark: reply.watermark });
  });

  test('the locale of each activity is passed to the bot: English activities get English answers', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('en-US');
    const welcome = await client.poll('');
    expect(botTexts(welcome.activities)[0]).toBe(text('en', 'welcome.intro'));
    const reply = await client.say(text('en', 'menu.topics.reactivate'), welcome.watermark, { locale: 'en-US' });
    expect(botTexts(reply.activities)[0]).toBe(text('en', 'facts:F03.reactivate'));
    expect(reply.activities[0]?.locale).toBe('en-US');
  });

  test("the user's time zone from Web Chat is passed on with the activity", async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const { watermark } = await client.poll('');
    const reply = await client.say(text('sv', 'menu.topics.trial'), watermark, { localTimezone: 'Europe/Stockholm', locale: 'sv-SE' });
    expect(reply.activities[0]).toMatchObject({ localTimezone: 'Europe/Stockholm', locale: 'sv-SE' });
  });

  test('the same bot state and storage as /api/messages: the conversation is saved in the store', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const key = `directline/conversations/${client.conversationId}/`;
    const stored = await app.current.app.stores.state.read([key]);
    expect(stored[key]).toMatchObject({ flags: { welcomed: true } });
  });

  test('a token refresh gives a new token that works; reconnecting answers the conversation', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const refreshed = await client.request('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: client.conversationId, token: expect.any(String), expires_in: expect.any(Number) });
    client.token = refreshed.body.token as string;
    const reconnect = await client.request('GET', `/conversations/${client.conversationId}?watermark=1`);
    expect(reconnect).toEqual({ status: 200, body: { conversationId: client.conversationId, token: client.token, expires_in: expect.any(Number) } });
    expect((await client.poll('')).activities.length).toBeGreaterThan(0);
  });

  test('without a token: 401; a forged or altered token: 401', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const id = client.conversationId;
    for (const [method, path] of [
      ['POST', '/conversations'],
      ['GET', `/conversations/${id}`],
      ['GET', `/conversations/${id}/activities?watermark=`],
      ['POST', `/conversations/${id}/activities`],
      ['POST', '/tokens/refresh'],
    ] as const) {
      expect((await client.request(method, path, { token: null, body: method === 'POST' ? { type: 'message', text: 'hej' } : undefined })).status).toBe(401);
    }
    const [payload, signature] = client.token.split('.');
    const forged = `${payload}.${signature?.slice(0, -2)}AA`;
    expect((await client.request('GET', `/conversations/${id}/activities`, { token: forged })).status).toBe(401);
    expect((await client.request('GET', `/conversations/${id}/activities`, { token: 'not-a-token' })).status).toBe(401);
  });

  test("another conversation's token: 403 for reading, posting and reconnecting", async () => {
    const alice = new DirectLineTestClient(app.current.url);
    const mallory = new DirectLineTestClient(app.current.url);
    await alice.start('sv-SE');
    await mallory.start('sv-SE');
    const id = alice.conversationId;
    expect((await mallory.request('GET', `/conversations/${id}/activities?watermark=`)).status).toBe(403);
    expect((await mallory.request('POST', `/conversations/${id}/activities`, { body: { type: 'message', text: 'hej' } })).status).toBe(403);
    expect((await mallory.request('GET', `/conversations/${id}`)).status).toBe(403);
    // Alice's transcript holds only the welcome: nothing was posted into it.
    expect((await alice.poll('')).activities.every((a) => a.from?.role === 'bot')).toBe(true);
  });

  test('posting as another user, a bad activity type or a bad watermark is refused with a clear status', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    expect((await client.post({ text: 'hej', from: { id: 'someone-else', name: 'x' } })).status).toBe(403);
    expect((await client.post({ type: 'conversationUpdate' })).status).toBe(400);
    expect((await client.request('GET', `/conversations/${client.conversationId}/activities?watermark=abc`)).status).toBe(400);
  });
});

describe('Direct Line limits', () => {
  const app = useRunningApp({ webChatEnabled: false });
  let clock = Date.now();
  beforeAll(() => {
    registerDirectLineRoutes(app.current.app.server, app.current.app, {
      now: () => clock,
      limits: { maxActivitiesPerConversation: 6, maxConversations: 3, idleMilliseconds: 60_000, tokenSeconds: 600 },
    });
  });

  test('a conversation keeps only its latest activities, and the watermark keeps counting', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    let watermark = (await client.poll('')).watermark;
    for (const topic of ['trial', 'reactivate', 'termLengths']) {
      watermark = (await client.say(text('sv', `menu.topics.${topic}`), watermark)).watermark;
    }
    const all = await client.poll('');
    expect(all.activities).toHaveLength(6);
    expect(Number(all.watermark)).toBeGreaterThan(6);
    expect(all.activities.at(-1)?.text).toBe(text('sv', 'menu.promptAgain'));
  });

  test('an idle conversation is forgotten (404); an expired token is refused (401); a full store refuses new ones (503)', async () => {
    const idle = new DirectLineTestClient(app.current.url);
    await idle.start('sv-SE');
    clock += 61_000;
    expect((await idle.request('GET', `/conversations/${idle.conversationId}/activities?watermark=`)).status).toBe(404);

    const expiring = new DirectLineTestClient(app.current.url);
    await expiring.start('sv-SE');
    clock += 30_000;
    await expiring.poll('');
    clock += 30_000;
    await expiring.poll('');
    clock += 541_000;
    expect((await expiring.request('GET', `/conversations/${expiring.conversationId}/activities?watermark=`)).status).toBe(401);

    clock += 61_000; // everything so far is now idle
    const open = await Promise.all([1, 2, 3].map(async () => {
      const client = new DirectLineTestClient(app.current.url);
      await client.start('sv-SE');
      return client;
    }));
    expect(open).toHaveLength(3);
    const refused = await new DirectLineTestClient(app.current.url).request('POST', '/tokens/generate', { token: null, body: {} });
    expect(refused.status).toBe(503);
  });
});

describe('WEBCHAT_ENABLED=false', () => {
  test('turns off the page and the Direct Line endpoint, but not /api/messages', async () => {
    const running = await startApp({ webChatEnabled: false });
    try {
      expect((await fetch(`${running.url}/`)).status).toBe(404);
      expect((await fetch(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${running.url}/webchat/webchat.js`)).status).toBe(404);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
      removeDataDir(running.dataDir);
    }
  });
});
