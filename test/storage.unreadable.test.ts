import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../src/domain/logger.js';
import { LowdbStorage } from '../src/domain/storage/lowdbStorage.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from './support/app.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';

function documentFile(stateDir: string, key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return join(stateDir, hash.slice(0, 2), `${hash}.json`);
}

/** The files beside a document that hold it set aside. */
function setAside(file: string): string[] {
  const folder = join(file, '..');
  const name = file.slice(folder.length + 1);
  return readdirSync(folder)
    .filter((entry) => entry.startsWith(`${name}.unreadable-`))
    .map((entry) => join(folder, entry));
}

// What a disk fault, a power cut before a new file was written out, or a hand edit can leave.
const UNREADABLE_CONTENTS: Array<[string, string]> = [
  ['an empty file', ''],
  ['JSON cut off mid-write', '{"key":"test/conversations/c1","eTag":"e1","value":{"dialogState":'],
  ['bytes that are not text', '\u0000\u0001\u00ff\ufffd'],
  ['JSON that is not a document', '[1,2,3]'],
];

describe('a stored document that cannot be read is set aside, not a conversation that fails for good', () => {
  test.each(UNREADABLE_CONTENTS)('%s: the key reads as absent, the file is kept beside it, and the key can be written again', async (_what, content) => {
    const dataDir = makeDataDir();
    try {
      const reported: string[] = [];
      const storage = new LowdbStorage(dataDir, { onUnreadableDocument: (file) => reported.push(file) });
      const key = 'test/conversations/c1';
      const other = 'test/conversations/c2';
      await storage.write({ [key]: { step: 1 }, [other]: { step: 2 } });
      const file = documentFile(dataDir, key);
      writeFileSync(file, content);

      const fresh = new LowdbStorage(dataDir, { onUnreadableDocument: (name) => reported.push(name) });
      const items = await fresh.read([key, other]);
      expect(Object.keys(items)).toEqual([other]);
      expect(items[other]).toMatchObject({ step: 2 });

      const aside = setAside(file);
      expect(aside).toHaveLength(1);
      expect(readFileSync(aside[0]!, 'utf8')).toBe(content);
      // The report names the file (a hash), never the key or what it held.
      expect(reported).toEqual([aside[0]!.slice(dataDir.length + 1)]);
      expect(reported[0]).not.toContain('c1');

      await fresh.write({ [key]: { step: 3 } });
      expect(await new LowdbStorage(dataDir).read([key])).toMatchObject({ [key]: { step: 3 } });
      // Read once more: nothing else is set aside.
      await new LowdbStorage(dataDir).read([key]);
      expect(setAside(file)).toHaveLength(1);
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('a save with the eTag it read (conversation state) goes through over an unreadable document', async () => {
    const dataDir = makeDataDir();
    try {
      const key = 'test/conversations/c1';
      await new LowdbStorage(dataDir).write({ [key]: { step: 1 } });
      writeFileSync(documentFile(dataDir, key), '{"key":');
      const storage = new LowdbStorage(dataDir);
      await storage.write({ [key]: { step: 2, eTag: 'an-etag-read-before-the-fault' } });
      expect(await new LowdbStorage(dataDir).read([key])).toMatchObject({ [key]: { step: 2 } });
      expect(setAside(documentFile(dataDir, key))).toHaveLength(1);
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('a write that lands while a read sets the document aside is kept', async () => {
    const dataDir = makeDataDir();
    try {
      const key = 'test/conversations/c1';
      for (let attempt = 0; attempt < 20; attempt += 1) {
        await new LowdbStorage(dataDir).write({ [key]: { attempt: -1 } });
        writeFileSync(documentFile(dataDir, key), '');
        const storage = new LowdbStorage(dataDir);
        await Promise.all([storage.read([key]), storage.write({ [key]: { attempt } })]);
        expect(await new LowdbStorage(dataDir).read([key])).toMatchObject({ [key]: { attempt } });
      }
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('after a restart, a conversation whose state was damaged starts afresh; the user keeps the language they chose', async () => {
    const dataDir = makeDataDir();
    const conversation = { conversationId: 'damaged-1', locale: 'sv-SE' };
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    const running: RunningApp[] = [];
    try {
      const first = await startApp({ dataDir });
      running.push(first);
      await say(first.url, 'hej', conversation);
      expect((await say(first.url, 'english', conversation))[0]?.text).toBe(text('en', 'language.switched'));
      await first.close();
      const file = documentFile(join(dataDir, 'state'), 'test/conversations/damaged-1/');
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));

      const second = await startApp({ dataDir }, { logger });
      running.push(second);
      expect((await say(second.url, 'hi', conversation)).map((activity) => activity.text)).toEqual([
        text('en', 'welcome.intro'),
        text('en', 'menu.prompt'),
      ]);
      // The next answer goes on from the new menu.
      expect((await say(second.url, '6', conversation))[0]?.text).toBe(text('en', 'facts:F16.appliesTo'));
      await second.close();

      const warnings = lines.map((line) => JSON.parse(line) as { level: string; message: string; file?: string });
      expect(warnings).toEqual([
        expect.objectContaining({ level: 'warn', message: 'unreadable state document set aside; its conversation starts afresh' }),
      ]);
      expect(join(dataDir, 'state', warnings[0]!.file!)).toBe(setAside(file)[0]);
    } finally {
      await Promise.all(running.map((app) => app.close().catch(() => undefined)));
      removeDataDir(dataDir);
    }
  });
});
