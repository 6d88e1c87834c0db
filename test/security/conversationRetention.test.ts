import { existsSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { createLogger } from '../../src/domain/logger.js';
import { canListIdleKeys, purgeIdleConversations, startConversationRetention } from '../../src/service/privacy/conversationRetention.js';
import { LowdbStorage } from '../../src/domain/storage/lowdbStorage.js';
import { loadConfig } from '../../src/domain/config.js';
import { makeDataDir, removeDataDir } from '../support/app.js';

const HOUR_MS = 60 * 60 * 1000;

function fileOf(dir: string, key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return join(dir, hash.slice(0, 2), `${hash}.json`);
}

function allStoredText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('idle conversation state is deleted (half-given verification details go with it)', () => {
  test('conversations idle past the retention go; fresh conversations and user state stay', async () => {
    const dataDir = makeDataDir();
    try {
      const dir = join(dataDir, 'state');
      const storage = new LowdbStorage(dir);
      const abandoned = 'msteams/conversations/abandoned-1';
      const active = 'msteams/conversations/active-1';
      const user = 'msteams/users/admin-1';
      await storage.write({
        [abandoned]: { dialogState: { details: { phone: '+46701234567', userId: 'admin@contoso.se' } } },
        [active]: { dialogState: { step: 'menu' } },
        [user]: { profile: { language: 'sv' } },
      });
      const twoDaysAgo = new Date(Date.now() - 48 * HOUR_MS);
      utimesSync(fileOf(dir, abandoned), twoDaysAgo, twoDaysAgo);
      utimesSync(fileOf(dir, user), twoDaysAgo, twoDaysAgo);

      expect(await purgeIdleConversations(storage, 24)).toEqual({ conversations: 1, leftovers: 0 });

      const left = await storage.read([abandoned, active, user]);
      expect(Object.keys(left).sort()).toEqual([active, user].sort());
      expect(allStoredText(dir)).not.toContain('+46701234567');
      expect(allStoredText(dir)).not.toContain('admin@contoso.se');
      // A second run finds nothing more to do.
      expect(await purgeIdleConversations(storage, 24)).toEqual({ conversations: 0, leftovers: 0 });
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('files no turn reads go after the same time: unreadable documents set aside, temporary files left by a crash', async () => {
    const dataDir = makeDataDir();
    try {
      const dir = join(dataDir, 'state');
      const old = 'msteams/conversations/damaged-old';
      const recent = 'msteams/conversations/damaged-recent';
      const storage = new LowdbStorage(dir);
      const details = { dialogState: { details: { phone: '+46701234567' } } };
      await storage.write({ [old]: details, [recent]: details });
      const twoDaysAgo = new Date(Date.now() - 48 * HOUR_MS);
      // Damaged two days ago and now; set aside when read.
      writeFileSync(fileOf(dir, old), '{"key":"msteams/conversations/damaged-old","value":{"dialogState":{"details":{"phone":"+46701234567"');
      writeFileSync(fileOf(dir, recent), '{"value":{"details":{"phone":"+46701234567"');
      // After a restart (the running process has them in memory).
      const restarted = new LowdbStorage(dir);
      await restarted.read([old, recent]);
      const aside = (key: string) =>
        readdirSync(join(fileOf(dir, key), '..')).filter((name) => name.startsWith(`${basename(fileOf(dir, key))}.unreadable-`));
      const [oldAside] = aside(old);
      renameSync(join(fileOf(dir, old), '..', oldAside!), join(fileOf(dir, old), '..', oldAside!.replace(/\d+$/, String(twoDaysAgo.getTime()))));
      // A temporary file from a write killed two days ago, and one being written now.
      const staleTemporary = join(fileOf(dir, old), '..', '.stale.json.tmp');
      const liveTemporary = join(fileOf(dir, recent), '..', '.live.json.tmp');
      writeFileSync(staleTemporary, JSON.stringify(details));
      utimesSync(staleTemporary, twoDaysAgo, twoDaysAgo);
      writeFileSync(liveTemporary, JSON.stringify(details));

      expect(await purgeIdleConversations(restarted, 24)).toEqual({ conversations: 0, leftovers: 2 });
      expect(aside(old)).toEqual([]);
      expect(aside(recent)).toHaveLength(1);
      expect(existsSync(staleTemporary)).toBe(false);
      expect(existsSync(liveTemporary)).toBe(true);
    } finally {
      removeDataDir(dataDir);
    }
  });

  test('CONVERSATION_RETENTION_HOURS defaults to 24 and must be a whole number of hours', () => {
    expect(loadConfig({}).conversationRetentionHours).toBe(24);
    expect(loadConfig({ CONVERSATION_RETENTION_HOURS: '2' }).conversationRetentionHours).toBe(2);
    expect(() => loadConfig({ CONVERSATION_RETENTION_HOURS: '0' })).toThrow(/CONVERSATION_RETENTION_HOURS="0": must be a whole number of at least 1/);
  });

  test('a store that cannot list idle documents is skipped and the log says so', () => {
    const lines: string[] = [];
    const storage = new MemoryStorage();
    expect(canListIdleKeys(storage)).toBe(false);
    startConversationRetention(storage, 24, createLogger('info', (line) => lines.push(line))).stop();
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual([
      'conversation retention not run by the bot for this store',
    ]);
  });
});
