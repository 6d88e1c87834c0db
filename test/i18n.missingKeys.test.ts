import { testConfig } from '../src/domain/config.js';
import { createI18n, translator, type MissingTranslation } from '../src/domain/i18n.js';
import { createLogger } from '../src/domain/logger.js';
import { createApp } from '../src/service/server.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { takeMissingTranslations } from './support/missingTranslations.js';

describe('a translation key missing in both languages', () => {
  test('is reported with its language, and the whole test suite hears of it (a test asking for one fails)', () => {
    const reported: MissingTranslation[] = [];
    const i18n = createI18n({ onMissingKey: (missing) => reported.push(missing) });

    expect(translator(i18n, 'sv')('menu.noSuchQuestion')).toBe('menu.noSuchQuestion');
    translator(i18n, 'en', 'cancel')('noSuchSynonyms', { returnObjects: true });
    i18n.getFixedT('en')('facts:F99.noSuchFact', { plan: 'Enterprise' });

    const expected = [
      { language: 'sv', key: 'common:menu.noSuchQuestion' },
      { language: 'en', key: 'cancel:noSuchSynonyms' },
      { language: 'en', key: 'facts:F99.noSuchFact' },
    ];
    expect(reported).toEqual(expected);
    // What failOnMissingTranslations.ts checks after every test; taken here, so this test passes.
    expect(takeMissingTranslations()).toEqual(expected);
  });

  test('is not reported when the code asks with a default value: that asks whether the key exists', () => {
    const reported: MissingTranslation[] = [];
    const i18n = createI18n({ onMissingKey: (missing) => reported.push(missing) });
    const t = translator(i18n, 'sv');

    expect(t('cancel:help.where.noSuchDialog', { defaultValue: '' })).toBe('');
    expect(t('feedback:reasons.retiredReason', { defaultValue: 'retiredReason' })).toBe('retiredReason');
    expect(t('welcome.intro')).not.toBe('welcome.intro');
    expect(reported).toEqual([]);
  });

  test('is logged as a warning by the running service, with the key and language only', async () => {
    const lines: string[] = [];
    const app = await createApp(testConfig({ storage: 'memory' }), { stores: createMemoryStores(), logger: createLogger('warn', (line) => lines.push(line)) });
    try {
      app.i18n.getFixedT('sv')('errors.noSuchApology');
      const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.message === 'translation missing');
      expect(warnings).toEqual([expect.objectContaining({ level: 'warn', language: 'sv', key: 'common:errors.noSuchApology' })]);
      expect(takeMissingTranslations()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
