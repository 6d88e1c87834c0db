import { jest } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/domain/config.js';
import { createLogger } from '../src/domain/logger.js';
import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { launchBrowser } from './support/browser.js';
import { startDirectLineStandIn, type DirectLineStandIn } from './support/directLineStandIn.js';

jest.setTimeout(90_000);

const SECRET = 'stand-in-direct-line-secret-0123456789';
const OWN_SITE = 'https://www.contoso.example';

interface TokenAnswer {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

/** Polls until `find` returns something (the browser works on its own schedule), at most 20 s. */
async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not seen within 20 s');
}

function pageConfig(html: string): { directLine: Record<string, unknown> } {
  return JSON.parse(/<script type="application\/json" id="page-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
}

describe("Web Chat through Azure's Direct Line channel (issue 16, item 7)", () => {
  let standIn: DirectLineStandIn;
  let running: RunningApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    standIn = await startDirectLineStandIn(SECRET);
    running = await startApp(
      { directLineSecret: SECRET, directLineEndpoint: standIn.endpoint, webChatAllowedOrigins: [OWN_SITE] },
      { logger: createLogger('info', (line) => logLines.push(line)) },
    );
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeDataDir(running.dataDir);
    await standIn?.close();
  });
  beforeEach(() => {
    standIn.requests.length = 0;
    standIn.failWith = undefined;
  });

  const requestToken = () => fetch(`${running.url}/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  test('the server exchanges the secret for a token bound to a fresh user id; the browser gets the token only', async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const raw = await response.text();
    expect(raw).not.toContain(SECRET);
    const session = JSON.parse(raw) as TokenAnswer;
    expect(session.userId).toMatch(/^dl_[0-9a-f-]{36}$/);
    expect(session.expires_in).toBe(3600);

    // What Direct Line got: the secret as bearer, and the very user id the page will use.
    expect(standIn.requests).toEqual([
      { method: 'POST', path: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}`, body: { user: { id: session.userId } } },
    ]);
    expect(standIn.issued.get(session.token)).toBe(session.userId);
  });

  test('each page load is a user of its own', async () => {
    const first = (await (await requestToken()).json()) as TokenAnswer;
    const second = (await (await requestToken()).json()) as TokenAnswer;
    expect(second.userId).not.toBe(first.userId);
    expect(second.token).not.toBe(first.token);
  });

  test('the page asks this server for the token and connects to the Direct Line endpoint; the secret is nowhere in it', async () => {
    const response = await fetch(`${running.url}/`);
    const html = await response.text();
    expect(html).not.toContain(SECRET);
    expect(pageConfig(html).directLine).toEqual({ tokenPath: '/webchat/token', domain: standIn.endpoint, webSocket: true });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`connect-src 'self' ${standIn.origin} ws://127.0.0.1:`);
    expect(policy).toContain(`frame-ancestors ${OWN_SITE}`);
  });

  test('in Chromium, Web Chat takes the token from this server and opens its conversation at Direct Line with it', async () => {
    const browser = await launchBrowser({ locale: 'sv-SE' });
    try {
      const page = await browser.context.newPage();
      const seenByBrowser: string[] = [];
      page.on('response', async (response) => seenByBrowser.push(await response.text().catch(() => '')));
      const warnings: string[] = [];
      page.on('console', (message) => warnings.push(message.text()));
      await page.goto(`${running.url}/`);
      const started = await waitFor(() => standIn.requests.find((request) => request.path === '/v3/directline/conversations'));
      const [token, userId] = [...standIn.issued].at(-1)!;
      expect(started.authorization).toBe(`Bearer ${token}`);
      expect(userId).toMatch(/^dl_/);
      expect(seenByBrowser.join('\n')).not.toContain(SECRET);
      // Web Chat reads a dl_ user id from the token itself, and warns when the page passes one as well.
      expect(warnings.filter((warning) => warning.includes('dl_'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('the built-in Direct Line endpoint is off beside Azure (its conversations live in one process)', async () => {
    const response = await fetch(`${running.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([404, 405]).toContain(response.status);
    expect(standIn.requests).toEqual([]);
  });

  test('Direct Line refusing or failing: 502 for the page, one log line, the secret in neither', async () => {
    for (const status of [403, 500]) {
      standIn.failWith = status;
      logLines.length = 0;
      const response = await requestToken();
      expect(response.status).toBe(502);
      expect(await response.text()).not.toContain(SECRET);
      const failures = logLines.filter((line) => line.includes('direct line token failed'));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain(`Direct Line answered ${status}`);
      expect(logLines.join('\n')).not.toContain(SECRET);
    }
  });

  test('Direct Line out of reach: 502, not a hang or a crash', async () => {
    const unreachable = await startApp({ directLineSecret: SECRET, directLineEndpoint: 'http://127.0.0.1:9/v3/directline' });
    try {
      const response = await fetch(`${unreachable.url}/webchat/token`, { method: 'POST' });
      expect(response.status).toBe(502);
      expect((await fetch(`${unreachable.url}/healthz`)).status).toBe(200);
    } finally {
      await unreachable.close();
      removeDataDir(unreachable.dataDir);
    }
  });
});

describe('the local page without DIRECT_LINE_SECRET', () => {
  test('uses the built-in endpoint, and no site may frame it unless allowed', async () => {
    const running = await startApp();
    try {
      const response = await fetch(`${running.url}/`);
      const html = await response.text();
      expect(pageConfig(html).directLine).toEqual({ tokenPath: '/v3/directline/tokens/generate', path: '/v3/directline', webSocket: false });
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';");
      expect((await fetch(`${running.url}/webchat/token`, { method: 'POST' })).status).not.toBe(200);
    } finally {
      await running.close();
      removeDataDir(running.dataDir);
    }
  });
});

describe('Web Chat configuration', () => {
  test('DIRECT_LINE_SECRET, DIRECT_LINE_ENDPOINT and WEBCHAT_ALLOWED_ORIGINS', () => {
    expect(loadConfig({})).toMatchObject({
      directLineSecret: undefined,
      directLineEndpoint: 'https://directline.botframework.com/v3/directline',
      webChatAllowedOrigins: [],
    });
    expect(
      loadConfig({
        DIRECT_LINE_SECRET: ' abc ',
        DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/',
        WEBCHAT_ALLOWED_ORIGINS: 'https://www.contoso.example, https://*.contoso.example/ ,http://localhost:8080',
      }),
    ).toMatchObject({
      directLineSecret: 'abc',
      directLineEndpoint: 'https://europe.directline.botframework.com/v3/directline',
      webChatAllowedOrigins: ['https://www.contoso.example', 'https://*.contoso.example', 'http://localhost:8080'],
    });
  });

  test.each([
    ['WEBCHAT_ALLOWED_ORIGINS', 'https://www.contoso.example/chat', 'must be a comma-separated list of origins such as https://www.example.com'],
    ['WEBCHAT_ALLOWED_ORIGINS', "'self'; script-src *", 'must be a comma-separated list of origins such as https://www.example.com'],
    ['DIRECT_LINE_ENDPOINT', 'directline.botframework.com', 'must be an http(s) URL such as https://directline.botframework.com/v3/directline'],
  ])('%s=%s stops start-up with a line naming it', (variable, value, message) => {
    try {
      loadConfig({ [variable]: value });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).lines).toEqual([`${variable}=${JSON.stringify(value)}: ${message}`]);
    }
  });
});
