import { randomUUID } from 'node:crypto';
import { makeDataDir, removeDataDir, startApp } from '../support/app.js';
import { postActivity, say } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { startServerProcess } from '../support/serverProcess.js';
import { unreadableDocuments } from '../support/storedDocuments.js';

test('on SIGTERM the service answers the turns in flight, flushes its writes and exits 0 within 5 s', async () => {
  const dataDir = makeDataDir();
  const server = await startServerProcess({ DATA_DIR: dataDir });
  try {
    const conversations = Array.from({ length: 40 }, () => `term-${randomUUID()}`);
    const inFlight = conversations.map((id) =>
      postActivity(server.url, {
        type: 'message',
        text: 'hej',
        locale: 'sv-SE',
        channelId: 'test',
        conversation: { id } as never,
        from: { id: `user-${id}`, name: 'Admin' },
        recipient: { id: 'bot', name: 'Bot' },
      }),
    );
    // SIGTERM as soon as the first answer is back: the others are still being worked on.
    await Promise.race(inFlight);
    server.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    const exit = await server.exited;

    // The service gives itself 5 s and exits 1 when it cannot finish in time: 0 means it did.
    expect(exit).toEqual({ code: 0, signal: null });
    expect(results.map((r) => r.status)).toEqual(conversations.map(() => 200));
    expect(results.every((r) => r.activities[0]?.text === text('sv', 'welcome.intro'))).toBe(true);
    expect(server.output.some((line) => line.includes('"message":"stopped"'))).toBe(true);
    expect(unreadableDocuments(dataDir)).toEqual([]);

    // Every answered turn was saved: after a restart the conversations continue past the welcome.
    const restarted = await startApp({ dataDir });
    try {
      for (const id of conversations.slice(0, 10)) {
        expect((await say(restarted.url, '3', { conversationId: id, userId: `user-${id}`, locale: 'sv-SE' }))[0]?.text).toBe(
          text('sv', 'facts:F02.productKey'),
        );
      }
    } finally {
      await restarted.close();
    }
    // No new connections after shutdown.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    removeDataDir(dataDir);
  }
}, 60_000);
