import langEn from '@nlpjs/lang-en';
import langSv from '@nlpjs/lang-sv';
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

  it('keeps a compound led by a particle whole: its meaning is not its parts\'', () => {
    const compounds = new SpellingCorrector(['gå genom rummet', 'en gång till', 'vägen till', 'tusen tack', 'mitt konto', 'skicka mejl']);
    expect(compounds.correctWord('genomgång')).toBe('genomgång');
    expect(compounds.correctWord('tillgång')).toBe('tillgång');
    expect(compounds.correctWord('mejlkonto')).toBe('mejl konto');
    expect(compounds.correctWord('tusentack')).toBe('tusen tack');
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

describe('spelling correction with a dictionary of the language', () => {
  const corpus = ['while we wait', 'there are three', 'jag ändrar mig'];

  it('never replaces a word of the dictionary, however close to a corpus word', () => {
    const corrector = new SpellingCorrector(corpus, new Set(['whole', 'undrar']));
    expect(corrector.correct('the whole tenant')).toBe('the whole tenant');
    expect(corrector.correct('jag undrar')).toBe('jag undrar');
  });

  it('still corrects a typo that no dictionary has', () => {
    const corrector = new SpellingCorrector(corpus, new Set(['whole']));
    expect(corrector.correctWord('whilw')).toBe('while');
  });
});

describe('spelling correction with the language\'s stemmer', () => {
  const swedish = new langSv.StemmerSv();
  const english = new langEn.StemmerEn();

  it('leaves a form of a known word alone rather than changing it into another word one letter off', () => {
    const corrector = new SpellingCorrector(['vi måste tänka efter', 'täcker det allt', 'täcker täcker'], new Set(), (word) => swedish.stemWord(word));
    expect(corrector.correct('jag tänker säga upp')).toBe('jag tänker säga upp');
  });

  it('leaves a form of a known word whole rather than splitting it into two known words', () => {
    const corrector = new SpellingCorrector(['download the report', 'the page is loading', 'go down'], new Set(), (word) => english.stemWord(word));
    expect(corrector.correctWord('downloading')).toBe('downloading');
  });

  it('still splits compounds and corrects typos whose stem no known word has', () => {
    const corrector = new SpellingCorrector(['tusen tack', 'jag vill avsluta min prenumeration'], new Set(), (word) => swedish.stemWord(word));
    expect(corrector.correctWord('tusentack')).toBe('tusen tack');
    expect(corrector.correctWord('prenumration')).toBe('prenumeration');
  });
});
