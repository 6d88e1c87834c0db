import { createEmbeddedRecognizer, type EmbeddedRecognizer } from '../../src/domain/nlu/index.js';

let recognizer: EmbeddedRecognizer;

beforeAll(async () => {
  recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv' });
});

describe('language from the text', () => {
  test.each([
    'varför kan jag inte säga upp min provperiod?',
    'Hur stänger jag av automatisk förnyelse för vårt Enterprise-abonnemang',
    'vad händer med våra filer',
  ])('Swedish, clearly: %s', (text) => {
    expect(recognizer.languageGuesser.guess(text)).toMatchObject({ language: 'sv', clear: true });
  });

  test.each([
    'will we get our money back?',
    'cancel our Enterprise plan now',
    'what happens to our files when we cancel',
  ])('English, clearly: %s', (text) => {
    expect(recognizer.languageGuesser.guess(text)).toMatchObject({ language: 'en', clear: true });
  });

  test.each(['ok', 'tack', 'thanks', '1', 'E3', 'hej', 'ja', 'nej', '', '🙂', 'Office 365 Enterprise E3', 'anna@example.com'])(
    'short or shared words keep the current language: %j',
    (text) => {
      expect(recognizer.languageGuesser.guess(text)).toBeUndefined();
    },
  );

  test.each(['Åsa Öberg-Lindqvist', 'Storgatan 1, 123 45 Stockholm', 'Kungsängsvägen 12, 753 23 Uppsala'])(
    'names and addresses with å, ä, ö are never clearly Swedish: %j',
    (text) => {
      expect(recognizer.languageGuesser.guess(text)?.clear ?? false).toBe(false);
    },
  );

  test('a message mixing both languages leans to the one with more words but is not clear', () => {
    const guess = recognizer.languageGuesser.guess('hej, jag undrar how do I cancel the subscription');
    expect(guess?.language).toBe('en');
    expect(guess?.clear).toBe(false);
  });

  test('the seam createApp takes returns the language, or undefined for short inputs', () => {
    const guessLanguage = recognizer.languageGuesser.asLanguageGuesser();
    expect(guessLanguage('will we get our money back?')).toBe('en');
    expect(guessLanguage('får vi pengarna tillbaka?')).toBe('sv');
    expect(guessLanguage('ok')).toBeUndefined();
  });
});
