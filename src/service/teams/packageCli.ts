// `npm run teams:package`: writes the Teams app package (zip) and its files for a look, under dist/teams/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createI18n } from '../../domain/i18n.js';
import { PROJECT_ROOT } from '../../domain/paths.js';
import { TeamsPackageError, teamsPackageFiles, teamsPackageSettings, teamsPackageZip } from './appPackage.js';

// `--env-file <file>`: the settings of a deployment (m365agents.yml writes one from its environment),
// so the package carries the very bot id that was provisioned. Values already in the environment win.
const envFileFlag = process.argv.indexOf('--env-file');
const envFile = envFileFlag >= 0 ? process.argv[envFileFlag + 1] : undefined;
if (envFile) process.loadEnvFile(envFile);
if (existsSync('.env')) process.loadEnvFile('.env');

const OUTPUT_DIR = join(PROJECT_ROOT, 'dist', 'teams');
const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const i18n = createI18n();

try {
  const { inputs, placeholders } = teamsPackageSettings(process.env, version, i18n);
  const files = teamsPackageFiles(i18n, inputs);
  mkdirSync(join(OUTPUT_DIR, 'files'), { recursive: true });
  for (const file of files) writeFileSync(join(OUTPUT_DIR, 'files', file.name), file.data);
  const zipPath = join(OUTPUT_DIR, 'cancellation-assistant-teams.zip');
  writeFileSync(zipPath, teamsPackageZip(files));
  console.log(`Teams app package written: ${relative(process.cwd(), zipPath)} (${files.map((f) => f.name).join(', ')})`);
  if (placeholders.length > 0) {
    console.warn(`Note: ${placeholders.join(', ')} not set; the manifest uses a placeholder page. Fine for sideloading; set them before publishing.`);
  }
} catch (error) {
  if (error instanceof TeamsPackageError) {
    for (const line of error.lines) console.error(`Teams package: ${line}`);
    process.exit(1);
  }
  throw error;
}
