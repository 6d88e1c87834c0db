import { RULE_STEM_LISTS } from '../../src/domain/nlu/embeddedRecognizer.js';
import { beginsAWord, ruleWords, tokenize } from '../../src/domain/nlu/text.js';

describe("the rules' word beginnings and the words they read", () => {
  test.each([
    ['ns-post', 'Måste NS-posterna ändras?'],
    ['e-post', 'vart tar e-posten vägen'],
    ['användar-id', 'var hittar jag användar-id:t'],
    ['it-', 'vår it-konsult frågar'],
    ['it-', 'it- och ekonomiavdelningen undrar'],
    ['non-admin', 'can a non-admin phone?'],
    ['e-post', 'e‑posten (with a non-breaking hyphen)'],
  ])('a stem with a hyphen ("%s") begins its hyphenated word in "%s"', (stem, text) => {
    expect(beginsAWord(ruleWords(text), [stem])).toBe(true);
  });

  test.each([
    ['it-', 'is it possible to stop'],
    ['it-', 'vi har it konsulter'],
    ['ns-post', 'ns posterna'],
    ['e-post', 'e posten'],
  ])('"%s" does not begin the same letters across a space ("%s")', (stem, text) => {
    expect(beginsAWord(ruleWords(text), [stem])).toBe(false);
  });

  test('the rules read every word the classifier reads, in its order, hyphenated compounds after them', () => {
    expect(ruleWords('Får it-konsulten ringa?')).toEqual([...tokenize('Får it-konsulten ringa?'), 'it-konsulten']);
    expect(ruleWords('inga bindestreck här')).toEqual(tokenize('inga bindestreck här'));
  });

  test('every stem in the rules\' lists begins a word built from it, hyphenated or not', () => {
    const unmatchable = Object.entries(RULE_STEM_LISTS).flatMap(([list, stems]) =>
      stems.filter((stem) => !beginsAWord(ruleWords(`${stem}${stem.endsWith('-') ? 'konsult' : 'en'}`), [stem])).map((stem) => `${list}: ${stem}`),
    );
    expect(Object.keys(RULE_STEM_LISTS).length).toBeGreaterThan(40);
    expect(unmatchable).toEqual([]);
  });
});
