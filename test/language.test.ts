import type { Activity } from 'botbuilder';
import type { Language } from '../src/domain/config.js';
import { languageSwitchRequest, resolveLanguage, toSupportedLanguage, type LanguageSource } from '../src/domain/language.js';

const guessSwedish = (text: string): Language | undefined => (/\b(jag|vill|hur)\b/i.test(text) ? 'sv' : undefined);
const teamsClientInfo = (locale: string) => [{ type: 'clientInfo', locale, country: 'SE', platform: 'Web' }];

describe('language resolution order: choice, activity.locale, clientInfo, text, default', () => {
  const cases: [string, Language | undefined, Partial<Activity>, Language, Language, LanguageSource][] = [
    ['explicit choice beats everything', 'en', { locale: 'sv-SE', entities: teamsClientInfo('sv-SE'), text: 'jag vill' }, 'sv', 'en', 'choice'],
    ['explicit Swedish choice beats an English channel', 'sv', { locale: 'en-US', text: 'hello' }, 'en', 'sv', 'choice'],
    ['activity.locale beats clientInfo', undefined, { locale: 'en-US', entities: teamsClientInfo('sv-SE') }, 'sv', 'en', 'activity'],
    ['activity.locale sv-SE', undefined, { locale: 'sv-SE' }, 'en', 'sv', 'activity'],
    ['activity.locale sv-FI is Swedish', undefined, { locale: 'sv-FI' }, 'en', 'sv', 'activity'],
    ['clientInfo when no activity.locale (Teams)', undefined, { entities: teamsClientInfo('sv-SE'), text: 'hello' }, 'en', 'sv', 'clientInfo'],
    ['text guess when the channel sends no locale', undefined, { text: 'jag vill säga upp' }, 'en', 'sv', 'text'],
    ['default when nothing else tells', undefined, { text: '1' }, 'sv', 'sv', 'default'],
    ['default English', undefined, {}, 'en', 'en', 'default'],
    ['fr-FR gets English', undefined, { locale: 'fr-FR' }, 'sv', 'en', 'activity'],
    ['de-DE gets English', undefined, { locale: 'de-DE' }, 'sv', 'en', 'activity'],
    ['a clientInfo in German gets English', undefined, { entities: teamsClientInfo('de-DE') }, 'sv', 'en', 'clientInfo'],
    ['an empty activity.locale is ignored', undefined, { locale: '', entities: teamsClientInfo('sv-SE') }, 'en', 'sv', 'clientInfo'],
  ];

  test.each(cases)('%s', (_name, chosen, activity, defaultLanguage, language, source) => {
    expect(resolveLanguage({ chosen, activity, guess: guessSwedish, defaultLanguage })).toEqual({ language, source });
  });
});

describe('supported languages', () => {
  test.each([
    ['sv', 'sv'],
    ['SV-se', 'sv'],
    ['en-GB', 'en'],
    ['nb-NO', 'en'],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, expected) => {
    expect(toSupportedLanguage(locale)).toBe(expected);
  });
});

describe('language switch phrases', () => {
  test.each([
    ['svenska', 'sv'],
    ['På svenska!', 'sv'],
    ['  SVENSKA ', 'sv'],
    ['english', 'en'],
    ['In English, please', undefined],
    ['in English', 'en'],
    ['på engelska', 'en'],
    ['jag pratar svenska och vill avsluta', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(languageSwitchRequest(text)).toBe(expected);
  });
});
