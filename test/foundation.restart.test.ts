import { makeDataDir, removeDataDir, startApp } from './support/app.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';

test('a restart in the middle of a conversation continues where the user left off', async () => {
  const dataDir = makeDataDir();
  const conversation = { conversationId: 'restart-1', locale: 'sv-SE' };
  try {
    const first = await startApp({ dataDir });
    expect((await say(first.url, 'hej', conversation)).map((a) => a.text)).toEqual([
      text('sv', 'welcome.intro'),
      text('sv', 'menu.prompt'),
    ]);
    // The second turn leaves the menu question pending (a retry).
    expect((await say(first.url, 'qwerty', conversation)).map((a) => a.text)).toEqual([text('sv', 'menu.retry')]);
    await first.close();

    const second = await startApp({ dataDir });
    const third = await say(second.url, text('sv', 'menu.topics.productKey'), conversation);
    expect(third.map((a) => a.text)).toEqual([text('sv', 'facts:F02.productKey'), text('sv', 'menu.promptAgain')]);
    await second.close();
  } finally {
    removeDataDir(dataDir);
  }
});

test('a language the user chose survives a restart', async () => {
  const dataDir = makeDataDir();
  const conversation = { conversationId: 'restart-2', locale: 'sv-SE' };
  try {
    const first = await startApp({ dataDir });
    await say(first.url, 'hej', conversation);
    expect((await say(first.url, 'english', conversation))[0]?.text).toBe(text('en', 'language.switched'));
    await first.close();

    const second = await startApp({ dataDir });
    expect((await say(second.url, text('en', 'menu.topics.appliesTo'), conversation))[0]?.text).toBe(text('en', 'facts:F16.appliesTo'));
    await second.close();
  } finally {
    removeDataDir(dataDir);
  }
});
