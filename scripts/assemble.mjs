/**
 * `npm run assemble [folder]` (default dist/app): the files the container image's runtime stage
 * holds, assembled in a folder without Docker, read from the Dockerfile's own COPY lines: the
 * `build` stage is this repository after `npm run build`, the dependency stage's install is run
 * as it is written there. What `atk deploy` zips for App Service, and what
 * test/productionImage.test.ts starts read-only: one list of runtime files, the Dockerfile's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Dockerfile's stages and their instructions (comments dropped, `\` continuations joined, ARGs before the first FROM applied). */
export function parseDockerfile(file = join(PROJECT_ROOT, 'Dockerfile')) {
  const lines = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const globalArgs = new Map();
  const stages = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [, keyword = '', text = ''] = /^(\S+)\s*(.*)$/.exec(trimmed) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = text.split('=');
      globalArgs.set(name, value);
      continue;
    }
    if (upper === 'FROM') {
      const expanded = text.replace(/\$\{?(\w+)\}?/g, (_match, name) => globalArgs.get(name) ?? '');
      const [image = '', as, name] = expanded.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword: upper, text: text.replace(/\s+/g, ' ').trim() });
  }
  return stages;
}

export function stageNamed(stages, name) {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name} in the Dockerfile`);
  return stage;
}

export function instructions(stage, keyword) {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.text);
}

/** A stage's COPY lines: the stage copied from (undefined: the build context), sources, destination. */
export function copies(stage) {
  return instructions(stage, 'COPY').map((text) => {
    const words = text.split(' ');
    const paths = words.filter((word) => !word.startsWith('--'));
    const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });
}

/** Docker's COPY: a folder's contents into the destination, files into it (or as it, when it names a file). */
function copyInto(folder, copy, sourcePath, move = false) {
  const destination = join(folder, copy.destination);
  const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
  for (const source of copy.sources) {
    const from = sourcePath(source);
    if (!existsSync(from)) throw new Error(`COPY ${source}: ${from} not found${copy.from === 'build' ? ' (run npm run build first)' : ''}`);
    const to = statSync(from).isDirectory() || !intoFolder ? destination : join(destination, basename(from));
    mkdirSync(dirname(to), { recursive: true });
    if (move) renameSync(from, to);
    else cpSync(from, to, { recursive: true });
  }
}

/** A path inside a stage's WORKDIR, relative to it. */
const insideWorkdir = (stage, path) => {
  const workdir = instructions(stage, 'WORKDIR').at(-1) ?? '/';
  return path.startsWith(`${workdir}/`) ? path.slice(workdir.length + 1) : path;
};

/**
 * Fills `target` (created, or emptied first) with the runtime stage's files. `npmArguments` are
 * added to the dependency stage's own `npm ci` line (for example `--prefer-offline`).
 */
export function assemble(target, { npmArguments = [] } = {}) {
  const stages = parseDockerfile();
  const runtime = stages.at(-1);
  const dependencies = stageNamed(stages, 'production-dependencies');
  const [install = ''] = instructions(dependencies, 'RUN');
  const [npm, ...args] = install.split(' ');
  if (npm !== 'npm' || args[0] !== 'ci') throw new Error(`the dependency stage should run npm ci, not: ${install}`);

  const dependencyDir = mkdtempSync(join(tmpdir(), 'production-dependencies-'));
  try {
    for (const copy of copies(dependencies)) copyInto(dependencyDir, copy, (source) => join(PROJECT_ROOT, source));
    const installed = spawnSync('npm', [...args, ...npmArguments], { cwd: dependencyDir, encoding: 'utf8', shell: process.platform === 'win32' });
    if (installed.status !== 0) throw new Error(`${install} failed (${installed.status}): ${installed.stdout}${installed.stderr}`);

    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const copy of copies(runtime)) {
      if (copy.from === undefined) copyInto(target, copy, (source) => join(PROJECT_ROOT, source));
      else if (copy.from === 'build') copyInto(target, copy, (source) => join(PROJECT_ROOT, insideWorkdir(stageNamed(stages, 'build'), source)));
      else if (copy.from === dependencies.name) copyInto(target, copy, (source) => join(dependencyDir, insideWorkdir(dependencies, source)), true);
      else throw new Error(`COPY from an unknown stage: ${copy.from}`);
    }
  } finally {
    rmSync(dependencyDir, { recursive: true, force: true });
  }
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) {
  const target = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'dist', 'app'));
  assemble(target);
  process.stdout.write(`Assembled the runtime files in ${target}: start with node dist/cancellation-assistant.mjs there.\n`);
}
