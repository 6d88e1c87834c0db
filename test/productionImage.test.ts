import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../scripts/assemble.mjs';
import { say } from './support/directTurn.js';
import { execForm, instructions, parseDockerfile } from './support/dockerfile.js';
import { text } from './support/i18n.js';
import { startServerProcess, type ServerProcess } from './support/serverProcess.js';

/**
 * The image without Docker: scripts/assemble.mjs puts the runtime stage's files in a temporary
 * folder from the Dockerfile's own COPY lines, production dependencies installed as its dependency
 * stage installs them (the same folder `atk deploy` zips for App Service); the test starts it as
 * the CMD says, read-only, as another user than the files' owner, with DATA_DIR elsewhere.
 * `npm test` builds dist/ first; the build stage is that build.
 */
const runtime = parseDockerfile().at(-1)!;
// Who runs the service here: as root (CI, containers) a file mode stops nobody, so the service runs as `nobody`.
const NOBODY = 65534;
const runAs = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};

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
    // The runtime stage's files, and the dependency stage's npm ci (from the local cache when it has them).
    assemble(appDir, { npmArguments: ['--prefer-offline'] });
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
