import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '../src/domain/config.js';
import { createRecognizer } from '../src/domain/nlu/index.js';
import { createApp } from '../src/service/server.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from './support/app.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';

const probe = async (url: string, path: '/readyz' | '/healthz') => {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('/readyz while the recognizer loads', () => {
  test('answers 503 until the recognizer is loaded, while /healthz already answers; a turn sent meanwhile waits, then is answered', async () => {
    const dataDir = makeDataDir();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const config = testConfig({ dataDir });
    const app = await createApp(config, { loadRecognizer: () => held.then(() => createRecognizer(config)) });
    try {
      const url = await app.listen(0, '127.0.0.1');
      expect(await probe(url, '/healthz')).toMatchObject({ status: 200 });
      expect(await probe(url, '/readyz')).toEqual({ status: 503, body: { status: 'not ready', recognizer: 'loading', storage: 'not checked', shutdown: 'running' } });

      const early = say(url, 'hello', { conversationId: `early-${randomUUID()}`, locale: 'en-US' });
      release();
      await app.ready;
      expect(await probe(url, '/readyz')).toEqual({ status: 200, body: { status: 'ready', recognizer: 'loaded', storage: 'answering', shutdown: 'running' } });
      expect((await early).map((activity) => activity.text)).toEqual([text('en', 'welcome.intro'), text('en', 'menu.prompt')]);
    } finally {
      await app.close();
      removeDataDir(dataDir);
    }
  });
});

describe('/readyz and the lowdb store', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ storage: 'lowdb' });
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeDataDir(running.dataDir);
  });

  test('answers 503 while the data folder cannot be written, and 200 again once it can; /healthz stays 200', async () => {
    expect((await probe(running.url, '/readyz')).status).toBe(200);
    // A real fault, not a stand-in: the state folder becomes a file, so no document can be written.
    const stateDir = join(running.dataDir, 'state');
    renameSync(stateDir, `${stateDir}.away`);
    writeFileSync(stateDir, 'not a folder');
    expect(await probe(running.url, '/readyz')).toMatchObject({ status: 503, body: { status: 'not ready', storage: 'failing', recognizer: 'loaded' } });
    expect((await probe(running.url, '/healthz')).status).toBe(200);

    rmSync(stateDir);
    renameSync(`${stateDir}.away`, stateDir);
    expect(await probe(running.url, '/readyz')).toMatchObject({ status: 200, body: { storage: 'answering' } });
  });
});

describe('/readyz and blob storage', () => {
  let azurite: RunningAzurite;
  let running: RunningApp;
  beforeAll(async () => {
    azurite = await startAzurite();
    running = await startApp({ storage: 'blob', blobConnectionString: azurite.connectionString, blobContainer: 'readiness' });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    if (running) removeDataDir(running.dataDir);
    await azurite?.stop();
  });

  test('answers 200 while the blob service answers and 503 once it is gone', async () => {
    expect(await probe(running.url, '/readyz')).toMatchObject({ status: 200, body: { storage: 'answering' } });
    await azurite.stop();
    expect(await probe(running.url, '/readyz')).toMatchObject({ status: 503, body: { storage: 'failing' } });
  }, 30_000);
});

describe('/readyz during shutdown', () => {
  test('reports not ready as soon as shutdown begins, while the server drains', async () => {
    const running = await startApp({ storage: 'memory' });
    try {
      expect((await running.app.readiness.check()).ready).toBe(true);
      const closing = running.close();
      // What a probe on a still-open connection would be answered from here on.
      expect(await running.app.readiness.check()).toEqual({
        ready: false,
        checks: { recognizer: 'loaded', storage: 'not checked', shutdown: 'shutting down' },
      });
      await closing;
    } finally {
      removeDataDir(running.dataDir);
    }
  });
});
