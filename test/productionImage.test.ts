import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';
import { say } from './support/directTurn.js';
import { copies, execForm, instructions, parseDockerfile, stageNamed, type DockerCopy } from './support/dockerfile.js';
import { text } from './support/i18n.js';
import { startServerProcess, type ServerProcess } from './support/serverProcess.js';

/**
 * The image without Docker: the runtime stage's files, assembled in a temporary folder from the
 * Dockerfile's own COPY lines, production dependencies installed as its dependency stage installs
 * them, started as its CMD says, read-only, as another user than the files' owner, with DATA_DIR
 * elsewhere. `npm test` builds dist/ first; the build stage is that build.
 */
const stages = parseDockerfile();
const runtime = stages.at(-1)!;
const APP = instructions(runtime, 'WORKDIR').at(-1) ?? '/';
// Who runs the service here: as root (CI, containers) a file mode stops nobody, so the service runs as `nobody`.
const NOBODY = 65534;
const runAs = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};

function npmCi(folder: string, runLine: string): Promise<void> {
  const args = runLine.split(' ');
  if (args[0] !== 'npm' || args[1] !== 'ci') throw new Error(`the dependency stage should run npm ci, not: ${runLine}`);
  return new Promise((resolve, reject) => {
    // --prefer-offline: the same packages, from the local cache when it has them.
    const child = spawn('npm', [...args.slice(1), '--prefer-offline'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${runLine} failed (${code}): ${output}`))));
  });
}

/** Where a path inside a stage's WORKDIR lives here: the build stage is the repository after `npm run build`. */
function inStage(stagePath: string): string {
  return stagePath.startsWith(`${APP}/`) ? stagePath.slice(APP.length + 1) : stagePath;
}

/** Docker's COPY: a folder's contents into the destination folder, files into it (or as it, when it names a file). */
function copyInto(appDir: string, copy: DockerCopy, sourceRoot: (source: string) => string, move = false): void {
  const destination = join(appDir, copy.destination);
  const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
  for (const source of copy.sources) {
    const from = sourceRoot(source);
    if (!existsSync(from)) throw new Error(`COPY ${source}: not found (${from})`);
    const to = statSync(from).isDirectory() || !intoFolder ? destination : join(destination, basename(from));
    mkdirSync(join(to, '..'), { recursive: true });
    if (move) renameSync(from, to);
    else cpSync(from, to, { recursive: true });
  }
}

/** Every file under the folder with its size and modification time: any write shows. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    files.set(path, `${stat.size}:${stat.mtimeMs}:${stat.isDirectory() ? 'd' : 'f'}`);
  }
  return files;
}

describe('the production image, assembled from the Dockerfile without Docker', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'production-image-'));
  const appDir = join(workspace, 'app');
  const dataDir = join(workspace, 'data');
  const adminApiKey = `key-${randomUUID()}`;
  let server: ServerProcess;
  let before: Map<string, string>;

  beforeAll(async () => {
    // The dependency stage: its files, its npm ci (production dependencies only).
    const dependencies = stageNamed(stages, 'production-dependencies');
    const dependencyDir = join(workspace, 'dependencies');
    mkdirSync(dependencyDir);
    for (const copy of copies(dependencies)) copyInto(dependencyDir, copy, (source) => join(PROJECT_ROOT, source));
    const [install] = instructions(dependencies, 'RUN');
    await npmCi(dependencyDir, install ?? '');

    // The runtime stage: exactly its COPY lines.
    mkdirSync(appDir);
    for (const copy of copies(runtime)) {
      if (copy.from === undefined) copyInto(appDir, copy, (source) => join(PROJECT_ROOT, source));
      else if (copy.from === 'build') copyInto(appDir, copy, (source) => join(PROJECT_ROOT, inStage(source)));
      else if (copy.from === 'production-dependencies') copyInto(appDir, copy, (source) => join(dependencyDir, inStage(source)), true);
      else throw new Error(`COPY from an unknown stage: ${copy.from}`);
    }
    // Read-only: no write bit anywhere, and the service runs as a user that owns none of it.
    spawnSync('chmod', ['-R', 'a-w', appDir]);
    chmodSync(workspace, 0o755);
    mkdirSync(dataDir);
    if (runAs.uid !== undefined) chownSync(dataDir, runAs.uid, runAs.gid);
    before = snapshot(appDir);

    const environment = Object.fromEntries(
      instructions(runtime, 'ENV').flatMap((line) => [...line.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name!, value!])),
    );
    const [command, ...args] = execForm(instructions(runtime, 'CMD').at(-1) ?? '[]');
    expect(command).toBe('node');
    server = await startServerProcess(
      { ...environment, PORT: '0', DATA_DIR: dataDir, STORAGE: 'lowdb', ADMIN_API_KEY: adminApiKey },
      join(appDir, args[0] ?? ''),
      args.slice(1),
      { cwd: appDir, ...runAs },
    );
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    spawnSync('chmod', ['-R', 'u+w', workspace]);
    rmSync(workspace, { recursive: true, force: true });
  });

  test('holds a conversation in both languages, typed questions included', async () => {
    const english = { conversationId: `image-en-${randomUUID()}`, locale: 'en-US' };
    expect((await say(server.url, 'hello', english)).map((activity) => activity.text)).toEqual([text('en', 'welcome.intro'), text('en', 'menu.prompt')]);
    expect((await say(server.url, 'Reactivating', english))[0]?.text).toBe(text('en', 'facts:F03.reactivate'));

    const swedish = { conversationId: `image-sv-${randomUUID()}`, locale: 'sv-SE' };
    await say(server.url, 'hej', swedish);
    expect((await say(server.url, '1', swedish)).map((activity) => activity.text)).toEqual([text('sv', 'cancel:plan.prompt')]);
    // The conversation went to DATA_DIR, outside the app folder.
    expect(readdirSync(join(dataDir, 'state')).length).toBeGreaterThan(0);
  });

  test('serves the chat page and the report with their files from the image', async () => {
    for (const path of ['/', '/webchat/webchat.js', '/webchat/chat.js', '/webchat/chat.css']) {
      expect([path, (await fetch(`${server.url}${path}`)).status]).toEqual([path, 200]);
    }
    const headers = { authorization: `Bearer ${adminApiKey}` };
    for (const path of ['/admin/feedback/assets/chart.umd.js', '/admin/feedback/assets/report.js']) {
      expect([path, (await fetch(`${server.url}${path}`, { headers })).status]).toEqual([path, 200]);
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  test('has no dev dependency and writes nothing into the app folder', async () => {
    // Dev-only packages (typescript and an old esbuild do come in, as dependencies of i18next and Web Chat).
    for (const devOnly of ['jest', 'ts-jest', 'azurite', 'playwright-core']) {
      expect([devOnly, existsSync(join(appDir, 'node_modules', devOnly))]).toEqual([devOnly, false]);
    }
    expect(existsSync(join(appDir, 'node_modules', 'botframework-webchat'))).toBe(true);
    expect(snapshot(appDir)).toEqual(before);
  });

  test('stops cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
