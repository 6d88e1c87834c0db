import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/domain/paths.js';

/**
 * `npm start` on a built clone, as a user runs it: from the command to a healthy `/healthz`, with
 * the up-to-date check that skips the build. Target: under 2 s.
 */
export async function timeNpmStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-npm-start-'));
  const started = performance.now();
  // Its own process group: npm starts a shell, which starts node; all of them stop together.
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, STORAGE: 'memory', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"message":"listening".*?"url":"http:\/\/[^:]+:(\d+)"/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${output}`)));
    });
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false))) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
