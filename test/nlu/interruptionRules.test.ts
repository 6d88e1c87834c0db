import type { Activity } from 'botbuilder';
import { readsAsQuestion } from '../../src/bot/interruptions.js';
import { resolveLanguage } from '../../src/domain/language.js';

describe('what reads as a question (may interrupt a free-text prompt)', () => {
  test.each(['What will support ask me for?', 'vad händer med våra data', 'hur länge sparas data', 'my data?', 'Kan jag ångra mig'])(
    '%j is a question',
    (text) => {
      expect(readsAsQuestion(text)).toBe(true);
    },
  );

  test.each(['anna.svensson@contoso.com', 'Storgatan 1, 111 22 Stockholm', '+46 70 123 45 67', 'Anna Svensson', 'Contoso AB', 'ja', '1', 'E3'])(
    '%j is an answer',
    (text) => {
      expect(readsAsQuestion(text)).toBe(false);
    },
  );
});

describe('language of a turn with a clear guess from the text', () => {
  const clearEnglish = (text: string) => (text.startsWith('What') ? ('en' as const) : undefined);
  const noGuess = () => undefined;
  const activity = (text: string): Partial<Activity> => ({ text, locale: 'sv-SE' });

  test('a message clearly in English wins over the Swedish channel locale', () => {
    expect(
      resolveLanguage({ chosen: undefined, activity: activity('What happens to our data?'), guess: noGuess, defaultLanguage: 'sv', clearGuess: clearEnglish }),
    ).toEqual({ language: 'en', source: 'clearText' });
  });

  test('a short message keeps the language an earlier clear message set, over the channel locale', () => {
    expect(
      resolveLanguage({ chosen: undefined, activity: activity('ok'), guess: noGuess, defaultLanguage: 'sv', clearGuess: clearEnglish, conversationLanguage: 'en' }),
    ).toEqual({ language: 'en', source: 'conversation' });
  });

  test("the user's explicit choice still comes first", () => {
    expect(
      resolveLanguage({ chosen: 'sv', activity: activity('What happens to our data?'), guess: noGuess, defaultLanguage: 'en', clearGuess: clearEnglish }),
    ).toEqual({ language: 'sv', source: 'choice' });
  });
});
