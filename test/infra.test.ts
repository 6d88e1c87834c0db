import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { join } from 'node:path';
import { CONFIGURATION_VARIABLES, loadConfig } from '../src/domain/config.js';
import { PROJECT_ROOT } from '../src/domain/paths.js';

/**
 * The Azure templates, checked as text: there is no Azure CLI or Bicep here, so they are never
 * compiled or deployed by the tests (README, "Deploying to Azure", says so).
 */
const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const bicep = read('infra/azure.bicep');
const agentsYml = read('m365agents.yml');
const envDev = read('env/.env.dev');

/** The `appSettings: [ ... ]` entries of the App Service: name and the Bicep expression of its value. */
function appSettings(): Map<string, string> {
  const block = /appSettings: \[([\s\S]*?)\n\s*\]/.exec(bicep)?.[1] ?? '';
  return new Map([...block.matchAll(/\{ name: '([^']+)', value: (.+?) \}/g)].map(([, name, value]) => [name!, value!.trim()]));
}

/** Settings read by App Service itself, not by the app (each with the reason it is set). */
const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service build on deploy: off, the zip is built',
};

/** A value of the kind a deployment gives each Bicep expression, to load the settings as the app would. */
function sampleValue(expression: string): string {
  const literal = /^'(.*)'$/.exec(expression);
  if (literal) return literal[1]!;
  if (expression.endsWith('.clientId') || expression.endsWith('.tenantId')) return '5b2c6f4e-9d1a-4c3b-8e7f-0a1b2c3d4e5f';
  if (expression.endsWith('primaryEndpoints.blob')) return 'https://cancelassistdev1234.blob.core.windows.net/';
  if (expression.endsWith('.ConnectionString')) return 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-1.in.applicationinsights.azure.com/';
  const parameter = /^(?:string\()?(\w+)\)?$/.exec(expression)?.[1] ?? '';
  const declared = new RegExp(`param ${parameter} (?:string|int) = '?([^'\\n]*)'?`).exec(bicep);
  if (!declared) throw new Error(`no sample for ${expression}`);
  return declared[1]!;
}

test('every app setting the template sets is a variable the service reads, or one App Service reads', () => {
  const settings = [...appSettings().keys()];
  expect(settings.length).toBeGreaterThan(10);
  const unknown = settings.filter((name) => !CONFIGURATION_VARIABLES.includes(name) && !(name in PLATFORM_SETTINGS));
  expect(unknown).toEqual([]);
});

test('the settings are complete: the service accepts them, on blob storage signed in as the managed identity', () => {
  const env = Object.fromEntries([...appSettings()].filter(([name]) => !(name in PLATFORM_SETTINGS)).map(([name, value]) => [name, sampleValue(value)]));
  const config = loadConfig(env);
  expect(config).toMatchObject({
    microsoftAppType: 'UserAssignedMSI',
    storage: 'blob',
    blobAccess: { kind: 'identity', accountUrl: 'https://cancelassistdev1234.blob.core.windows.net' },
    webChatEnabled: false,
  });
  // The service's own telemetry goes to the Application Insights the template creates.
  expect(config.applicationInsightsConnectionString).toMatch(/^InstrumentationKey=/);
  // The bot's identity and the storage sign-in are one identity.
  expect(appSettings().get('MicrosoftAppId')).toBe('identity.properties.clientId');
  expect(appSettings().get('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
  expect(appSettings().get('MicrosoftAppPassword')).toBeUndefined();
});

test('the App Service: Linux, Node LTS, Always On, HTTPS only, the readiness probe, started by node', () => {
  expect(bicep).toMatch(/kind: 'app,linux'/);
  expect(bicep).toMatch(/param linuxFxVersion string = 'NODE\|\d*[02468]-lts'/);
  expect(bicep).toMatch(/alwaysOn: true/);
  expect(bicep).toMatch(/httpsOnly: true/);
  expect(bicep).toMatch(/healthCheckPath: '\/readyz'/);
  expect(bicep).toMatch(/appCommandLine: 'node dist\/cancellation-assistant\.mjs'/);
  expect(bicep).toMatch(/userAssignedIdentities: \{ '\$\{identity\.id\}': \{\} \}/);
});

test('the Azure Bot signs in as the user-assigned identity and has Teams and Direct Line', () => {
  expect(bicep).toContain("resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@");
  expect(bicep).toContain("'Microsoft.BotService/botServices@2022-09-15'");
  expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
  expect(bicep).toMatch(/msaAppMSIResourceId: identity\.id/);
  expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{site\.properties\.defaultHostName\}\/api\/messages'/);
  expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  expect(bicep).toMatch(/channelName: 'DirectLineChannel'/);
});

test('storage has no keys, the identity may write blobs, idle conversations are deleted, and Application Insights exists', () => {
  expect(bicep).toMatch(/allowSharedKeyAccess: false/);
  expect(bicep).toContain("var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'");
  expect(bicep).toMatch(/principalId: identity\.properties\.principalId/);
  // The lifecycle rule and the app's CONVERSATION_RETENTION_HOURS come from one parameter, in whole days rounded up.
  expect(bicep).toContain('var conversationRetentionDays = max(1, (int(conversationRetentionHours) + 23) / 24)');
  expect(bicep).toContain('delete: { daysAfterModificationGreaterThan: conversationRetentionDays }');
  expect(appSettings().get('CONVERSATION_RETENTION_HOURS')).toBe('conversationRetentionHours');
  // Only conversation state: the user's state (their language) and the records are kept.
  expect(bicep).toContain("'${blobContainerName}/${channel}%2Fconversations%2F'");
  expect(bicep).toContain("'Microsoft.Insights/components@2020-02-02'");
});

test("the lifecycle prefix matches the blob names botbuilder gives conversation state, and not the user's", async () => {
  const context = new TurnContext(new TestAdapter(), { channelId: 'msteams', conversation: { id: '19:abc@thread.tacv2;messageid=1' }, from: { id: '29:user' } } as Activity);
  const conversationKey = new ConversationState(new MemoryStorage()).getStorageKey(context)!;
  const userKey = new UserState(new MemoryStorage()).getStorageKey(context)!;
  expect(sanitizeBlobKey(conversationKey).startsWith('msteams%2Fconversations%2F')).toBe(true);
  expect(sanitizeBlobKey(userKey).startsWith('msteams%2Fconversations%2F')).toBe(false);
});

test('m365agents.yml deploys these templates with values from env/.env.<environment>, and packages Teams from the same bot id', () => {
  expect(agentsYml).toMatch(/environmentFolderPath: \.\/env/);
  expect(agentsYml).toContain('path: ./infra/azure.bicep');
  expect(agentsYml).toContain('parameters: ./infra/azure.parameters.json');
  expect(agentsYml).toContain('MicrosoftAppId: ${{BOT_ID}}');
  expect(agentsYml).toContain('run teams:package -- --env-file dist/teams/package.${{TEAMSFX_ENV}}.env');
  expect(agentsYml).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
  // App Service gets the folder scripts/assemble.mjs fills (test/productionImage.test.ts runs that folder).
  expect(agentsYml).toMatch(/args: run assemble\n[\s\S]*artifactFolder: \.\/dist\/app\n/);
  expect(bicep).toContain('output BOT_ID string = identity.properties.clientId');
  expect(bicep).toContain('output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id');

  // Every ${{VAR}} the parameters and m365agents.yml use is defined in env/.env.dev (or is a secret of .env.dev.user).
  const defined = new Set([...envDev.matchAll(/^(\w+)=/gm)].map(([, name]) => name!));
  const used = [...`${read('infra/azure.parameters.json')}${agentsYml}`.matchAll(/\$\{\{(\w+)\}\}/g)].map(([, name]) => name!);
  expect(used.filter((name) => !defined.has(name) && !name.startsWith('SECRET_'))).toEqual([]);
  // Every parameter the file gives is declared by the template.
  const parameters = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: object }).parameters);
  for (const parameter of parameters) expect([parameter, bicep.includes(`param ${parameter} `)]).toEqual([parameter, true]);
});

test('the Teams package takes its bot id from the env file provision writes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'teams-env-'));
  try {
    const botId = '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
    writeFileSync(join(folder, 'package.dev.env'), `MicrosoftAppId=${botId}\nTEAMS_DEVELOPER_NAME=Contoso support\n`);
    const { MicrosoftAppId: _ignored, ...env } = process.env;
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'service', 'teams', 'packageCli.js'), '--env-file', 'package.dev.env'], { cwd: folder, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'teams', 'files', 'manifest.json'), 'utf8')) as { id: string; bots: { botId: string }[]; developer: { name: string } };
    expect([manifest.id, manifest.bots[0]?.botId, manifest.developer.name]).toEqual([botId, botId, 'Contoso support']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
