import { ngramFeatures, NgramClassifier } from '../../src/domain/nlu/ngramClassifier.js';

// A tiny corpus of two intents, in words of our own: the classifier must place forms it never saw
// by the letters they share with the ones it did.
const documents: [string, string][] = [
  ['vad händer med domänen', 'domains'],
  ['måste vi flytta domänen', 'domains'],
  ['namnservern hos registraren', 'domains'],
  ['hur länge finns filerna kvar', 'data'],
  ['kan vi spara dokumenten', 'data'],
  ['raderas mejlen sen', 'data'],
];

describe('the n-gram classifier that votes with nlp.js', () => {
  test('reads the letters inside each word, edges marked, and the words and word pairs', () => {
    const features = ngramFeatures('flytta domänerna');
    expect(features).toEqual(expect.arrayContaining(['w:flytta', 'w:domänerna', 'p:flytta domänerna', '<do', 'domä', 'rna>', '<domä']));
    // A number is read as a word only: its digits say nothing of the words around it.
    expect(ngramFeatures('365')).toEqual(['w:365']);
  });

  test('places inflections and compounds it never saw by the pieces they share with known words', () => {
    const classifier = NgramClassifier.train(documents);
    expect(classifier.classify('domänerna')[0]?.intent).toBe('domains');
    expect(classifier.classify('namnserverposterna')[0]?.intent).toBe('domains');
    expect(classifier.classify('dokumentarkivet')[0]?.intent).toBe('data');
    const scores = classifier.classify('filernas öde');
    expect(scores[0]?.intent).toBe('data');
    expect(scores.reduce((sum, entry) => sum + entry.score, 0)).toBeCloseTo(1, 6);
  });

  test('gives no reading of a text that shares no piece with what it learnt', () => {
    expect(NgramClassifier.train(documents).classify('xyz qqq')).toEqual([]);
  });

  test('a trained classifier reads exactly as the same model saved and loaded (the start-up reads the saved one)', () => {
    const trained = NgramClassifier.train(documents);
    const loaded = NgramClassifier.load(trained.save());
    for (const text of ['domänerna', 'raderas filerna', 'namnservrar', 'sparas mejlen hos registraren']) expect(loaded.classify(text)).toEqual(trained.classify(text));
  });

  test('the same documents give the same model, and a saved one reads exactly as it was saved', () => {
    const saved = NgramClassifier.train(documents).save();
    expect(NgramClassifier.train(documents).save()).toEqual(saved);
    const loaded = NgramClassifier.load(saved);
    const reloaded = NgramClassifier.load(loaded.save());
    for (const text of ['domänerna', 'raderas filerna', 'namnservrar']) expect(reloaded.classify(text)).toEqual(loaded.classify(text));
  });
});
