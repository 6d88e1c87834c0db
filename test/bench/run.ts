// npm run bench: starts the real servers as child processes, drives simulated admins through whole
// paths over /api/messages with expectReplies, and prints turns/s, latency percentiles, peak RSS and
// start-up time per configuration, each compared with a bare echo bot on the same adapter and server.
// Settings: BENCH_CONCURRENCY (50), BENCH_TURNS (3000 per configuration), BENCH_SEEDED (100000).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/paths.js';
import { LowdbStorage } from '../../src/storage/lowdbStorage.js';
import { startAzurite, type RunningAzurite } from '../support/azurite.js';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { BENCH_PATHS } from './paths.js';
import { seedConversations } from './seed.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const TURNS = Number(process.env.BENCH_TURNS ?? 3000);
const SEEDED = Number(process.env.BENCH_SEEDED ?? 100_000);
const WARM_UP_TURNS = 300;
const MAX_SECONDS = 120;
const ECHO_ENTRY = fileURLToPath(new URL('./echoServer.js', import.meta.url));

interface Row {
  name: string;
  result: LoadResult;
  startupMs: number;
  peakRssMb: number;
  /** Server CPU time (user + system) per measured turn: steadier than wall time on a shared machine. */
  cpuMsPerTurn: number;
}

/** CPU time a process has used so far (Linux, /proc/<pid>/stat utime + stime), in ms. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 per second).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Peak resident set size of a process so far (Linux), in MB. */
function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function measure(name: string, server: ServerProcess, route = '/api/messages'): Promise<Row> {
  const load = { baseUrl: server.url, route, paths: BENCH_PATHS, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS };
  await runLoad({ ...load, turns: WARM_UP_TURNS });
  const cpuBefore = cpuMs(server.child.pid);
  const result = await runLoad({ ...load, turns: TURNS });
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new ServerStopped(`${name}: the server stopped during the run (${server.child.signalCode ?? server.child.exitCode}):\n${server.output().slice(-4000)}`);
  }
  const cpuMsPerTurn = (cpuMs(server.child.pid) - cpuBefore) / result.turns;
  const row = { name, result, startupMs: server.startupMs, peakRssMb: peakRssMb(server.child.pid), cpuMsPerTurn };
  process.stderr.write(`${name}: ${(result.turns / result.seconds).toFixed(0)} turns/s, ${cpuMsPerTurn.toFixed(2)} CPU ms/turn, ${result.failures} failed\n`);
  return row;
}

/** A conversation the bot really had, read back from lowdb: the shape every seeded conversation gets. */
async function sampleState(url: string, dataDir: string): Promise<{ conversation: object; user: object }> {
  const conversationId = 'bench-sample';
  for (const text of BENCH_PATHS[0]!.turns.slice(0, 4)) {
    await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', deliveryMode: 'expectReplies', channelId: 'bench', serviceUrl: 'http://127.0.0.1:9', text, locale: 'sv-SE',
        conversation: { id: conversationId }, from: { id: `admin-${conversationId}` }, recipient: { id: 'bot' },
      }),
    });
  }
  const keys = [`bench/conversations/${conversationId}/`, `bench/users/admin-${conversationId}/`];
  const items = await new LowdbStorage(join(dataDir, 'state')).read(keys);
  return { conversation: items[keys[0]!] ?? {}, user: items[keys[1]!] ?? {} };
}

/** Runs one configuration on a fresh server; once more if its server stopped under it (a shared machine). */
async function withServer<T>(env: Record<string, string>, use: (server: ServerProcess) => Promise<T>, entry?: string): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const server = await startServerProcess(env, entry);
    try {
      return await use(server);
    } catch (error) {
      if (attempt >= 2 || !(error instanceof ServerStopped)) throw error;
      process.stderr.write(`${String(error.message).split('\n')[0]}; running it again\n`);
    } finally {
      await server.stop();
    }
  }
}

class ServerStopped extends Error {}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(rows: Row[]): string {
  const base = rows[0]!;
  const rate = (row: Row) => row.result.turns / row.result.seconds;
  const header =
    '| Configuration | Turns | Failed | Turns/s | × baseline | p50 ms | p95 ms | p99 ms | p50 × baseline | CPU ms/turn | × baseline | Peak RSS MB | Start-up ms |';
  const lines = rows.map((row) => {
    const l = row.result.latencies;
    return `| ${row.name} | ${row.result.turns} | ${row.result.failures} | ${fmt(rate(row), 0)} | ${fmt(rate(row) / rate(base), 2)} | ${fmt(percentile(l, 50))} | ${fmt(percentile(l, 95))} | ${fmt(percentile(l, 99))} | ${fmt(percentile(l, 50) / percentile(base.result.latencies, 50), 2)} | ${fmt(row.cpuMsPerTurn, 2)} | ${fmt(row.cpuMsPerTurn / base.cpuMsPerTurn, 2)} | ${fmt(row.peakRssMb, 0)} | ${fmt(row.startupMs, 0)} |`;
  });
  return [header, `|${' --- |'.repeat(13)}`, ...lines].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average at start ${loadavg()[0]!.toFixed(1)}`;
}

const work = mkdtempSync(join(tmpdir(), 'bench-'));
const rows: Row[] = [];
let azurite: RunningAzurite | undefined;
const machineLine = machine();
let finished = false;
try {
  rows.push(await withServer({ STORAGE: 'memory' }, (server) => measure('Echo bot (baseline)', server, '/bench/echo'), ECHO_ENTRY));
  rows.push(await withServer({ STORAGE: 'memory' }, (server) => measure('Our bot, memory', server)));

  const emptyDir = join(work, 'lowdb-empty');
  let sample = { conversation: {}, user: {} };
  rows.push(
    await withServer({ STORAGE: 'lowdb', DATA_DIR: emptyDir }, async (server) => {
      const row = await measure('Our bot, lowdb, 0 stored', server);
      sample = await sampleState(server.url, emptyDir);
      return row;
    }),
  );

  const fullDir = join(work, 'lowdb-full');
  const seeding = performance.now();
  await seedConversations(join(fullDir, 'state'), SEEDED, sample);
  process.stderr.write(`seeded ${SEEDED} conversations in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);
  rows.push(await withServer({ STORAGE: 'lowdb', DATA_DIR: fullDir }, (server) => measure(`Our bot, lowdb, ${SEEDED.toLocaleString('en-US')} stored`, server)));

  azurite = await startAzurite();
  const blobEnv = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bench' };
  rows.push(await withServer(blobEnv, (server) => measure('Our bot, blob (Azurite)', server)));
  finished = true;
} finally {
  await azurite?.stop();
  if (!finished) rmSync(work, { recursive: true, force: true });
}

const report = [
  `Machine: ${machineLine}`,
  `${CONCURRENCY} concurrent simulated admins, ${TURNS} measured turns per configuration after ${WARM_UP_TURNS} warm-up turns; paths: ${BENCH_PATHS.map((path) => path.name).join(', ')}.`,
  '',
  table(rows),
].join('\n');
console.log(report);
mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'test-output', 'bench.md'), `${report}\n`);
// Last: removing 200,000 seeded files takes a while.
rmSync(work, { recursive: true, force: true });
