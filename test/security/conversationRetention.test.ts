import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { createLogger } from '../../src/logger.js';
import { canListIdleKeys, purgeIdleConversations, startConversationRetention } from '../../src/privacy/conversationRetention.js';
import { LowdbStorage } from '../../src/storage/lowdbStorage.js';
import { loadConfig } from '../../src/config.js';
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

      expect(await purgeIdleConversations(storage, 24)).toBe(1);

      const left = await storage.read([abandoned, active, user]);
      expect(Object.keys(left).sort()).toEqual([active, user].sort());
      expect(allStoredText(dir)).not.toContain('+46701234567');
      expect(allStoredText(dir)).not.toContain('admin@contoso.se');
      // A second run finds nothing more to do.
      expect(await purgeIdleConversations(storage, 24)).toBe(0);
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
