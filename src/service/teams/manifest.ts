import type { i18n } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../domain/config.js';

/** The Teams manifest schema version: a recent GA one, bundled (for validation) by @microsoft/app-manifest. */
export const TEAMS_MANIFEST_VERSION = '1.24';
const SCHEMA_BASE = `https://developer.microsoft.com/en-us/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}`;

/** The manifest's own language (the top-level strings); the others come as localization files. */
export const MANIFEST_DEFAULT_LANGUAGE: Language = 'en';
export const ACCENT_COLOR = '#0B5CAD';
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
const COMMAND_KEYS = ['startOver', 'help', 'otherLanguage'] as const;

export interface ManifestInputs {
  /** The Azure Bot's Microsoft App ID: also the Teams app's id. */
  appId: string;
  /** The app's version (semver): package.json's. */
  version: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
}

function localizationFileName(language: Language): string {
  return `${language}.json`;
}

function strings(i18n: i18n, language: Language) {
  const t = i18n.getFixedT(language, 'teams');
  return {
    name: { short: t('name.short'), full: t('name.full') },
    description: { short: t('description.short'), full: t('description.full') },
    commands: COMMAND_KEYS.map((key) => ({ title: t(`commands.${key}.title`), description: t(`commands.${key}.description`) })),
  };
}

/**
 * The Teams app manifest: a bot for personal chats and team channels, with a command list, in
 * English with a Swedish localization file. Texts come from `locales/<language>/teams.json`.
 */
export function buildManifest(i18n: i18n, inputs: ManifestInputs): Record<string, unknown> {
  const texts = strings(i18n, MANIFEST_DEFAULT_LANGUAGE);
  return {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: inputs.version,
    id: inputs.appId,
    localizationInfo: {
      defaultLanguageTag: MANIFEST_DEFAULT_LANGUAGE,
      additionalLanguages: SUPPORTED_LANGUAGES.filter((language) => language !== MANIFEST_DEFAULT_LANGUAGE).map((language) => ({
        languageTag: language,
        file: localizationFileName(language),
      })),
    },
    developer: inputs.developer,
    name: texts.name,
    description: texts.description,
    icons: { ...ICON_FILES },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: inputs.appId,
        scopes: ['personal', 'team'],
        isNotificationOnly: false,
        supportsFiles: false,
        supportsCalling: false,
        supportsVideo: false,
        commandLists: [{ scopes: ['personal', 'team'], commands: texts.commands }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [],
  };
}

/** The localization files (`sv.json`): the manifest's texts in each other language, keyed as Teams expects. */
export function buildLocalizationFiles(i18n: i18n): { name: string; language: Language; content: Record<string, unknown> }[] {
  return SUPPORTED_LANGUAGES.filter((language) => language !== MANIFEST_DEFAULT_LANGUAGE).map((language) => {
    const texts = strings(i18n, language);
    const content: Record<string, unknown> = {
      $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`,
      'name.short': texts.name.short,
      'name.full': texts.name.full,
      'description.short': texts.description.short,
      'description.full': texts.description.full,
    };
    texts.commands.forEach((command, index) => {
      content[`bots[0].commandLists[0].commands[${index}].title`] = command.title;
      content[`bots[0].commandLists[0].commands[${index}].description`] = command.description;
    });
    return { name: localizationFileName(language), language, content };
  });
}
