// How many storage reads and writes a turn makes, per configuration, and whether any write stores
// what the document already held (a wasted write). Counted in this process, on the same app and
// storage as the measured servers, with a counting layer under the app's own: counting adds a
// JSON snapshot per call, which must not weigh on the timed runs.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { testConfig, type Config } from '../../src/domain/config.js';
import type { App } from '../../src/service/app.js';
import { createApp } from '../../src/service/server.js';
import { createLowdbStores, createMemoryStores, createStores, type Stores } from '../../src/domain/storage/index.js';
import { LowdbStorage } from '../../src/domain/storage/lowdbStorage.js';
import type { RecordStore, StoredRecord } from '../../src/domain/storage/records.js';
import { registerBaselines } from './baselines.js';
import { ECHO_ROUTE, WATERFALL_LOWDB_ROUTE, WATERFALL_ROUTE } from './baselineRoutes.js';
import { runLoad } from './load.js';
import { BENCH_PATHS } from './paths.js';

export interface StorageCounts {
  /** State documents read (a read of two keys counts two). */
  reads: number;
  /** State documents written. */
  writes: number;
  /** Writes whose document (without its eTag) is what was last read or written under that key. */
  unchangedWrites: number;
  /** Records inserted (feedback, cases, outcomes). */
  inserts: number;
  /** HTTP requests to the storage service (blob only; NaN elsewhere). */
  requests: number;
  /**
   * The same with the benchmark's admins all at once, saturated (blob only): records that arrive
   * together share an upload, so this depends on load.
   */
  requestsUnderLoad?: number;
}

const noCounts = (): StorageCounts => ({ reads: 0, writes: 0, unchangedWrites: 0, inserts: 0, requests: NaN });

/** Counts, while `use` runs, the HTTP requests this process sends to `host` (Node's own diagnostics channel). */
async function countingRequests<T>(host: string, counts: StorageCounts, use: () => Promise<T>): Promise<T> {
  counts.requests = 0;
  const onRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (request.getHeader('host') === host) counts.requests += 1;
  };
  subscribe('http.client.request.start', onRequest);
  try {
    return await use();
  } finally {
    unsubscribe('http.client.request.start', onRequest);
  }
}

