import { IANAZone } from 'luxon';
import { z } from 'zod';
import { securityConfig, securityEnvironment, type SecurityConfig } from './securityConfig.js';
import { telemetryConfig, telemetryEnvironment, type TelemetryConfig } from './telemetryConfig.js';
import { webChatConfig, webChatEnvironment, type WebChatConfig } from './webChatConfig.js';

/** Languages the assistant speaks; every other locale is answered in English. */
export const SUPPORTED_LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Where state and records live: files under DATA_DIR, process memory (lost on exit), or Azure Blob Storage. */
export const STORAGE_KINDS = ['lowdb', 'memory', 'blob'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An on/off switch: true/false, 1/0, yes/no, on/off (any case); empty means the default. */
const onOff = (defaultValue: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, context) => {
      const value = raw?.trim().toLowerCase();
      if (!value) return defaultValue;
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      context.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

/**
 * Which free-text recognizer reads typed messages: `embedded` (nlp.js, trained from
 * locales/<lng>/corpus.json by the build, or at start-up when they changed) or `none` (buttons and
 * exact commands only). A hosted recognizer (CLU, LUIS) would be one more value here, implementing
 * botbuilder's Recognizer the same way.
 */
export const RECOGNIZERS = ['embedded', 'none'] as const;
export type RecognizerKind = (typeof RECOGNIZERS)[number];

/**
 * Every setting of the service, read from the environment. Names follow Bot Framework's own
 * (MicrosoftAppId…) where Azure sets them, and SCREAMING_CASE for ours.
 */
const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3978),
  DATA_DIR: z.string().trim().min(1, 'must be a folder path').default('./data'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      error: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
    })
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  DEFAULT_LOCALE: z.enum(SUPPORTED_LANGUAGES, { error: 'must be sv or en' }).default('sv'),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('Europe/Stockholm')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Stockholm'),
  SUPPORT_PHONE: optionalText,
  ADMIN_PORTAL_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be debug, info, warn, error or silent' })
    .default('info'),
  RECOGNIZER: z.enum(RECOGNIZERS, { error: 'must be embedded or none' }).default('embedded'),
  WEBCHAT_ENABLED: onOff(true),
  ...webChatEnvironment,
  ...securityEnvironment,
  ...telemetryEnvironment,
  STORAGE: z.enum(STORAGE_KINDS, { error: 'must be lowdb, memory or blob' }).default('lowdb'),
  BLOB_CONNECTION_STRING: optionalText,
  // A token is never sent over plain http (the Azure SDK refuses to), so the URL must be https.
  BLOB_ACCOUNT_URL: optionalText.pipe(
    z.url({ protocol: /^https$/, error: 'must be the https URL of the storage account, such as https://<account>.blob.core.windows.net' }).optional(),
  ),
  AZURE_CLIENT_ID: optionalText,
  BLOB_CONTAINER: z
    .string()
    .trim()
    .default('cancellation-assistant')
    .refine(
      (name) => /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(name),
      'must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
    ),
  OPERATOR_USER_IDS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
})
  // Blob storage cannot start without its account: say so at start-up, not on the first turn.
  .refine((env) => env.STORAGE !== 'blob' || env.BLOB_CONNECTION_STRING !== undefined || env.BLOB_ACCOUNT_URL !== undefined, {
    path: ['BLOB_CONNECTION_STRING'],
    message: 'is required when STORAGE=blob (or BLOB_ACCOUNT_URL, to sign in with a managed identity instead)',
  })
  .refine((env) => env.BLOB_CONNECTION_STRING === undefined || env.BLOB_ACCOUNT_URL === undefined, {
    path: ['BLOB_ACCOUNT_URL'],
    message: 'set either BLOB_ACCOUNT_URL (managed identity) or BLOB_CONNECTION_STRING (account key), not both',
  })
  // botbuilder signs in as a user-assigned managed identity with its client id, in its tenant.
  .refine((env) => env.MicrosoftAppType !== 'UserAssignedMSI' || env.MicrosoftAppId !== undefined, {
    path: ['MicrosoftAppId'],
    message: "is required when MicrosoftAppType=UserAssignedMSI (the managed identity's client id)",
  })
  .refine((env) => env.MicrosoftAppType !== 'UserAssignedMSI' || env.MicrosoftAppTenantId !== undefined, {
    path: ['MicrosoftAppTenantId'],
    message: "is required when MicrosoftAppType=UserAssignedMSI (the managed identity's tenant)",
  })
  .refine((env) => env.MicrosoftAppType !== 'UserAssignedMSI' || env.MicrosoftAppPassword === undefined, {
    path: ['MicrosoftAppPassword'],
    message: 'must be empty when MicrosoftAppType=UserAssignedMSI (a managed identity has no secret)',
  });

