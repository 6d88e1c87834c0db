import { randomUUID } from 'node:crypto';
import { makeDataDir, removeDataDir } from '../support/app.js';
import { postActivity, say, type TurnOptions } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { startServerProcess } from '../support/serverProcess.js';
import { storedFiles, unreadableDocuments } from '../support/storedDocuments.js';

test('kill -9 during a burst of writes, then a restart: every stored document parses and every conversation continues', async () => {
  const dataDir = makeDataDir();
  try {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const conversations: TurnOptions[] = Array.from({ length: 60 }, () => {
      const id = randomUUID();
      return { conversationId: `crash-${id}`, userId: `user-${id}`, locale: 'sv-SE' };
    });
    // Each conversation is welcomed first, so it has stored state.
    await Promise.all(conversations.map((c) => say(first.url, 'hej', c)));

    // A burst of writes (every turn saves conversation and user state) cut short by SIGKILL.
    let answered = 0;
    const burst = conversations.flatMap((c) =>
      Array.from({ length: 5 }, (_, i) =>
        postActivity(first.url, {
          type: 'message',
          text: i % 2 ? 'vet inte' : '2',
          locale: 'sv-SE',
          channelId: 'test',
          conversation: { id: c.conversationId } as never,
          from: { id: c.userId!, name: 'Admin' },
          recipient: { id: 'bot', name: 'Bot' },
        }).then(
          () => answered++,
          () => undefined,
        ),
      ),
    );
    while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await Promise.all(burst);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(answered).toBeLessThan(burst.length);

    expect(storedFiles(dataDir).length).toBeGreaterThan(0);
    expect(unreadableDocuments(dataDir)).toEqual([]);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      for (const conversation of conversations) {
        // Wherever the turn was cut, the conversation goes on from its last saved step: the menu
        // (a pending choice), never the welcome again and never an error.
        const replies = (await say(second.url, text('sv', 'menu.topics.productKey'), conversation)).map((a) => a.text);
        expect(replies).toContain(text('sv', 'facts:F02.productKey'));
        expect(replies).not.toContain(text('sv', 'errors.turnFailed'));
        expect(replies).not.toContain(text('sv', 'welcome.intro'));
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    expect(unreadableDocuments(dataDir)).toEqual([]);
  } finally {
    removeDataDir(dataDir);
  }
}, 120_000);
