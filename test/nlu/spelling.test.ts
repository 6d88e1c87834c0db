import { editDistance, SpellingCorrector } from '../../src/domain/nlu/text.js';

describe('edit distance (typos the recognizer forgives)', () => {
  it('counts changed, missing, extra and swapped letters', () => {
    expect(editDistance('cancel', 'cancel')).toBe(0);
    expect(editDistance('cancle', 'cancel')).toBe(1);
    expect(editDistance('prenumration', 'prenumeration')).toBe(1);
    expect(editDistance('abonemang', 'abonnemang')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops at the limit it is given and says "more than that"', () => {
    expect(editDistance('enterprise', 'entrance', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('gives the same answer however long the previous words were', () => {
    expect(editDistance('x'.repeat(80), 'x'.repeat(79) + 'y')).toBe(1);
    expect(editDistance('provperiod', 'provperoid')).toBe(1);
  });
});

describe('spelling correction', () => {
  const corrector = new SpellingCorrector([
    'jag vill avsluta min prenumeration',
    'prenumeration prenumeration',
    'tusen tack',
    'klara',
    'enterprise',
    'entreprise',
  ]);

  it('replaces an unknown word by the closest known one', () => {
    expect(corrector.correct('Jag vill avsluta min prenumration')).toBe('jag vill avsluta min prenumeration');
  });

  it('leaves an inflected form of a known word to the stemmer', () => {
    expect(corrector.correctWord('klarar')).toBe('klarar');
    expect(corrector.correctWord('prenumerationen')).toBe('prenumerationen');
  });

  it('splits a compound of two known words', () => {
    expect(corrector.correctWord('tusentack')).toBe('tusen tack');
  });

  it('leaves short words, numbers and known words alone', () => {
    expect(corrector.correctWord('vil')).toBe('vil');
    expect(corrector.correctWord('e3x45')).toBe('e3x45');
    expect(corrector.correctWord('enterprise')).toBe('enterprise');
  });

  it('prefers the more common word, then the one the texts have first, when two are as close', () => {
    const common = new SpellingCorrector(['kontakt', 'kontant kontant']);
    expect(common.correctWord('kontaxt')).toBe('kontant');
    const first = new SpellingCorrector(['kontakt', 'kontant']);
    expect(first.correctWord('kontaxt')).toBe('kontakt');
  });
});
