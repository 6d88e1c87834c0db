import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built service (`node dist/src/index.js`, as `npm start` does; `npm test` builds
 * first) in its own process on a free port, from an empty folder so no `.env` is picked up.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const cwd = mkdtempSync(join(tmpdir(), 'cancellation-assistant-cwd-'));
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/index.js')], {
    cwd,
    // LOG_LEVEL info: the "listening" line says the server is ready.
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  let ready = () => {};
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const match = /"message":"listening".*"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    void exited.then(({ code }) => reject(new Error(`the server exited (${code}) before listening:\n${output.join('\n')}`)));
    const tooLate = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not log "listening" within 30 s:\n${output.join('\n')}`));
    }, 30_000);
    tooLate.unref();
    ready = () => clearTimeout(tooLate);
  });
  ready();
  return { child, url, output, exited };
}
