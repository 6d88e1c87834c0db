import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/domain/paths.js';

/**
 * What `npm start` runs before the server: `scripts/build.mjs --if-stale`. Run on a copy of the
 * project with the build `npm test` made, so the repository's own dist/ is never touched.
 */
describe('npm start builds only when dist/ is stale', () => {
  const copy = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
  const buildIfStale = () => {
    const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: copy, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const bundle = join(copy, 'dist', 'cancellation-assistant.mjs');

  beforeAll(() => {
    for (const entry of ['src', 'dialogs', 'locales', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
      cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true, preserveTimestamps: true });
    }
    for (const output of ['cancellation-assistant.mjs', 'nlu-model.json', 'build-inputs.sha256']) {
      cpSync(join(PROJECT_ROOT, 'dist', output), join(copy, 'dist', output), { preserveTimestamps: true });
    }
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test('does nothing when the sources are those dist/ was built from', () => {
    const builtAt = statSync(bundle).mtimeMs;
    const { status, output } = buildIfStale();
    expect(status).toBe(0);
    expect(output).toContain('dist/ is up to date with the sources: not rebuilding.');
    expect(statSync(bundle).mtimeMs).toBe(builtAt);
  });

  test('rebuilds after a text changed (the recognizer is trained from the texts), then is up to date again', () => {
    const stampBefore = readFileSync(join(copy, 'dist', 'build-inputs.sha256'), 'utf8');
    appendFileSync(join(copy, 'locales', 'en', 'common.json'), '\n');
    const rebuilt = buildIfStale();
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.output).toContain('Bundled the service');
    expect(readFileSync(join(copy, 'dist', 'build-inputs.sha256'), 'utf8')).not.toBe(stampBefore);
    expect(buildIfStale().output).toContain('not rebuilding');
  }, 180_000);
});
