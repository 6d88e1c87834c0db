// npm run bench: starts the real servers as child processes, drives simulated admins through whole
// paths over /api/messages with expectReplies, and prints turns/s, latency percentiles, peak RSS and
// start-up time per configuration, each compared with a bare echo bot on the same adapter and server.
// A second baseline, the smallest waterfall bot botbuilder-dialogs allows, shows what the dialog stack
// alone costs: the floor under any bot built on it, ours included. The same bot with its state on
// lowdb shows the floor under any bot on this stack that keeps its state in files.
// Each configuration is measured twice: saturated (every admin sends the next turn as soon as the
// answer is in: throughput and CPU per turn), and paced (each admin takes BENCH_THINK_MS, on
// average, to read and reply, far quicker than people do: the latency an admin sees).
// The configurations take turns over BENCH_ROUNDS rounds, so that the shared machine slowing down or
// speeding up during the run weighs on all of them alike; the table sums the rounds.
// Storage reads and writes per turn are counted apart, in this process (storageCounts.ts), and RSS
// per 1,000 conversations in progress on a lowdb server of its own; BENCH_SOAK_SECONDS > 0 adds a
// paced soak on one more, sampling its RSS (off by default: 600 is the 10-minute soak).
// Azurite runs on the same cores as the bot: its CPU per turn is read apart (from /proc), and the blob
// row's paced p95 is given as measured and with Azurite's CPU per turn taken out (what a remote
// Blob Storage would leave, to a first approximation).
// BENCH_CPU_PROF=<folder> starts every measured server with `node --cpu-prof` into that folder (the
// profiles are written when each server stops; the CPU figures then include the profiler's cost).
// Settings: BENCH_ROUNDS (2), BENCH_CONCURRENCY (50), BENCH_TURNS (2000 saturated turns per
// configuration and round), BENCH_PACED_TURNS (1000), BENCH_THINK_MS (1000), BENCH_SEEDED (100000),
// BENCH_IN_PROGRESS (1000 conversations per batch for the RSS figure), BENCH_SOAK_SECONDS (0),
// BENCH_CPU_PROF (unset), BENCH_ONLY (unset: everything; else a comma-separated list of the ids in
// CONFIGURATIONS below, plus `rss` and `start` for the lines under the table, e.g. floor,lowdb,blob).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleService } from '../../src/service/bundle.js';
import { PROJECT_ROOT } from '../../src/domain/paths.js';
import { LowdbStorage } from '../../src/domain/storage/lowdbStorage.js';
import { startAzurite, type RunningAzurite } from '../support/azurite.js';
import { startLocalCollector, type LocalCollector } from '../support/otlpCollector.js';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { ECHO_ROUTE, WATERFALL_LOWDB_ROUTE, WATERFALL_ROUTE } from './baselineRoutes.js';
import { timeNpmStart } from './npmStart.js';
import { BENCH_PATHS } from './paths.js';
import { seedConversations } from './seed.js';
import { countStorageCalls, type StorageCounts } from './storageCounts.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const PACED_TURNS = Number(process.env.BENCH_PACED_TURNS ?? 1000);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const SEEDED = Number(process.env.BENCH_SEEDED ?? 100_000);
const IN_PROGRESS = Number(process.env.BENCH_IN_PROGRESS ?? 1000);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 0);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const SERVER_NODE_FLAGS = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
/** The configurations' short ids (BENCH_ONLY picks among them) and the names the table gives them. */
const CONFIGURATIONS = {
  echo: 'Echo bot (baseline)',
  waterfall: 'Smallest waterfall bot, memory',
  floor: 'Smallest waterfall bot, lowdb',
  memory: 'Our bot, memory',
  otlp: 'Our bot, memory, telemetry (OTLP)',
  lowdb: 'Our bot, lowdb, 0 stored',
  seeded: 'Our bot, lowdb, N stored',
  blob: 'Our bot, blob (Azurite)',
  rss: 'RSS per 1,000 conversations in progress',
  start: '`npm start` to a healthy /healthz',
} as const;
type ConfigurationId = keyof typeof CONFIGURATIONS;
const ONLY = process.env.BENCH_ONLY?.split(',').map((id) => id.trim()).filter(Boolean);
const unknownIds = (ONLY ?? []).filter((id) => !(id in CONFIGURATIONS));
if (unknownIds.length > 0) throw new Error(`BENCH_ONLY: unknown ${unknownIds.join(', ')}; the ids are ${Object.keys(CONFIGURATIONS).join(', ')}`);
const runs = (id: ConfigurationId) => !ONLY || ONLY.includes(id);
const WARM_UP_TURNS = 300;
const MAX_SECONDS = 120;
// The baseline is bundled as the service is (npm run build), so start-ups compare like with like.
const ECHO_ENTRY = join(PROJECT_ROOT, 'dist', 'bench-echo.mjs');
await bundleService(fileURLToPath(new URL('./echoServer.js', import.meta.url)), ECHO_ENTRY);

