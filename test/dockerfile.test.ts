import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/domain/paths.js';
import { copies, execForm, instructions, parseDockerfile } from './support/dockerfile.js';

/**
 * The image's settings, read from the Dockerfile (no Docker daemon here: the image itself is not
 * built by the tests; test/productionImage.test.ts assembles and runs its files).
 */
const stages = parseDockerfile();
const runtime = stages.at(-1)!;
const environment = Object.fromEntries(
  instructions(runtime, 'ENV').flatMap((line) => [...line.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name!, value!])),
);

test('builds in stages, and the runtime stage copies built files, never builds', () => {
  expect(stages.length).toBeGreaterThanOrEqual(2);
  expect(instructions(stages[0]!, 'RUN')).toContain('npm run build');
  expect(instructions(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install|run)/);
  expect(copies(runtime).some((copy) => copy.from === 'build')).toBe(true);
});

test('every stage starts from a slim image of a Node.js LTS line (an even major) no older than 24', () => {
  for (const stage of stages) {
    const [, major, variant] = /^node:(\d+)-(.*)$/.exec(stage.image) ?? [];
    expect([stage.name, variant]).toEqual([stage.name, expect.stringMatching(/slim$/)]);
    expect(Number(major) % 2).toBe(0);
    expect(Number(major)).toBeGreaterThanOrEqual(24);
  }
});

test('runs as the non-root node user, started by node itself (so SIGTERM reaches the service)', () => {
  expect(instructions(runtime, 'USER').at(-1)).toBe('node');
  expect(execForm(instructions(runtime, 'CMD').at(-1)!)).toEqual(['node', 'dist/cancellation-assistant.mjs']);
  expect(instructions(runtime, 'ENTRYPOINT')).toEqual([]);
  expect(instructions(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  expect(environment.NODE_ENV).toBe('production');
});

test('keeps DATA_DIR on a volume the node user can write', () => {
  expect(environment.DATA_DIR).toBe('/data');
  expect(instructions(runtime, 'VOLUME')).toContain(environment.DATA_DIR);
  expect(instructions(runtime, 'RUN').join(' ')).toContain(`chown node:node ${environment.DATA_DIR}`);
});

test('has a HEALTHCHECK that asks the service on the port it listens on', () => {
  const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
  expect(healthcheck).toMatch(/CMD \["node", "-e", .*\/healthz/);
  expect(healthcheck).toContain('process.env.PORT');
  expect(instructions(runtime, 'EXPOSE')).toEqual([environment.PORT]);
});

test('.dockerignore keeps host dependencies, builds, data and secrets out of the build context', () => {
  const ignored = readFileSync(join(PROJECT_ROOT, '.dockerignore'), 'utf8').split(/\r?\n/).map((line) => line.trim());
  for (const entry of ['node_modules', 'dist', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  // And nothing the Dockerfile copies from the context is ignored.
  const fromContext = stages.flatMap((stage) => copies(stage).filter((copy) => copy.from === undefined).flatMap((copy) => copy.sources));
  for (const source of fromContext) expect([source, ignored.includes(source.split('/')[0]!)]).toEqual([source, false]);
});
