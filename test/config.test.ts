import { loadConfig } from '../src/domain/config.js';
import { configErrorLines } from './support/config.js';

describe('configuration', () => {
  test('defaults: port 3978, ./data, Swedish, Stockholm time, no support phone or portal link', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      dataDir: './data',
      defaultLocale: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      logLevel: 'info',
      microsoftAppType: 'MultiTenant',
      recognizer: 'embedded',
    });
    expect(config.supportPhone).toBeUndefined();
    expect(config.adminPortalUrl).toBeUndefined();
    expect(config.microsoftAppId).toBeUndefined();
  });

  test('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/bot',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      DEFAULT_LOCALE: 'en',
      DEFAULT_TIMEZONE: 'America/New_York',
      SUPPORT_PHONE: '+46 8 000 00 00',
      ADMIN_PORTAL_URL: 'https://admin.example.com',
      LOG_LEVEL: 'warn',
      RECOGNIZER: 'none',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/bot',
      microsoftAppId: 'app',
      microsoftAppPassword: 'secret',
      microsoftAppType: 'SingleTenant',
      microsoftAppTenantId: 'tenant',
      defaultLocale: 'en',
      defaultTimezone: 'America/New_York',
      supportPhone: '+46 8 000 00 00',
      adminPortalUrl: 'https://admin.example.com',
      logLevel: 'warn',
      recognizer: 'none',
    });
  });

  test('empty optional values count as unset', () => {
    const config = loadConfig({ MicrosoftAppId: '', SUPPORT_PHONE: '  ', ADMIN_PORTAL_URL: '' });
    expect(config.microsoftAppId).toBeUndefined();
    expect(config.supportPhone).toBeUndefined();
    expect(config.adminPortalUrl).toBeUndefined();
  });

  test.each([
    ['PORT', 'abc', /^PORT="abc": must be a whole number from 0 to 65535$/],
    ['PORT', '70000', /^PORT="70000": must be a whole number from 0 to 65535$/],
    ['PORT', '1.5', /^PORT="1.5": must be a whole number/],
    ['DEFAULT_LOCALE', 'fr', /^DEFAULT_LOCALE="fr": must be sv or en$/],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus', /^DEFAULT_TIMEZONE="Mars\/Olympus": must be an IANA time zone/],
    ['ADMIN_PORTAL_URL', 'not a url', /^ADMIN_PORTAL_URL="not a url": must be an http\(s\) URL$/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL="loud": must be debug, info, warn, error or silent$/],
    ['MicrosoftAppType', 'Other', /^MicrosoftAppType="Other": must be MultiTenant, SingleTenant or UserAssignedMSI$/],
    ['RECOGNIZER', 'luis', /^RECOGNIZER="luis": must be embedded or none$/],
  ])('a bad %s (%s) gives one clear line naming the variable', (variable, value, expected) => {
    const lines = configErrorLines({ [variable]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  test('several bad values give one line each', () => {
    const lines = configErrorLines({ PORT: '-1', DEFAULT_LOCALE: 'de' });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('PORT="-1"');
    expect(lines.join('\n')).toContain('DEFAULT_LOCALE="de"');
  });
});