interface Row {
  name: string;
  /** Saturated: no think time. */
  result: LoadResult;
  /** Paced: BENCH_THINK_MS between an admin's turns. */
  paced: LoadResult;
  startupMs: number;
  peakRssMb: number;
  /** Server CPU time (user + system) per measured turn: steadier than wall time on a shared machine. */
  cpuMsPerTurn: number;
  /** Which storage count (storageCounts.ts) the configuration's turns make. */
  countedAs: string;
  /** A storage server on the same machine (Azurite): its CPU time per saturated and per paced turn. */
  storageServer?: { cpuMsPerTurn: number; pacedCpuMsPerTurn: number };
}

/** CPU time a process has used so far (Linux, /proc/<pid>/stat utime + stime), in ms. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 per second).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Peak (VmHWM) or current (VmRSS) resident set size of a process (Linux), in MB. */
function rssMb(pid: number | undefined, which: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  if (!pid) return NaN;
  const match = new RegExp(`${which}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function measure(name: string, server: ServerProcess, countedAs: string, route = '/api/messages', storageServerPid?: number): Promise<Row> {
  const load = { baseUrl: server.url, route, paths: BENCH_PATHS, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS };
  await runLoad({ ...load, turns: WARM_UP_TURNS });
  const cpuBefore = cpuMs(server.child.pid);
  const storageCpuBefore = cpuMs(storageServerPid);
  const result = await runLoad({ ...load, turns: TURNS });
  const storageCpuSaturated = cpuMs(storageServerPid);
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new ServerStopped(`${name}: the server stopped during the run (${server.child.signalCode ?? server.child.exitCode}):\n${server.output().slice(-4000)}`);
  }
  const cpuMsPerTurn = (cpuMs(server.child.pid) - cpuBefore) / result.turns;
  const paced = await runLoad({ ...load, turns: PACED_TURNS, thinkMs: THINK_MS });
  const row: Row = { name, result, paced, startupMs: server.startupMs, peakRssMb: rssMb(server.child.pid), cpuMsPerTurn, countedAs };
  if (storageServerPid) {
    row.storageServer = {
      cpuMsPerTurn: (storageCpuSaturated - storageCpuBefore) / result.turns,
      pacedCpuMsPerTurn: (cpuMs(storageServerPid) - storageCpuSaturated) / paced.turns,
    };
  }
  process.stderr.write(`${name}: ${(result.turns / result.seconds).toFixed(0)} turns/s, ${cpuMsPerTurn.toFixed(2)} CPU ms/turn, paced p99 ${percentile(paced.latencies, 99).toFixed(0)} ms, ${result.failures + paced.failures} failed\n`);
  return row;
}

/**
 * RSS per 1,000 conversations in progress, on lowdb: after warm-up, IN_PROGRESS admins each take the
 * first three turns of a path and leave their conversation open, twice over. The first batch also
 * grows the heap to what the load needs; the second adds only conversations, so its RSS growth,
 * per 1,000, is the figure. A short measurement: garbage not yet collected counts too.
 */
async function rssOfConversationsInProgress(server: ServerProcess): Promise<string> {
  const pid = server.child.pid;
  const load = { baseUrl: server.url, route: '/api/messages', paths: BENCH_PATHS, concurrency: CONCURRENCY, maxSeconds: 300 };
  await runLoad({ ...load, turns: WARM_UP_TURNS });
  const openConversations = () => runLoad({ ...load, turns: IN_PROGRESS * 3, turnsPerConversation: 3 });
  const first = await openConversations();
  const before = rssMb(pid, 'VmRSS');
  const second = await openConversations();
  const after = rssMb(pid, 'VmRSS');
  const added = Math.ceil(second.turns / 3);
  return `RSS per 1,000 conversations in progress (lowdb, conversations left open after 3 turns each, ${first.failures + second.failures} failed turns): ${fmt(((after - before) / added) * 1000)} MB (RSS ${fmt(before, 0)} MB with ${Math.ceil(first.turns / 3)} open, ${fmt(after, 0)} MB with ${added} more).`;
}

/** BENCH_SOAK_SECONDS of paced turns on lowdb, new conversations all along; the server's RSS every 10 s. */
async function soakRss(server: ServerProcess): Promise<string> {
  const pid = server.child.pid;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb(pid, 'VmRSS')), 10_000);
  let result: LoadResult;
  try {
    result = await runLoad({ baseUrl: server.url, route: '/api/messages', paths: BENCH_PATHS, concurrency: CONCURRENCY, turns: Infinity, maxSeconds: SOAK_SECONDS, thinkMs: THINK_MS });
  } finally {
    clearInterval(sampler);
  }
  const afterMinute = samples[Math.min(5, samples.length - 1)] ?? NaN;
  return `Soak (lowdb, ${SOAK_SECONDS} s paced at ${CONCURRENCY} admins, ${result.turns} turns, ${result.failures} failed): RSS ${fmt(afterMinute, 0)} MB after the first minute, ${fmt(samples.at(-1) ?? NaN, 0)} MB at the end, peak ${fmt(rssMb(pid), 0)} MB (every 10 s: ${samples.map((mb) => fmt(mb, 0)).join(', ')}).`;
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
    const server = await startServerProcess(env, entry, SERVER_NODE_FLAGS);
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

function table(rows: Row[], counts: Map<string, StorageCounts>): string {
  const base = rows[0]!;
  const rate = (row: Row) => row.result.turns / row.result.seconds;
  const p = (result: LoadResult, n: number) => percentile(result.latencies, n);
  const header = [
    'Configuration', 'Turns/s', '× baseline', 'CPU ms/turn', '× baseline', 'Paced p50 ms', 'Paced p95 ms', 'Paced p99 ms',
    'Saturated p50 ms', 'Saturated p99 ms', 'Failed turns', 'Peak RSS MB', 'Start-up ms',
    'State reads/turn', 'State writes/turn', 'Unchanged writes/turn', 'Records/turn',
  ];
  const lines = rows.map((row) =>
    [
      row.name,
      fmt(rate(row), 0),
      fmt(rate(row) / rate(base), 2),
      fmt(row.cpuMsPerTurn, 2),
      fmt(row.cpuMsPerTurn / base.cpuMsPerTurn, 2),
      fmt(p(row.paced, 50)),
      fmt(p(row.paced, 95)),
      fmt(p(row.paced, 99)),
      fmt(p(row.result, 50)),
      fmt(p(row.result, 99)),
      `${row.result.failures + row.paced.failures} of ${row.result.turns + row.paced.turns}`,
      fmt(row.peakRssMb, 0),
      fmt(row.startupMs, 0),
      fmt(counts.get(row.countedAs)?.reads ?? NaN, 2),
      fmt(counts.get(row.countedAs)?.writes ?? NaN, 2),
      fmt(counts.get(row.countedAs)?.unchangedWrites ?? NaN, 2),
      fmt(counts.get(row.countedAs)?.inserts ?? NaN, 2),
    ].join(' | '),
  );
  return [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`, ...lines.map((line) => `| ${line} |`)].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average at start ${loadavg()[0]!.toFixed(1)}`;
}

/** One configuration's rounds as one row: turns and time summed, latencies pooled, the worst start-up and RSS. */
function sumRounds(rounds: Row[]): Row {
  const pool = (results: LoadResult[]): LoadResult => ({
    turns: results.reduce((sum, result) => sum + result.turns, 0),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    seconds: results.reduce((sum, result) => sum + result.seconds, 0),
    latencies: results.flatMap((result) => result.latencies).sort((a, b) => a - b),
  });
  const result = pool(rounds.map((round) => round.result));
  const paced = pool(rounds.map((round) => round.paced));
  return {
    name: rounds[0]!.name,
    result,
    paced,
    startupMs: Math.max(...rounds.map((round) => round.startupMs)),
    peakRssMb: Math.max(...rounds.map((round) => round.peakRssMb)),
    cpuMsPerTurn: rounds.reduce((sum, round) => sum + round.cpuMsPerTurn * round.result.turns, 0) / result.turns,
    countedAs: rounds[0]!.countedAs,
    ...(rounds.every((round) => round.storageServer)
      ? {
          storageServer: {
            cpuMsPerTurn: rounds.reduce((sum, round) => sum + round.storageServer!.cpuMsPerTurn * round.result.turns, 0) / result.turns,
            pacedCpuMsPerTurn: rounds.reduce((sum, round) => sum + round.storageServer!.pacedCpuMsPerTurn * round.paced.turns, 0) / paced.turns,
          },
        }
      : {}),
  };
}

/**
 * The blob rows with the storage server's CPU apart: ours, Azurite's, both; paced p95 as measured
 * (Azurite's work sits in each turn's path, on the same two cores), and less Azurite's CPU per
 * paced turn (an estimate of what a remote store that costs this machine nothing would leave).
 */
function storageServerTable(rows: Row[], counts: Map<string, StorageCounts>): string {
  const withServer = rows.filter((row) => row.storageServer);
  if (withServer.length === 0) return '';
  const header = [
    'Configuration', 'Our CPU ms/turn', 'Azurite CPU ms/turn', 'Both, CPU ms/turn', 'Paced p95 ms (measured)',
    "Azurite CPU ms per paced turn", "Paced p95 ms less Azurite's CPU (estimate)", 'Storage requests/turn (4 admins)', 'Storage requests/turn (all admins, saturated)',
  ];
  const lines = withServer.map((row) => {
    const server = row.storageServer!;
    const p95 = percentile(row.paced.latencies, 95);
    return [
      row.name, fmt(row.cpuMsPerTurn, 2), fmt(server.cpuMsPerTurn, 2), fmt(row.cpuMsPerTurn + server.cpuMsPerTurn, 2), fmt(p95),
      fmt(server.pacedCpuMsPerTurn, 2), fmt(p95 - server.pacedCpuMsPerTurn), fmt(counts.get(row.countedAs)?.requests ?? NaN, 2), fmt(counts.get(row.countedAs)?.requestsUnderLoad ?? NaN, 2),
    ].join(' | ');
  });
  return [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`, ...lines.map((line) => `| ${line} |`)].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'bench-'));
