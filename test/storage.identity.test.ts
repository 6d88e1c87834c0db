import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/domain/config.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { configErrorLines } from './support/config.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { startServerProcess } from './support/serverProcess.js';

const CLIENT_ID = '5b2c6f4e-9d1a-4c3b-8e7f-0a1b2c3d4e5f';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ACCOUNT_URL = 'https://assistantdata.blob.core.windows.net';

describe('blob storage configuration: a connection string or an account URL and an identity', () => {
  test('BLOB_ACCOUNT_URL signs in as the managed identity AZURE_CLIENT_ID names, with no secret', () => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_ACCOUNT_URL: `${ACCOUNT_URL}/`, AZURE_CLIENT_ID: CLIENT_ID }).blobAccess).toEqual({
      kind: 'identity',
      accountUrl: ACCOUNT_URL,
      managedIdentityClientId: CLIENT_ID,
    });
  });

  test("the bot's own user-assigned identity serves for storage when no other is named", () => {
    const config = loadConfig({
      STORAGE: 'blob',
      BLOB_ACCOUNT_URL: ACCOUNT_URL,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: CLIENT_ID,
      MicrosoftAppTenantId: TENANT_ID,
    });
    expect(config.blobAccess).toEqual({ kind: 'identity', accountUrl: ACCOUNT_URL, managedIdentityClientId: CLIENT_ID });
    // Without any client id, DefaultAzureCredential finds one (a system-assigned identity, az login).
    expect(loadConfig({ STORAGE: 'blob', BLOB_ACCOUNT_URL: ACCOUNT_URL }).blobAccess).toEqual({ kind: 'identity', accountUrl: ACCOUNT_URL, managedIdentityClientId: undefined });
  });

  test('a connection string still works as before', () => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).blobAccess).toEqual({
      kind: 'connectionString',
      connectionString: 'UseDevelopmentStorage=true',
    });
  });

  test('bad combinations stop start-up with one clear line each, never echoing the connection string', () => {
    expect(configErrorLines({ STORAGE: 'blob' })).toEqual([
      'BLOB_CONNECTION_STRING="": is required when STORAGE=blob (or BLOB_ACCOUNT_URL, to sign in with a managed identity instead)',
    ]);
    expect(configErrorLines({ STORAGE: 'blob', BLOB_ACCOUNT_URL: ACCOUNT_URL, BLOB_CONNECTION_STRING: 'AccountKey=secret' })).toEqual([
      `BLOB_ACCOUNT_URL="${ACCOUNT_URL}": set either BLOB_ACCOUNT_URL (managed identity) or BLOB_CONNECTION_STRING (account key), not both`,
    ]);
    expect(configErrorLines({ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'http://assistantdata.blob.core.windows.net' })).toEqual([
      'BLOB_ACCOUNT_URL="http://assistantdata.blob.core.windows.net": must be the https URL of the storage account, such as https://<account>.blob.core.windows.net',
    ]);
  });

  test('MicrosoftAppType=UserAssignedMSI needs the client id and tenant, and no password', () => {
    expect(configErrorLines({ MicrosoftAppType: 'UserAssignedMSI' })).toEqual([
      `MicrosoftAppId="": is required when MicrosoftAppType=UserAssignedMSI (the managed identity's client id)`,
      `MicrosoftAppTenantId="": is required when MicrosoftAppType=UserAssignedMSI (the managed identity's tenant)`,
    ]);
    expect(
      configErrorLines({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: CLIENT_ID, MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: 'a secret' }),
    ).toEqual(['MicrosoftAppPassword=(hidden): must be empty when MicrosoftAppType=UserAssignedMSI (a managed identity has no secret)']);
    expect(loadConfig({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: CLIENT_ID, MicrosoftAppTenantId: TENANT_ID })).toMatchObject({
      microsoftAppType: 'UserAssignedMSI',
      microsoftAppId: CLIENT_ID,
      microsoftAppTenantId: TENANT_ID,
    });
  });
});

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * A stand-in for App Service's managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER, what
 * ManagedIdentityCredential calls on App Service): it hands out tokens for storage as Entra ID would
 * shape them. Azurite's `--oauth basic` checks their issuer, audience and lifetime, not a signature.
 */
function startIdentityEndpoint(header: string) {
  const asked: { clientId: string | null; resource: string | null }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    asked.push({ clientId: url.searchParams.get('client_id'), resource: url.searchParams.get('resource') });
    if (request.headers['x-identity-header'] !== header) {
      response.writeHead(401).end();
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: 'https://storage.azure.com', iss: `https://sts.windows.net/${TENANT_ID}/`, iat: now, nbf: now - 60, exp: now + 3600, tid: TENANT_ID, oid: randomUUID(), appid: url.searchParams.get('client_id') };
    const token = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.${base64url('not-checked')}`;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: token, expires_on: String(claims.exp), resource: url.searchParams.get('resource'), token_type: 'Bearer', client_id: url.searchParams.get('client_id') }));
  });
  return new Promise<{ url: string; asked: typeof asked; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`,
        asked,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('STORAGE=blob by account URL and managed identity, against Azurite with OAuth', () => {
  const folder = mkdtempSync(join(tmpdir(), 'blob-identity-'));
  const cert = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  let azurite: RunningAzurite & { url: string };
  let identity: Awaited<ReturnType<typeof startIdentityEndpoint>>;
  const identityHeader = randomUUID();

  beforeAll(async () => {
    // Azurite takes bearer tokens only over https: a certificate for 127.0.0.1, trusted by the service through NODE_EXTRA_CA_CERTS.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    azurite = await startAzurite({ https: { cert, key }, oauth: 'basic' });
    identity = await startIdentityEndpoint(identityHeader);
  }, 120_000);
  afterAll(async () => {
    await identity?.close();
    await azurite?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the service signs in with the identity, keeps a conversation across a restart, and is ready', async () => {
    const env = {
      STORAGE: 'blob',
      BLOB_ACCOUNT_URL: azurite.url,
      BLOB_CONTAINER: 'identity',
      AZURE_CLIENT_ID: CLIENT_ID,
      IDENTITY_ENDPOINT: identity.url,
      IDENTITY_HEADER: identityHeader,
      NODE_EXTRA_CA_CERTS: cert,
    };
    const conversation = { conversationId: `identity-${randomUUID()}`, locale: 'en-US' };
    const first = await startServerProcess(env);
    try {
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      await say(first.url, 'hello', conversation);
      expect((await say(first.url, '1', conversation)).map((activity) => activity.text)).toEqual([text('en', 'cancel:plan.prompt')]);
    } finally {
      await first.stop();
    }
    // A new process has nothing in memory: the conversation's step came back from blob storage.
    const second = await startServerProcess(env);
    try {
      expect((await say(second.url, 'the third one', conversation)).map((activity) => activity.text)).toEqual([text('en', 'cancel:when.promptYearly')]);
    } finally {
      await second.stop();
    }
    // Every token was asked for the configured identity, for storage.
    expect(identity.asked.length).toBeGreaterThan(0);
    for (const request of identity.asked) expect(request).toEqual({ clientId: CLIENT_ID, resource: 'https://storage.azure.com' });
  }, 120_000);
});
