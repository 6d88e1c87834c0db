import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { AuthenticationError } from 'botframework-connector';
import { createLogger } from '../../src/domain/logger.js';
import { FailClosedAuthentication } from '../../src/service/security/failClosedAuthentication.js';
import { useRunningApp } from '../support/app.js';
import { postActivity } from '../support/directTurn.js';

const APP_ID = '00000000-0000-0000-0000-000000000001';

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A JWT that looks like Bot Framework's but is signed with our own key. */
function forgedToken(claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: 'forged-key-1', x5t: 'forged-key-1' };
  const payload = { aud: APP_ID, iss: 'https://api.botframework.com', iat: now - 60, nbf: now - 60, exp: now + 3600, serviceurl: 'https://smba.trafficmanager.net/emea/', ...claims };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey);
  return `${unsigned}.${base64url(signature)}`;
}

describe('a forged Bot Framework token', () => {
  const running = useRunningApp({ microsoftAppId: APP_ID, microsoftAppPassword: 'not-a-real-secret', microsoftAppType: 'MultiTenant' });

  const activity = {
    type: 'message',
    text: 'hej',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: 'user' },
    recipient: { id: 'bot' },
  };

  test.each([
    ['Bot Framework issuer', {}],
    ['emulator issuer', { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', appid: APP_ID, ver: '1.0' }],
    ['an unknown issuer', { iss: 'https://evil.example.com/' }],
  ])('signed by us with our app id as audience (%s) is refused with 401', async (_name, claims) => {
    const { status, activities } = await postActivity(
      running.current.url,
      { ...activity, conversation: { id: `forged-${randomUUID()}` } } as never,
      { authorization: `Bearer ${forgedToken(claims)}` },
    );
    expect(status).toBe(401);
    expect(activities).toEqual([]);
  });
});

describe('when the token check cannot finish', () => {
  const options = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant' } as never;
  const activity = { type: 'message', channelId: 'msteams' } as never;

  test('a check that hangs (signing keys unreachable) is refused as 401 after the timeout, and the log says why', async () => {
    const lines: string[] = [];
    const auth = new FailClosedAuthentication(options, createLogger('info', (l) => lines.push(l)), 50, () => new Promise(() => undefined));
    const error = await auth.authenticateRequest(activity, 'Bearer x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).statusCode).toBe(401);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', message: 'request refused', reason: 'token could not be verified', detail: 'token check took longer than 50 ms' });
  });

  test('a network failure while fetching keys is a 401 too', async () => {
    const auth = new FailClosedAuthentication(options, createLogger('silent'), 1000, () => Promise.reject(new Error('getaddrinfo ENOTFOUND')));
    const error = await auth.authenticateRequest(activity, 'Bearer x').catch((e: unknown) => e);
    expect((error as AuthenticationError).statusCode).toBe(401);
  });
});