/**
 * How the service signs in to blob storage: with the account key in a connection string (a
 * secret), or as an identity by a token (no secret: a managed identity in Azure, or the developer's
 * own sign-in elsewhere).
 */
export type BlobAccess =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; accountUrl: string; managedIdentityClientId: string | undefined };

/** Every environment variable the service reads (for checks that deployment templates set only these). */
export const CONFIGURATION_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);

export type Config = {
  port: number;
  dataDir: string;
  microsoftAppId: string | undefined;
  microsoftAppPassword: string | undefined;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string | undefined;
  defaultLocale: Language;
  defaultTimezone: string;
  supportPhone: string | undefined;
  adminPortalUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  recognizer: RecognizerKind;
  /** The local Web Chat page at `/` and its Direct Line endpoint under `/v3/directline`. */
  webChatEnabled: boolean;
  storage: StorageKind;
  blobConnectionString: string | undefined;
  /** Set when STORAGE=blob (or whenever a blob account is configured). */
  blobAccess: BlobAccess | undefined;
  blobContainer: string;
  /** Channel user ids allowed to ask the bot for a feedback summary. */
  operatorUserIds: string[];
} & SecurityConfig &
  WebChatConfig &
  TelemetryConfig;

const SECRET_VARIABLES = new Set([
  'MicrosoftAppPassword',
  'ADMIN_API_KEY',
  'BLOB_CONNECTION_STRING',
  'DIRECT_LINE_SECRET',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
]);

/** Thrown when the environment holds a bad value; `lines` has one line per wrong variable. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      // A secret is never echoed, even a wrong one (an empty value says nothing, so it is shown).
      const value = env[variable] ?? '';
      const shown = SECRET_VARIABLES.has(variable) && value.trim() !== '' ? '(hidden)' : JSON.stringify(value);
      return `${variable}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(lines);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    microsoftAppId: e.MicrosoftAppId,
    microsoftAppPassword: e.MicrosoftAppPassword,
    microsoftAppType: e.MicrosoftAppType,
    microsoftAppTenantId: e.MicrosoftAppTenantId,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    supportPhone: e.SUPPORT_PHONE,
    adminPortalUrl: e.ADMIN_PORTAL_URL,
    logLevel: e.LOG_LEVEL,
    recognizer: e.RECOGNIZER,
    webChatEnabled: e.WEBCHAT_ENABLED,
    ...webChatConfig(e),
    ...telemetryConfig(e),
    storage: e.STORAGE,
    blobConnectionString: e.BLOB_CONNECTION_STRING,
    blobAccess: blobAccess(e),
    blobContainer: e.BLOB_CONTAINER,
    ...securityConfig(e),
    operatorUserIds: e.OPERATOR_USER_IDS,
  };
}

function blobAccess(e: z.output<typeof environmentSchema>): BlobAccess | undefined {
  if (e.BLOB_CONNECTION_STRING) return { kind: 'connectionString', connectionString: e.BLOB_CONNECTION_STRING };
  if (!e.BLOB_ACCOUNT_URL) return undefined;
  // The bot's own user-assigned identity serves for storage too, unless another is named.
  const botIdentity = e.MicrosoftAppType === 'UserAssignedMSI' ? e.MicrosoftAppId : undefined;
  return { kind: 'identity', accountUrl: e.BLOB_ACCOUNT_URL.replace(/\/+$/, ''), managedIdentityClientId: e.AZURE_CLIENT_ID ?? botIdentity };
}

/** A configuration for tests and tools: defaults, then the overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, logLevel: 'silent', ...overrides };
}
