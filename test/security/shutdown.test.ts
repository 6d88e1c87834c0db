import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { Activity } from 'botbuilder';
import { shutDown } from '../../src/service/resilience/shutdown.js';
import { createStores, type Stores } from '../../src/domain/storage/index.js';
import { makeDataDir, removeDataDir, startApp } from '../support/app.js';
import { postActivity, say } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { startServerProcess } from '../support/serverProcess.js';
import { unreadableDocuments } from '../support/storedDocuments.js';

const message = (id: string): Partial<Activity> => ({
  type: 'message',
  text: 'hej',
  locale: 'sv-SE',
  channelId: 'test',
  conversation: { id } as Activity['conversation'],
  from: { id: `user-${id}`, name: 'Admin' },
  recipient: { id: 'bot', name: 'Bot' },
});

/** State writes that take a while, and a count of those started: turns surely in flight. */
function slowWrites(stores: Stores) {
  let started = 0;
  const state = new Proxy(stores.state, {
    get(target, property, receiver) {
      if (property !== 'write') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<Stores['state']['write']>) => {
        started++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return target.write(...args);
      };
    },
  });
  return { stores: { ...stores, state }, started: () => started };
}

test('shutting down answers every turn in flight, flushes its writes, then refuses new connections', async () => {
  const dataDir = makeDataDir();
  const slow = slowWrites(createStores({ dataDir }));
  const running = await startApp({ dataDir }, { stores: slow.stores });
  try {
    const conversations = Array.from({ length: 10 }, () => `drain-${randomUUID()}`);
    const inFlight = conversations.map((id) => postActivity(running.url, message(id)));
    while (slow.started() < conversations.length) await new Promise((resolve) => setTimeout(resolve, 10));

    expect(await shutDown(running.app)).toBe(true);
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(conversations.map(() => 200));
    expect(results.map((r) => r.activities[0]?.text)).toEqual(conversations.map(() => text('sv', 'welcome.intro')));
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();

    const restarted = await startApp({ dataDir });
    try {
      for (const id of conversations) {
        const replies = await say(restarted.url, '3', { conversationId: id, userId: `user-${id}`, locale: 'sv-SE' });
        expect(replies[0]?.text).toBe(text('sv', 'facts:F02.productKey'));
      }
    } finally {
      await restarted.close();
    }
  } finally {
    removeDataDir(dataDir);
  }
}, 60_000);

test('closing the app waits neither for a client polling on a keep-alive connection (as Web Chat does) nor for one that stalled mid-request', async () => {
  const running = await startApp();
  const { hostname, port } = new URL(running.url);
  // Half a request: the headers never end, so Node counts the connection as busy.
  const stalled = connect(Number(port), hostname);
  await new Promise((resolve) => stalled.once('connect', resolve));
  stalled.write('POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n');
  const stalledEnded = new Promise((resolve) => stalled.once('close', resolve));
  let closed = false;
  let answered = 0;
  const poller = (async () => {
    while (!closed) {
      const response = await fetch(`${running.url}/healthz`).catch(() => undefined);
      if (!response) return;
      await response.arrayBuffer();
      answered++;
    }
  })();
  while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 5));

  // Resolves only when every connection has ended (jest's timeout catches a hang).
  await running.close();
  closed = true;
  await Promise.all([poller, stalledEnded]);
  removeDataDir(running.dataDir);
  await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
}, 20_000);

test('on SIGTERM the service process finishes what it accepted and exits 0 within its 5 s', async () => {
  const dataDir = makeDataDir();
  const server = await startServerProcess({ DATA_DIR: dataDir });
  try {
    const inFlight = Array.from({ length: 40 }, () => postActivity(server.url, message(`term-${randomUUID()}`)).catch((error: unknown) => ({ error })));
    await Promise.race(inFlight);
    server.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    // The service gives itself 5 s and exits 1 when it cannot finish in time: 0 means it did.
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output().includes('"message":"stopped"')).toBe(true);
    // A request is either answered in full or, when it had not reached the server yet, refused
    // at the connection (a client retries those): never a 5xx, never a half answer.
    for (const result of results) {
      if ('error' in result) expect(String((result.error as { cause?: unknown }).cause)).toMatch(/ECONNRESET|ECONNREFUSED|other side closed/);
      else expect(result.status).toBe(200);
    }
    expect(results.filter((r) => !('error' in r)).length).toBeGreaterThan(0);
    expect(unreadableDocuments(dataDir)).toEqual([]);
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    removeDataDir(dataDir);
  }
}, 60_000);
