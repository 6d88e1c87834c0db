import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { testConfig } from '../../src/domain/config.js';
import { createLogger } from '../../src/domain/logger.js';
import { guardStores } from '../../src/service/resilience/storageGuard.js';
import { createMemoryStores, createStores } from '../../src/domain/storage/index.js';
import { isStorageFailure, StorageUnavailableError } from '../../src/domain/storage/storageFailure.js';
import { makeDataDir, removeDataDir, startApp } from '../support/app.js';
import { say } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { faultyStores, systemError } from '../support/faultyStores.js';
import { storedFiles, unreadableDocuments } from '../support/storedDocuments.js';

const snapshot = (dataDir: string) => Object.fromEntries(storedFiles(dataDir).map((file) => [file, readFileSync(file, 'utf8')]));

const WRITES = ['write', 'delete', 'insert', 'removeWhere'];

describe.each([
  ['a full disk', () => systemError('ENOSPC', 'no space left on device, write'), WRITES, 'ENOSPC'],
  ['a read-only DATA_DIR', () => systemError('EROFS', 'read-only file system, open'), WRITES, 'EROFS'],
  ['blob storage that is down', () => Object.assign(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:10000'), { name: 'RestError' }), ['read', 'write', 'delete'], 'ECONNREFUSED'],
])('with %s', (_name, error, operations, code) => {
  test('the user hears "couldn\'t save, please try again", the log names what failed, nothing stored is lost, and service resumes', async () => {
    const dataDir = makeDataDir();
    const lines: string[] = [];
    const faulty = faultyStores(createStores({ dataDir }));
    const running = await startApp({ dataDir }, { stores: faulty.stores, logger: createLogger('info', (line) => lines.push(line)) });
    try {
      const conversation = { conversationId: `fault-${randomUUID()}`, locale: 'sv-SE' };
      expect((await say(running.url, 'hej', conversation)).map((a) => a.text)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
      const before = snapshot(dataDir);

      faulty.failWith(error, operations);
      const replies = await say(running.url, '3', conversation);
      expect(replies.at(-1)?.text).toBe(text('sv', 'security:storageUnavailable'));
      const failed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((r) => r.message === 'storage failed');
      expect(failed.length).toBeGreaterThan(0);
      for (const line of failed) {
        expect(line.level).toBe('error');
        expect(operations).toContain(line.operation);
        expect(String(line.reason)).toContain(code);
      }
      expect(lines.join('\n')).not.toContain('"2"');
      expect(snapshot(dataDir)).toEqual(before);

      faulty.failWith(undefined);
      // The unsaved turn left the menu question pending: the same answer works now.
      expect((await say(running.url, '3', conversation)).map((a) => a.text)).toEqual([text('sv', 'facts:F02.productKey'), text('sv', 'menu.promptAgain')]);
      expect(unreadableDocuments(dataDir)).toEqual([]);
    } finally {
      await running.close();
      removeDataDir(dataDir);
    }
  });
});

describe('the storage guard', () => {
  test('a store that does not answer fails the operation after the timeout, logged as a storage failure', async () => {
    const lines: string[] = [];
    const stores = createMemoryStores();
    const hanging = { ...stores, state: { read: () => new Promise(() => undefined), write: async () => undefined, delete: async () => undefined } };
    const guarded = guardStores(hanging as never, createLogger('info', (line) => lines.push(line)), 50);
    const error = await guarded.state.read(['k']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(isStorageFailure({ error })).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'storage failed', store: 'state', operation: 'read', reason: 'no answer within 50 ms' });
  });

  test('an eTag conflict is passed on as it is (it is a race, not an outage)', async () => {
    const stores = createMemoryStores();
    const guarded = guardStores(stores, createLogger('silent'));
    await guarded.state.write({ k: { v: 1 } });
    const { k } = await guarded.state.read(['k']);
    await guarded.state.write({ k: { ...k, v: 2 } });
    const error = await guarded.state.write({ k: { ...k, v: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(StorageUnavailableError);
  });

  test('flush waits for writes in flight; record stores keep working through the guard', async () => {
    const dataDir = makeDataDir();
    try {
      const guarded = guardStores(createStores({ dataDir }), createLogger('silent'));
      const config = testConfig();
      void guarded.outcomes.insert({ id: '1', createdAt: new Date().toISOString(), conversationKey: 'c', path: 'menu', locale: config.defaultLocale });
      await guarded.flush();
      expect(await guarded.outcomes.list()).toHaveLength(1);
    } finally {
      removeDataDir(dataDir);
    }
  });
});
