import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Azurite's documented development account (public, the same in every Azurite).
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  connectionString: string;
  /** Azurite's process id (the benchmark reads its CPU time apart from the bot's). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's blob service on a free loopback port, in memory, without telemetry (without
 * `--disableTelemetry` it ignores SIGTERM). Resolves once it listens.
 */
export async function startAzurite(options: { https?: { cert: string; key: string }; oauth?: 'basic' } = {}): Promise<RunningAzurite & { port: number; url: string }> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const workspace = mkdtempSync(join(tmpdir(), 'azurite-'));
  // --skipApiVersionCheck: @azure/storage-blob speaks a newer service version than Azurite knows.
  // --oauth basic (it needs https) accepts bearer tokens by their issuer, audience and lifetime.
  const extra = [
    ...(options.https ? ['--cert', options.https.cert, '--key', options.https.key] : []),
    ...(options.oauth ? ['--oauth', options.oauth] : []),
  ];
  const child = spawn(
    process.execPath,
    [main, '--blobHost', '127.0.0.1', '--blobPort', '0', '--disableTelemetry', '--silent', '--inMemoryPersistence', '--skipApiVersionCheck', ...extra],
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /successfully listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}) before listening: ${output}`)));
    child.once('error', reject);
  });
  const scheme = options.https ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}/${ACCOUNT}`;
  const connectionString = [`DefaultEndpointsProtocol=${scheme}`, `AccountName=${ACCOUNT}`, `AccountKey=${ACCOUNT_KEY}`, `BlobEndpoint=${url};`].join(';');
  return {
    connectionString,
    pid: child.pid,
    port,
    url,
    stop: () => stopChild(child).finally(() => rmSync(workspace, { recursive: true, force: true })),
  };
}

/** SIGTERM, then SIGKILL if the process is still there after a while. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
