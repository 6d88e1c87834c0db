import { randomUUID } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/domain/config.js';
import { clientAddress } from '../../src/service/security/clientAddress.js';
import { removeDataDir, startApp, type RunningApp } from '../support/app.js';

describe('TRUST_PROXY (issue 16, item 8)', () => {
  test('empty, false or 0 trusts no proxy; a number is that many proxies; true trusts the leftmost address', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    for (const off of ['', 'false', '0', 'off']) expect(loadConfig({ TRUST_PROXY: off }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe('all');
  });

  test.each(['-1', '11', '1.5', 'azure', '10.0.0.0/8'])('TRUST_PROXY=%s stops start-up with a line naming it', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (error) {
      expect((error as ConfigError).lines).toEqual([
        `TRUST_PROXY=${JSON.stringify(value)}: must be false, true or the number of proxies in front of the server (1 to 10)`,
      ]);
    }
  });

  describe('the client address', () => {
    const proxy = '10.0.0.4';

    test('without trust the header is ignored, whatever it says', () => {
      expect(clientAddress(proxy, '203.0.113.9', 0)).toBe(proxy);
      expect(clientAddress('::ffff:10.0.0.4', undefined, 0)).toBe(proxy);
    });

    test('behind one proxy: the address that proxy appended, not what the client wrote before it', () => {
      expect(clientAddress(proxy, '203.0.113.9', 1)).toBe('203.0.113.9');
      // A client forging the header only adds entries further left, which are never believed.
      expect(clientAddress(proxy, '198.51.100.1, 203.0.113.9', 1)).toBe('203.0.113.9');
      // Two headers count as one list, in order.
      expect(clientAddress(proxy, ['198.51.100.1', '203.0.113.9'], 1)).toBe('203.0.113.9');
    });

    test('behind two proxies: two hops left of the socket', () => {
      expect(clientAddress(proxy, '198.51.100.1, 203.0.113.9, 10.0.0.7', 2)).toBe('203.0.113.9');
      // Fewer entries than proxies (a request that bypassed one): the leftmost there is.
      expect(clientAddress(proxy, '203.0.113.9', 2)).toBe('203.0.113.9');
    });

    test('true: the leftmost entry (a proxy that replaces the header)', () => {
      expect(clientAddress(proxy, '203.0.113.9, 10.0.0.7', 'all')).toBe('203.0.113.9');
    });

    test('ports and brackets (Azure App Service adds the port) do not split one client into several keys', () => {
      expect(clientAddress(proxy, '203.0.113.9:51234', 1)).toBe('203.0.113.9');
      expect(clientAddress(proxy, '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
      expect(clientAddress(proxy, '2001:DB8::1', 1)).toBe('2001:db8::1');
    });

    test('no header, or an entry that is not an address: the socket address', () => {
      expect(clientAddress(proxy, undefined, 1)).toBe(proxy);
      expect(clientAddress(proxy, 'unknown', 1)).toBe(proxy);
      expect(clientAddress(proxy, '', 1)).toBe(proxy);
    });
  });
});

/** One activity to /api/messages, from the address `forwardedFor` claims. */
async function post(running: RunningApp, forwardedFor: string): Promise<number> {
  const response = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({
      type: 'message',
      text: 'hej',
      channelId: 'test',
      locale: 'sv-SE',
      deliveryMode: 'expectReplies',
      conversation: { id: `proxy-${randomUUID()}` },
      from: { id: 'user' },
      recipient: { id: 'bot' },
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the per-client rate limit behind a proxy', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    if (running) removeDataDir(running.dataDir);
    running = undefined;
  });

  test('with TRUST_PROXY=1 each client behind the proxy has its own limit', async () => {
    running = await startApp({ rateLimitClientPerMinute: 2, trustProxy: 1 });
    expect([await post(running, '203.0.113.1'), await post(running, '203.0.113.1')]).toEqual([200, 200]);
    expect(await post(running, '203.0.113.1')).toBe(429);
    // Another client through the same proxy is not held back by the first one's flood.
    expect(await post(running, '203.0.113.2')).toBe(200);
    // Nor can the flooding client escape by writing a new address in front of the proxy's.
    expect(await post(running, '198.51.100.7, 203.0.113.1')).toBe(429);
  });

  test('without TRUST_PROXY a forged X-Forwarded-For does not change the key', async () => {
    running = await startApp({ rateLimitClientPerMinute: 2 });
    expect([await post(running, '203.0.113.1'), await post(running, '203.0.113.2')]).toEqual([200, 200]);
    expect(await post(running, '203.0.113.3')).toBe(429);
  });
});
