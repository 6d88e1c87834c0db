import { RULE_STEM_LISTS } from '../../src/domain/nlu/embeddedRecognizer.js';
import { beginsAWord, NOT_BEGUN_BY, ruleWords, tokenize, wordBegins } from '../../src/domain/nlu/text.js';

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
      // Two endings: one may make a false friend of the stem ("appl" + "en" is "applen", the fruit).
      stems.filter((stem) => !(stem.endsWith('-') ? ['konsult'] : ['en', 'ar']).some((ending) => beginsAWord(ruleWords(`${stem}${ending}`), [stem]))).map((stem) => `${list}: ${stem}`),
    );
    expect(Object.keys(RULE_STEM_LISTS).length).toBeGreaterThan(40);
    expect(unmatchable).toEqual([]);
  });
});

// Words a stem's letters begin that mean something else, often in the other language: both languages' rules read
// every message, so "redo" (Swedish "ready") met the English verb and "who" met "whole". Each word with the lists
// whose stems once began it and must not.
const FALSE_FRIENDS: readonly (readonly [string, readonly string[]])[] = [
  ['whole', ['whoMayCall 0']],
  ['filmklubben', ['data 7']],
  ['idag', ['verification 1']],
  ['idén', ['verification 1']],
  ['ideas', ['verification 1']],
  ['ideella', ['verification 1']],
  ['idrottsklubben', ['verification 1']],
  ['redovisningsfirman', ['verification 1', 'SUPPORT_ASKS']],
  ['feedbacken', ['COST', 'PRICE', 'DOMAIN_WORDS']],
  ['both', ['THE_ASSISTANT']],
  ['branschen', ['thanks 3']],
  ['branches', ['thanks 3']],
  ['really', ['talkToSupport 4', 'REACHING_A_PERSON', 'REACHING_WAYS']],
  ['ledningsgruppen', ['GUIDING']],
  ['ledsen', ['GUIDING']],
  ['ledare', ['GUIDING']],
  ['namnservrarna', ['verification 1', 'DETAIL_STEMS']],
  ['nameserver', ['verification 1', 'DETAIL_STEMS', 'ADDRESS_OR_NAME']],
  ['passwords', ['TELLING']],
  ['passade', ['TELLING']],
  ['personuppgift', ['whoMayCall 0', 'talkToSupport 4', 'A_PERSON', 'SUPPORT_OR_PERSON', 'REACHING_A_PERSON']],
  ['providers', ['FOR_THE_CALL', 'SUPPORT_ASKS']],
  ['provet', ['verification 1', 'IDENTITY']],
  ['quickbooks', ['DOMAIN_WORDS', 'HASTE']],
  ['sharepointsidan', ['TELLING']],
  ['signalen', ['CLOSING_HERE_VERBS']],
  ['skapar', ['WANTING']],
  ['skaffat', ['WANTING']],
  ['skatten', ['WANTING']],
  ['skrivarna', ['TASK_VERBS', 'ENTERING', 'LANGUAGE_VERBS', 'TELLING']],
  ['stället', ['ASKED_OF_IT']],
  ['termination', ['termLengths 2']],
  ['tidigt', ['termLengths 2']],
  ['tidningen', ['termLengths 2']],
  ['username', ['LANGUAGE_VERBS']],
  ['villkor', ['LANGUAGE_VERBS', 'WANTING']],
  ['kvartalsvis', ['DATA_FATE', 'REMAINING']],
  ['runt', ['termLengths 2']],
  ['dropboxen', ['DROPPING']],
  ['linkedin', ['THE_WAY']],
  ['apples', ['appliesTo 11', 'COVERING', 'HOLDING']],
  ['kontorets', ['DOMAIN_WORDS', 'WHAT_IS_CANCELLED']],
  ['officers', ['DOMAIN_WORDS', 'WHAT_IS_CANCELLED']],
  ['committees', ['termLengths 2']],
  ['bindestrecket', ['termLengths 2', 'COMMITMENT']],
  ['fastnade', ['HASTE']],
  ['fastigheten', ['HASTE']],
  ['fastän', ['HASTE']],
  ['startupen', ['BEGINNING', 'THE_WAY', 'STARTING_A_CANCELLING']],
  ['knappt', ['ENTERING', 'THE_WAY']],
  ['dokumentet', ['THE_WAY']],
  ['domänen', ['THE_WAY']],
  ['downloads', ['THE_WAY']],
];

describe("the rules' word beginnings and the other words their letters begin", () => {
  test.each(FALSE_FRIENDS)('"%s" is begun by none of %j', (word, lists) => {
    for (const list of lists) expect(RULE_STEM_LISTS).toHaveProperty([list]);
    expect(lists.filter((list) => beginsAWord([word], RULE_STEM_LISTS[list]!))).toEqual([]);
  });

  test('each stem still begins its own words next to its false friends', () => {
    expect(beginsAWord(['whom'], ['who'])).toBe(true);
    expect(beginsAWord(['filerna'], ['fil'])).toBe(true);
    expect(beginsAWord(['identitet'], ['id'])).toBe(true);
    expect(beginsAWord(['fees'], ['fee'])).toBe(true);
    expect(beginsAWord(['ställer'], ['ställ'])).toBe(true);
    expect(beginsAWord(['skriver'], ['skriv'])).toBe(true);
    expect(beginsAWord(['uses'], ['use'])).toBe(true);
  });

  test('one word tested against a list of stems meets the same false friends as a message', () => {
    expect(wordBegins('startupen', ['aktiver', 'start'])).toBe(false);
    expect(wordBegins('skrivaren', ['skriv'])).toBe(false);
    expect(wordBegins('startade', ['aktiver', 'start'])).toBe(true);
    expect(wordBegins('skrivit', ['skriv'])).toBe(true);
  });

  test('every false friend belongs to a stem the rules use and begins with it', () => {
    const stems = new Set(Object.values(RULE_STEM_LISTS).flat());
    const astray = Object.entries(NOT_BEGUN_BY).flatMap(([stem, others]) => [...(stems.has(stem) ? [] : [stem]), ...others.filter((other) => !other.startsWith(stem) || other === stem)]);
    expect(astray).toEqual([]);
  });
});
