/**
 * `npm run build`: the TypeScript into dist/, the recognizer trained and saved, the service bundled
 * into one file. With `--if-stale` (what `npm start` runs) it does nothing when dist/ was built from
 * the sources as they are now: a hash of every build input, recorded by the last build, tells in a
 * few ms, so a second `npm start` goes straight to the server. Plain JavaScript: it runs before any
 * TypeScript is compiled.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Everything the build reads from the project: a change to any of them makes dist/ stale. */
const INPUT_FOLDERS = ['src', 'dialogs', 'locales', 'scripts'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What a start needs from dist/: the bundle and the saved recognizer model. */
const OUTPUTS = ['dist/cancellation-assistant.mjs', 'dist/nlu-model.json'];
const STAMP = join(ROOT, 'dist', 'build-inputs.sha256');

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** One hash over the names and contents of every input, in a fixed order. */
function hashInputs() {
  const files = [...INPUT_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))), ...INPUT_FILES.map((file) => join(ROOT, file))]
    .filter((file) => existsSync(file))
    .map((file) => relative(ROOT, file).split('\\').join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

function isUpToDate(inputs) {
  if (!OUTPUTS.every((output) => existsSync(join(ROOT, output)))) return false;
  try {
    return readFileSync(STAMP, 'utf8').trim() === inputs;
  } catch {
    return false;
  }
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const inputs = hashInputs();
if (process.argv.includes('--if-stale') && isUpToDate(inputs)) {
  process.stdout.write('dist/ is up to date with the sources: not rebuilding.\n');
} else {
  // No stamp while building: a build that fails half-way is never taken for an up-to-date one.
  rmSync(STAMP, { force: true });
  run([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  run([join(ROOT, 'dist', 'src', 'domain', 'nlu', 'saveModelCli.js')]);
  run([join(ROOT, 'dist', 'src', 'service', 'bundle.js')]);
  // The inputs as they were when the build started: a file edited meanwhile makes the next start rebuild.
  writeFileSync(STAMP, `${inputs}\n`);
}
