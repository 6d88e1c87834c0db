import { SUPPORTED_LANGUAGES } from '../../src/config.js';
import { loadCorpus } from '../../src/nlu/corpus.js';
import {
  evaluateLanguage,
  evaluationFailures,
  itemsFoundInCorpus,
  loadEvaluationSet,
  MIN_ACCURACY,
} from '../../src/nlu/evaluation.js';
import { createEmbeddedRecognizer, INTENTS, type EmbeddedRecognizer } from '../../src/nlu/index.js';

let recognizer: EmbeddedRecognizer;

beforeAll(async () => {
  recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv' });
});

describe.each(SUPPORTED_LANGUAGES)('NLU evaluation set (%s)', (language) => {
  const items = loadEvaluationSet(language);
  const corpus = loadCorpus(language);

  test('has at least 40 utterances covering every intent', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(items.map((item) => item.intent));
    expect(INTENTS.filter((intent) => !covered.has(intent))).toEqual([]);
  });

  test('none of its utterances is a training utterance', () => {
    expect(itemsFoundInCorpus(items, Object.values(corpus.intents).flat())).toEqual([]);
  });

  test(`overall accuracy is at least ${MIN_ACCURACY * 100}% and every intent's precision and recall at least 80%`, async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluationFailures(evaluation)).toEqual([]);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  test('the entities it names are found exactly in at least 90% of the items that name them', async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluation.entityItems).toBeGreaterThanOrEqual(10);
    expect(evaluation.entityCorrect / evaluation.entityItems).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each(SUPPORTED_LANGUAGES)('NLU corpus (%s)', (language) => {
  const corpus = loadCorpus(language);

  test('every intent has 15 to 30 training utterances', () => {
    const outside = Object.entries(corpus.intents)
      .filter(([, utterances]) => utterances.length < 15 || utterances.length > 30)
      .map(([intent, utterances]) => `${intent}: ${utterances.length}`);
    expect(outside).toEqual([]);
  });

  test('no utterance is taught as two different intents', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const [intent, utterances] of Object.entries(corpus.intents)) {
      for (const utterance of utterances) {
        const key = utterance.toLowerCase();
        const earlier = seen.get(key);
        if (earlier && earlier !== intent) conflicts.push(`${utterance}: ${earlier} and ${intent}`);
        seen.set(key, intent);
      }
    }
    expect(conflicts).toEqual([]);
  });
});
