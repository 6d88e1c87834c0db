import { startApp, removeDataDir, type RunningApp } from './support/app.js';
import { join as joinConversation, say, visibleText } from './support/directTurn.js';
import { text } from './support/i18n.js';

describe('the real server over HTTP with expectReplies', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('GET /healthz answers status, version and uptime', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), uptimeSeconds: expect.any(Number) });
  });

  test('Swedish: welcome on join, then a topic answered in Swedish', async () => {
    const conversation = { conversationId: 'e2e-sv', locale: 'sv-SE' };
    const welcome = await joinConversation(running.url, conversation);
    expect(welcome.map((a) => a.text)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
    expect(visibleText(welcome)).toContain('Produktnyckel och återbetalning');

    const answer = await say(running.url, 'Produktnyckel och återbetalning', conversation);
    expect(answer[0]?.text).toBe(text('sv', 'facts:F02.productKey'));
    expect(answer[0]?.text).toContain('återbetalning');
  });

  test('English: a first message is welcomed, then a topic answered in English', async () => {
    const conversation = { conversationId: 'e2e-en', locale: 'en-US' };
    const welcome = await say(running.url, 'hello', conversation);
    expect(welcome.map((a) => a.text)).toEqual([text('en', 'welcome.intro'), text('en', 'menu.prompt')]);

    const answer = await say(running.url, 'Reactivating', conversation);
    expect(answer[0]?.text).toBe(text('en', 'facts:F03.reactivate'));
    expect(answer[0]?.text).toContain('90 days');
  });

  test('a body that is not JSON is refused without crashing the server', async () => {
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
