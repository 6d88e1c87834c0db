import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from '../../src/domain/config.js';
import { hasAdminKey, requireAdminKey } from '../../src/service/security/adminAuth.js';

const KEY = 'operator-key-0123456789abcdef';

async function serve(adminApiKey: string | undefined) {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.get('/admin/thing', requireAdminKey({ adminApiKey }), (_req, res, next) => {
    res.json({ secret: 'report' });
    return next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/thing`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('operator endpoints (requireAdminKey)', () => {
  test('with ADMIN_API_KEY unset they do not exist: 404 even with a token', async () => {
    const { url, close } = await serve(undefined);
    try {
      expect((await fetch(url)).status).toBe(404);
      const response = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('report');
    } finally {
      await close();
    }
  });

  test('with the key set: no token, a wrong one or another scheme → 401; the right bearer token → 200', async () => {
    const { url, close } = await serve(KEY);
    try {
      for (const authorization of [undefined, 'Bearer', 'Bearer wrong', `Basic ${KEY}`, `Bearer ${KEY}x`, `Bearer ${KEY.slice(0, -1)}`, KEY]) {
        const response = await fetch(url, { headers: authorization ? { authorization } : {} });
        expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(await response.text()).not.toContain('report');
      }
      const ok = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ secret: 'report' });
      expect((await fetch(url, { headers: { authorization: `bearer  ${KEY} ` } })).status).toBe(200);
    } finally {
      await close();
    }
  });

  test('hasAdminKey never accepts an empty token', () => {
    expect(hasAdminKey('Bearer ', KEY)).toBe(false);
    expect(hasAdminKey(undefined, KEY)).toBe(false);
    expect(hasAdminKey(`Bearer ${KEY}`, KEY)).toBe(true);
  });

  test('ADMIN_API_KEY: empty means off; a short key is refused without echoing it', () => {
    expect(loadConfig({ ADMIN_API_KEY: '' }).adminApiKey).toBeUndefined();
    expect(loadConfig({ ADMIN_API_KEY: KEY }).adminApiKey).toBe(KEY);
    try {
      loadConfig({ ADMIN_API_KEY: 'short-secret' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as ConfigError).lines;
      expect(lines).toEqual(['ADMIN_API_KEY=(hidden): must be at least 16 characters (or empty to turn the operator endpoints off)']);
    }
  });
});
