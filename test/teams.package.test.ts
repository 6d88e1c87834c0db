import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateRawSync, inflateSync, crc32 } from 'node:zlib';
import AjvDraft04 from 'ajv-draft-04';
import { recognizeGlobalCommand } from '../src/domain/globalCommands.js';
import { languageSwitchRequest } from '../src/domain/language.js';
import { createI18n } from '../src/domain/i18n.js';
import { TeamsPackageError, teamsPackageFiles, teamsPackageSettings, teamsPackageZip } from '../src/service/teams/appPackage.js';
import { buildLocalizationFiles, buildManifest, TEAMS_MANIFEST_VERSION } from '../src/service/teams/manifest.js';
import { makeTestBot } from './support/dialogs.js';
import { text } from './support/i18n.js';

const i18n = createI18n();
const APP_ID = '0b5cad00-1234-4abc-9def-0123456789ab';
const settings = teamsPackageSettings({ MicrosoftAppId: APP_ID }, '1.2.3', i18n);
const manifest = buildManifest(i18n, settings.inputs) as Record<string, any>;
const swedish = buildLocalizationFiles(i18n).find((file) => file.language === 'sv');
const packageFiles = teamsPackageFiles(i18n, settings.inputs);

/** The JSON schemas @microsoft/app-manifest bundles (draft-04), read offline. */
function bundledSchema(file: string): object {
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  const schemaPath = join(dirname(packageMain), 'json-schemas', 'teams', `v${TEAMS_MANIFEST_VERSION}`, file);
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
}

function validator(file: string) {
  // A CommonJS package: its class is the module's `default`. Microsoft's patterns are not valid
  // with the `u` flag (a lone `]`), so they are compiled as plain regular expressions.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(bundledSchema(file));
}

/** Reads a PNG back: size, colour type and RGBA pixels (our encoder writes unfiltered rows). */
function readPng(data: Buffer) {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length)).toBe(crc32(data.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? 0;
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: [number, number, number, number][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([raw[at]!, raw[at + 1]!, raw[at + 2]!, raw[at + 3]!]);
    }
  }
  return { width, height, colorType, pixels };
}

/** Reads a zip back from its central directory, checking each file's CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

describe('the Teams app package', () => {
  test('the manifest is valid against the bundled JSON schema of its version', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(manifest.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    // The validator does reject what Teams would: a scope that does not exist, an id that is not a GUID.
    expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everyone'] }] })).toBe(false);
    expect(validate({ ...manifest, id: 'not-a-guid' })).toBe(false);
  });

  test('the Swedish localization file is valid against the bundled localization schema and is listed in the manifest', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    expect(swedish).toBeDefined();
    expect(validate(swedish?.content) ? [] : validate.errors).toEqual([]);
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'sv', file: 'sv.json' }] });
    expect(swedish?.content['name.short']).toBe(text('sv', 'teams:name.short'));
    expect(swedish?.content['description.full']).toBe(text('sv', 'teams:description.full'));
  });

  test('a bot in personal and team scopes, with the Microsoft App ID as bot and app id', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team'] });
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.name.short).toBe(text('en', 'teams:name.short'));
  });

  test('the command list holds phrases the bot acts on, in both languages', async () => {
    const englishCommands: string[] = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    const swedishCommands = [0, 1, 2].map((index) => swedish?.content[`bots[0].commandLists[0].commands[${index}].title`] as string);
    const keys = ['startOver', 'help', 'otherLanguage'];
    expect(englishCommands).toEqual(keys.map((key) => text('en', `teams:commands.${key}.title`)));
    expect(swedishCommands).toEqual(keys.map((key) => text('sv', `teams:commands.${key}.title`)));
    expect(englishCommands.slice(0, 2).map(recognizeGlobalCommand)).toEqual(['startOver', 'help']);
    expect(swedishCommands.slice(0, 2).map(recognizeGlobalCommand)).toEqual(['startOver', 'help']);
    // "på svenska" in the English list switches to Swedish; "in English" in the Swedish list to English.
    expect(languageSwitchRequest(englishCommands[2])).toBe('sv');
    expect(languageSwitchRequest(swedishCommands[2])).toBe('en');

    for (const language of ['en', 'sv'] as const) {
      const { adapter } = await makeTestBot({ defaultLocale: language });
      await adapter
        .send('hello')
        .assertReply(text(language, 'welcome.intro'))
        .assertReply(text(language, 'menu.prompt'))
        .send(text(language, 'teams:commands.startOver.title'))
        .assertReply(text(language, 'startOver.done'))
        .assertReply(text(language, 'menu.prompt'))
        .startTest();
    }
  });

  test('the colour icon is 192×192 and opaque; the outline icon is 32×32, white on transparent', () => {
    const files = new Map(packageFiles.map((file) => [file.name, file.data]));
    const color = readPng(files.get(manifest.icons.color)!);
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    expect(color.pixels.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(new Set(color.pixels.map((p) => p.slice(0, 3).join())).size).toBeGreaterThan(2);

    const outline = readPng(files.get(manifest.icons.outline)!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const visible = outline.pixels.filter(([, , , alpha]) => alpha > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(outline.pixels.filter(([, , , alpha]) => alpha === 0).length).toBeGreaterThan(outline.pixels.length / 2);
  });

  test('the zip holds the manifest, sv.json and both icons, readable and intact', () => {
    const unzipped = readZip(teamsPackageZip(packageFiles));
    expect([...unzipped.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'sv.json']);
    for (const file of packageFiles) expect(unzipped.get(file.name)?.equals(file.data)).toBe(true);
    expect(JSON.parse(unzipped.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
  });

  test('packaging stops with a clear line when MicrosoftAppId is unset or not a GUID, and notes placeholders', () => {
    const failure = (env: Record<string, string>) => {
      try {
        teamsPackageSettings(env, '1.0.0', i18n);
      } catch (error) {
        if (error instanceof TeamsPackageError) return error.lines;
      }
      throw new Error('expected a TeamsPackageError');
    };
    expect(failure({})).toEqual([expect.stringMatching(/^MicrosoftAppId: is required/)]);
    expect(failure({ MicrosoftAppId: '' })).toEqual([expect.stringMatching(/^MicrosoftAppId: must be .*GUID/)]);
    expect(failure({ MicrosoftAppId: APP_ID, TEAMS_WEBSITE_URL: 'http://insecure.example.com' })).toEqual([
      'TEAMS_WEBSITE_URL: must be an https URL',
    ]);
    expect(settings.placeholders).toEqual(['TEAMS_WEBSITE_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL']);
    const configured = teamsPackageSettings({ MicrosoftAppId: APP_ID, TEAMS_WEBSITE_URL: 'https://contoso.example/' }, '1.0.0', i18n);
    expect(configured.inputs.developer).toMatchObject({ websiteUrl: 'https://contoso.example/', privacyUrl: 'https://contoso.example/' });
  });
});