function snapshot(item: unknown): string | undefined {
  if (item === undefined || item === null) return undefined;
  const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** `storage` with its reads and writes counted into `counts`; its other methods (retention) pass through. */
function countingStorage(storage: Storage, counts: StorageCounts): Storage {
  const known = new Map<string, string | undefined>();
  const counted: Pick<Storage, 'read' | 'write'> = {
    async read(keys: string[]) {
      counts.reads += keys.length;
      const items = await storage.read(keys);
      for (const key of keys) known.set(key, snapshot(items[key]));
      return items;
    },
    async write(changes: StoreItems) {
      for (const [key, change] of Object.entries(changes)) {
        counts.writes += 1;
        const written = snapshot(change);
        if (known.has(key) && known.get(key) === written) counts.unchangedWrites += 1;
        known.set(key, written);
      }
      await storage.write(changes);
    },
  };
  return new Proxy(storage, {
    get(target, property) {
      if (property === 'read' || property === 'write') return counted[property];
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function countingRecords<T extends StoredRecord>(store: RecordStore<T>, counts: StorageCounts): RecordStore<T> {
  return {
    insert: async (record) => {
      counts.inserts += 1;
      await store.insert(record);
    },
    list: (query) => store.list(query),
    removeWhere: (predicate) => store.removeWhere(predicate),
  };
}

function countingStores(stores: Stores, counts: StorageCounts): Stores {
  return {
    state: countingStorage(stores.state, counts),
    feedback: countingRecords(stores.feedback, counts),
    cases: countingRecords(stores.cases, counts),
    outcomes: countingRecords(stores.outcomes, counts),
  };
}

/**
 * Each path twice, a few admins at a time: documents and records do not depend on load (turns of a
 * conversation run one at a time). `load` runs that many turns with that many admins instead.
 */
async function countTurns(url: string, route: string, counts: StorageCounts, load?: { concurrency: number; turns: number }): Promise<StorageCounts> {
  const turns = load?.turns ?? 2 * BENCH_PATHS.reduce((sum, path) => sum + path.turns.length, 0);
  const before = { ...counts };
  const result = await runLoad({ baseUrl: url, route, paths: BENCH_PATHS, concurrency: load?.concurrency ?? 4, turns, maxSeconds: 120 });
  if (result.failures > 0) throw new Error(`counting storage calls on ${route}: ${result.failures} of ${result.turns} turns failed`);
  const per = (name: Exclude<keyof StorageCounts, 'requestsUnderLoad'>) => (counts[name] - before[name]) / result.turns;
  return { reads: per('reads'), writes: per('writes'), unchangedWrites: per('unchangedWrites'), inserts: per('inserts'), requests: per('requests') };
}

async function withApp<T>(config: Config, stores: Stores, use: (app: App, url: string) => Promise<T>): Promise<T> {
  const app = await createApp(config, { stores });
  try {
    await app.ready;
    return await use(app, await app.listen(0, '127.0.0.1'));
  } finally {
    await app.close();
  }
}

/** Per turn, for each kind of configuration the benchmark measures (by the names it gives them). */
export async function countStorageCalls(
  blob?: { connectionString: string; container: string },
  load: { concurrency: number; turns: number } = { concurrency: 50, turns: 1000 },
): Promise<Map<string, StorageCounts>> {
  const work = mkdtempSync(join(tmpdir(), 'bench-counts-'));
  const counted = new Map<string, StorageCounts>();
  try {
    const config = testConfig({ dataDir: join(work, 'app') });
    // The baselines: the echo bot has no state; each floor its own storage.
    const floorMemory = noCounts();
    const floorLowdb = noCounts();
    const appCounts = noCounts();
    await withApp(config, countingStores(createMemoryStores(), appCounts), async (app, url) => {
      registerBaselines(app, countingStorage(new LowdbStorage(join(work, 'floor')), floorLowdb), countingStorage(new MemoryStorage(), floorMemory));
      counted.set('echo', await countTurns(url, ECHO_ROUTE, appCounts));
      counted.set('waterfall memory', await countTurns(url, WATERFALL_ROUTE, floorMemory));
      counted.set('waterfall lowdb', await countTurns(url, WATERFALL_LOWDB_ROUTE, floorLowdb));
    });
    const ours: Array<[string, () => Stores, Partial<Config>, string?]> = [
      ['memory', createMemoryStores, { storage: 'memory' }],
      ['lowdb', () => createLowdbStores(join(work, 'lowdb')), { storage: 'lowdb' }],
    ];
    if (blob) {
      const blobConfig: Partial<Config> = { storage: 'blob', blobConnectionString: blob.connectionString, blobContainer: blob.container };
      ours.push(['blob', () => createStores({ dataDir: work, ...blobConfig }), blobConfig, new URL(blobEndpoint(blob.connectionString)).host]);
    }
    for (const [name, stores, overrides, requestHost] of ours) {
      const counts = noCounts();
      const count = () => withApp({ ...config, ...overrides }, countingStores(stores(), counts), (_app, url) => countTurns(url, '/api/messages', counts));
      counted.set(`ours ${name}`, await (requestHost ? countingRequests(requestHost, counts, count) : count()));
      if (requestHost) {
        const loaded = noCounts();
        const underLoad = await countingRequests(requestHost, loaded, () =>
          withApp({ ...config, ...overrides }, stores(), (_app, url) => countTurns(url, '/api/messages', loaded, load)),
        );
        counted.get(`ours ${name}`)!.requestsUnderLoad = underLoad.requests;
      }
    }
    return counted;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function blobEndpoint(connectionString: string): string {
  const endpoint = /BlobEndpoint=([^;]+)/.exec(connectionString)?.[1];
  if (!endpoint) throw new Error('counting storage requests needs a connection string with a BlobEndpoint');
  return endpoint;
}
