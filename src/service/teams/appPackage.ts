import type { i18n } from 'i18next';
import { z } from 'zod';
import { colorIcon, outlineIcon } from './icons.js';
import { buildLocalizationFiles, buildManifest, ICON_FILES, type ManifestInputs } from './manifest.js';
import { encodePng } from './png.js';
import { writeZip, type ZipEntry } from './zip.js';

// Placeholders Teams accepts for sideloading; set real pages before publishing to an org's catalog.
const PLACEHOLDER_URL = 'https://www.example.com/';

const httpsUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional());

/** What `npm run teams:package` reads from the environment (or .env). */
const packageEnvironment = z.object({
  MicrosoftAppId: z
    .string({ error: 'is required: the Azure Bot registration’s Microsoft App ID (a GUID)' })
    .trim()
    .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be the Azure Bot registration’s Microsoft App ID (a GUID)'),
  TEAMS_DEVELOPER_NAME: z.string().trim().max(32, 'must be at most 32 characters').optional(),
  TEAMS_WEBSITE_URL: httpsUrl,
  TEAMS_PRIVACY_URL: httpsUrl,
  TEAMS_TERMS_URL: httpsUrl,
});

export class TeamsPackageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'TeamsPackageError';
  }
}

export interface TeamsPackageSettings {
  inputs: ManifestInputs;
  /** Settings left at a placeholder, to warn about. */
  placeholders: string[];
}

export function teamsPackageSettings(env: Record<string, string | undefined>, version: string, i18n: i18n): TeamsPackageSettings {
  const parsed = packageEnvironment.safeParse(env);
  if (!parsed.success) {
    throw new TeamsPackageError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const placeholders = (['TEAMS_WEBSITE_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL'] as const).filter((name) => !e[name]);
  return {
    inputs: {
      appId: e.MicrosoftAppId.toLowerCase(),
      version,
      developer: {
        name: e.TEAMS_DEVELOPER_NAME || i18n.getFixedT('en', 'teams')('name.short'),
        websiteUrl: e.TEAMS_WEBSITE_URL ?? PLACEHOLDER_URL,
        privacyUrl: e.TEAMS_PRIVACY_URL ?? e.TEAMS_WEBSITE_URL ?? PLACEHOLDER_URL,
        termsOfUseUrl: e.TEAMS_TERMS_URL ?? e.TEAMS_WEBSITE_URL ?? PLACEHOLDER_URL,
      },
    },
    placeholders,
  };
}

/** The files of the Teams app package: manifest, localization files and our two icons. */
export function teamsPackageFiles(i18n: i18n, inputs: ManifestInputs): ZipEntry[] {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n');
  return [
    { name: 'manifest.json', data: json(buildManifest(i18n, inputs)) },
    ...buildLocalizationFiles(i18n).map((file) => ({ name: file.name, data: json(file.content) })),
    { name: ICON_FILES.color, data: encodePng(colorIcon()) },
    { name: ICON_FILES.outline, data: encodePng(outlineIcon()) },
  ];
}

export function teamsPackageZip(files: ZipEntry[]): Buffer {
  return writeZip(files);
}