const measured = new Map<string, Row[]>();
const keep = (row: Row) => measured.set(row.name, [...(measured.get(row.name) ?? []), row]);
let azurite: RunningAzurite | undefined;
let collector: LocalCollector | undefined;
const machineLine = machine();
let finished = false;
let counts = new Map<string, StorageCounts>();
let inProgress = '';
let soak = '';
try {
  const fullDir = join(work, 'lowdb-full');
  let sample = { conversation: {}, user: {} };
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stderr.write(`round ${round} of ${ROUNDS}\n`);
    if (runs('echo')) keep(await withServer({ STORAGE: 'memory' }, (server) => measure(CONFIGURATIONS.echo, server, 'echo', ECHO_ROUTE), ECHO_ENTRY));
    if (runs('waterfall')) keep(await withServer({ STORAGE: 'memory' }, (server) => measure(CONFIGURATIONS.waterfall, server, 'waterfall memory', WATERFALL_ROUTE), ECHO_ENTRY));
    const floorDir = join(work, `smallest-waterfall-lowdb-${round}`);
    if (runs('floor')) keep(await withServer({ STORAGE: 'memory', DATA_DIR: floorDir }, (server) => measure(CONFIGURATIONS.floor, server, 'waterfall lowdb', WATERFALL_LOWDB_ROUTE), ECHO_ENTRY));
    if (runs('memory')) keep(await withServer({ STORAGE: 'memory' }, (server) => measure(CONFIGURATIONS.memory, server, 'ours memory')));
    if (runs('otlp')) {
      // Telemetry on: every turn a span with its storage calls, and the histogram, sent to a local OTLP sink.
      collector ??= await startLocalCollector({ keep: false });
      const telemetryEnv = { STORAGE: 'memory', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url };
      keep(await withServer(telemetryEnv, (server) => measure(CONFIGURATIONS.otlp, server, 'ours memory')));
    }

    const emptyDir = join(work, `lowdb-empty-${round}`);
    const needsSample = round === 1 && runs('seeded');
    if (runs('lowdb') || needsSample) {
      await withServer({ STORAGE: 'lowdb', DATA_DIR: emptyDir }, async (server) => {
        if (runs('lowdb')) keep(await measure(CONFIGURATIONS.lowdb, server, 'ours lowdb'));
        if (needsSample) sample = await sampleState(server.url, emptyDir);
      });
    }

    if (runs('seeded')) {
      if (round === 1) {
        const seeding = performance.now();
        await seedConversations(join(fullDir, 'state'), SEEDED, sample);
        process.stderr.write(`seeded ${SEEDED} conversations in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);
        // The seed just wrote 200,000 files: let the kernel write them out now, not during the measurement
        // (in service, stored conversations were written over weeks).
        execFileSync('sync');
      }
      keep(await withServer({ STORAGE: 'lowdb', DATA_DIR: fullDir }, (server) => measure(CONFIGURATIONS.seeded.replace('N', SEEDED.toLocaleString('en-US')), server, 'ours lowdb')));
    }

    if (runs('blob')) {
      azurite ??= await startAzurite();
      const blobEnv = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: `bench-${round}` };
      const azuritePid = azurite.pid;
      keep(await withServer(blobEnv, (server) => measure(CONFIGURATIONS.blob, server, 'ours blob', '/api/messages', azuritePid)));
    }
  }
  counts = await countStorageCalls(azurite && { connectionString: azurite.connectionString, container: 'bench-counts' }, { concurrency: CONCURRENCY, turns: TURNS });
  if (runs('rss')) inProgress = await withServer({ STORAGE: 'lowdb', DATA_DIR: join(work, 'lowdb-in-progress') }, (server) => rssOfConversationsInProgress(server));
  if (SOAK_SECONDS > 0) soak = await withServer({ STORAGE: 'lowdb', DATA_DIR: join(work, 'lowdb-soak') }, (server) => soakRss(server));
  finished = true;
} finally {
  await azurite?.stop();
  await collector?.close();
  if (!finished) rmSync(work, { recursive: true, force: true });
}
const rows = [...measured.values()].map(sumRounds);
// dist/ was built above: each of these starts finds it up to date and skips the build.
const npmStarts: number[] = [];
if (runs('start')) for (let round = 1; round <= ROUNDS; round += 1) npmStarts.push(await timeNpmStart());

const report = [
  `Machine: ${machineLine}`,
  `${CONCURRENCY} concurrent simulated admins; ${ROUNDS} rounds, each configuration in turn on a fresh server per round: ${WARM_UP_TURNS} warm-up turns, then ${TURNS} saturated turns (no think time: turns/s, CPU, saturated latency), then ${PACED_TURNS} paced turns (${THINK_MS} ms average think time: paced latency). Rounds summed: turns/s and CPU over all their turns, latencies pooled, the slowest start-up, the highest RSS. Paths: ${BENCH_PATHS.map((path) => path.name).join(', ')}.`,
  '',
  table(rows, counts),
  '',
  ...(storageServerTable(rows, counts) ? [storageServerTable(rows, counts), ''] : []),
  `Storage calls per turn: counted apart, in the benchmark's own process, on the same app and storage kinds, each path twice (storageCounts.ts); rows on the same storage kind share the count. "Unchanged writes" are writes of a document exactly as it was last read or written.`,
  '',
  ...(ONLY ? [`Only ${ONLY.join(', ')} (BENCH_ONLY); "× baseline" is against the first row.`, ''] : []),
  ...(inProgress ? [inProgress] : []),
  ...(soak ? ['', soak] : []),
  ...(npmStarts.length > 0
    ? ['', `\`npm start\` on a built clone, to a healthy /healthz (target under 2 s): ${npmStarts.map((ms) => fmt(ms, 0)).join(', ')} ms (slowest ${fmt(Math.max(...npmStarts), 0)} ms).`]
    : []),
].join('\n');
console.log(report);
mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'test-output', 'bench.md'), `${report}\n`);
// Last: removing 200,000 seeded files takes a while.
rmSync(work, { recursive: true, force: true });
