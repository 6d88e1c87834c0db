import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonLinesRecordStore } from '../src/domain/storage/jsonLinesRecordStore.js';
import { LowdbStorage } from '../src/domain/storage/lowdbStorage.js';
import { makeDataDir, removeDataDir } from './support/app.js';

const WRITER = fileURLToPath(new URL('./support/writeBurst.mjs', import.meta.url));

/** Runs the writer until it has acknowledged `acknowledgements` writes, then kills it with SIGKILL. */
async function killDuringBurst(dataDir: string, acknowledgements: number): Promise<string[]> {
  const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length >= acknowledgements && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code}`))));
  });
  return lines;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test('after kill -9 in the middle of a burst of writes, every document parses and nothing acknowledged is lost', async () => {
  const dataDir = makeDataDir();
  try {
    // Three crashes in a row on the same folder: recovery must also survive being interrupted.
    const acknowledged = { state: new Map<string, number>(), records: new Set<string>() };
    for (let crash = 0; crash < 3; crash += 1) {
      const lines = await killDuringBurst(dataDir, 300);
      // Each writer counts versions from 1 again: compare documents with the last run's acknowledgements.
      acknowledged.state.clear();
      for (const line of lines) {
        const [kind, id, version] = line.split(' ');
        if (kind === 'state') acknowledged.state.set(id!, Number(version));
        if (kind === 'record') acknowledged.records.add(id!);
      }
    }
    expect(acknowledged.state.size).toBeGreaterThan(0);
    expect(acknowledged.records.size).toBeGreaterThan(0);

    // Every state document on disk is whole JSON (temporary files are not documents).
    const documents = filesUnder(join(dataDir, 'state')).filter((file) => file.endsWith('.json'));
    expect(documents.length).toBeGreaterThan(0);
    for (const file of documents) expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();

    // Each conversation reads back at least at the version last acknowledged for it.
    const storage = new LowdbStorage(join(dataDir, 'state'));
    const items = await storage.read([...acknowledged.state.keys()]);
    for (const [key, version] of acknowledged.state) {
      expect(items[key]?.version).toBeGreaterThanOrEqual(version);
    }

    // Every acknowledged record is listed, and an insert after the crashes is kept too.
    const records = new JsonLinesRecordStore<{ id: string; createdAt: string }>(join(dataDir, 'records'));
    const after = { id: 'after-crash', createdAt: new Date().toISOString() };
    await records.insert(after);
    const listed = new Set((await records.list()).map((record) => record.id));
    for (const id of acknowledged.records) expect(listed.has(id)).toBe(true);
    expect(listed.has(after.id)).toBe(true);
  } finally {
    removeDataDir(dataDir);
  }
}, 120_000);
