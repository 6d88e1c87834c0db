import { useRunningApp } from './support/app.js';
import { postActivity } from './support/directTurn.js';

describe('with Bot Framework credentials configured', () => {
  const running = useRunningApp({
    microsoftAppId: '00000000-0000-0000-0000-000000000001',
    microsoftAppPassword: 'not-a-real-secret',
    microsoftAppType: 'MultiTenant',
  });

  const activity = {
    type: 'message',
    text: 'hej',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: 'auth-1' },
    from: { id: 'user' },
    recipient: { id: 'bot' },
  } as const;

  test('a request without a token is refused with 401 and gets no reply', async () => {
    const { status, activities } = await postActivity(running.current.url, activity as never);
    expect(status).toBe(401);
    expect(activities).toEqual([]);
  });

  test('a request with a garbage bearer token is refused with 401', async () => {
    const { status } = await postActivity(running.current.url, activity as never, { authorization: 'Bearer not.a.jwt' });
    expect(status).toBe(401);
  });

  test('/healthz stays open', async () => {
    expect((await fetch(`${running.current.url}/healthz`)).status).toBe(200);
  });
});
