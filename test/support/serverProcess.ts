import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_BUNDLE } from '../../src/domain/paths.js';
import { stopChild } from './azurite.js';

export interface ServerProcess {
  /** Base URL on 127.0.0.1. */
  url: string;
  child: ChildProcess;
  /** From spawn until `/healthz` answered 200. */
  startupMs: number;
  /** What the process printed so far (its JSON log lines), up to a cap. */
  output(): string;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** A start-up this slow means something is wrong (the service itself starts in well under 2 s). */
const STARTUP_LIMIT_MS = 90_000;

/** The built service (`npm run build`), as `npm start` runs it: the bundle. */
export const SERVICE_ENTRY = SERVICE_BUNDLE;

/**
 * Starts a server as its own process (default: the built service) on a free port, in an empty
 * working folder (so no developer `.env` leaks in), and waits until `/healthz` answers.
 */
export async function startServerProcess(
  env: Record<string, string>,
  entry = SERVICE_ENTRY,
  nodeFlags: string[] = [],
  /** Another working folder, or another user to run as (uid/gid need root). */
  as: { cwd?: string; uid?: number; gid?: number } = {},
): Promise<ServerProcess> {
  const workspace = mkdtempSync(join(tmpdir(), 'bot-process-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    cwd: as.cwd ?? workspace,
    uid: as.uid,
    gid: as.gid,
    // LOG_LEVEL info: the "listening" line tells the port.
    env: { ...process.env, PORT: '0', DATA_DIR: join(workspace, 'data'), ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(workspace, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  let output = '';
  let tooLate: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Keep the first part of the output for diagnosis; keep draining the pipe regardless.
      if (output.length < 200_000) output += chunk.toString();
      const match = /"message":"listening".*?"url":"http:\/\/[^:]+:(\d+)"/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${output}`)));
    child.once('error', reject);
    tooLate = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not log "listening" within ${STARTUP_LIMIT_MS} ms: ${output}`));
    }, STARTUP_LIMIT_MS);
    tooLate.unref();
  }).finally(() => clearTimeout(tooLate));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    child,
    startupMs,
    output: () => output,
    exited,
    stop: () => stopChild(child).finally(() => rmSync(workspace, { recursive: true, force: true })),
  };
}
