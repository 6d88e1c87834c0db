import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig, type Config } from '../../src/domain/config.js';
import type { App } from '../../src/service/app.js';
import { createApp, type AppOptions } from '../../src/service/server.js';

export interface RunningApp {
  app: App;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh data folder under the OS temp folder; removed by `removeDataDir`. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cancellation-assistant-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
}

/** Starts the real app on a free port with its own data folder (or the one given). */
export async function startApp(overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<RunningApp> {
  const dataDir = overrides.dataDir ?? makeDataDir();
  const app = await createApp(testConfig({ ...overrides, dataDir }), options);
  const url = await app.listen(0, '127.0.0.1');
  await app.ready;
  return { app, url, dataDir, close: () => app.close() };
}

/**
 * Starts the app before the tests of the enclosing `describe` and stops it (removing its data) after.
 * Tests read the running app from `.current`.
 */
export function useRunningApp(overrides: Partial<Config> = {}, options: AppOptions = {}): { readonly current: RunningApp } {
  const holder = {} as { current: RunningApp };
  beforeAll(async () => {
    holder.current = await startApp(overrides, options);
  });
  afterAll(async () => {
    if (!holder.current) return;
    await holder.current.close();
    removeDataDir(holder.current.dataDir);
  });
  return holder;
}
