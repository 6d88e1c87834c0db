import { SUPPORTED_LANGUAGES } from '../../src/domain/config.js';
import { loadCorpus } from '../../src/domain/nlu/corpus.js';
import {
  evaluateLanguage,
  evaluationFailures,
  jaccard,
  loadEvaluationSet,
  MIN_HELD_OUT_ITEMS,
  nearDuplicates,
  REGRESSION_FLOOR,
} from '../../src/domain/nlu/evaluation.js';
import { createEmbeddedRecognizer, INTENTS, type EmbeddedRecognizer } from '../../src/domain/nlu/index.js';

let recognizer: EmbeddedRecognizer;

beforeAll(async () => {
  recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv' });
});

describe('near-duplicate check', () => {
  test('the same words after normalization, or a token-set Jaccard of 0.8 or more, is a near-duplicate', () => {
    const training = ['How do I turn off auto-renew?', 'vad händer med våra data när vi säger upp'];
    const items = [
      { text: 'how do i turn off AUTO RENEW', intent: 'termEnd' as const },
      { text: 'Vad händer med våra data när vi sen säger upp?', intent: 'data' as const },
      { text: '<at>Cancellation assistant</at> how do I turn off auto renew', intent: 'termEnd' as const },
      { text: 'where do I switch off automatic renewal', intent: 'termEnd' as const },
    ];
    expect(nearDuplicates(items, training).map((found) => found.text)).toEqual(items.slice(0, 3).map((item) => item.text));
    expect(jaccard(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'd', 'e']))).toBe(0.8);
  });
});

describe.each(SUPPORTED_LANGUAGES)('NLU held-out set (%s)', (language) => {
  const items = loadEvaluationSet(language);
  const corpus = loadCorpus(language);

  test(`has at least ${MIN_HELD_OUT_ITEMS} messages covering every intent`, () => {
    expect(items.length).toBeGreaterThanOrEqual(MIN_HELD_OUT_ITEMS);
    const covered = new Set(items.map((item) => item.intent));
    expect(INTENTS.filter((intent) => !covered.has(intent))).toEqual([]);
  });

  test('no message is a near-duplicate of a training utterance (either language)', () => {
    const training = SUPPORTED_LANGUAGES.flatMap((other) => Object.values(loadCorpus(other).intents).flat());
    expect(nearDuplicates(items, training)).toEqual([]);
    expect(corpus.intents.startCancellation.length).toBeGreaterThan(0);
  });

  // The regression floor, not issue 15's target (95%, recall 85%): `npm run eval:nlu` reports that.
  test(`accuracy is at least ${REGRESSION_FLOOR.accuracy * 100}%, every intent's recall at least ${REGRESSION_FLOOR.intentRecall * 100}% and precision at least ${REGRESSION_FLOOR.intentPrecision * 100}%`, async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluationFailures(evaluation, REGRESSION_FLOOR)).toEqual([]);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(REGRESSION_FLOOR.accuracy);
  });

  test('the entities it names are found exactly in at least 90% of the items that name them', async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluation.entityItems).toBeGreaterThanOrEqual(10);
    expect(evaluation.entityCorrect / evaluation.entityItems).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each(SUPPORTED_LANGUAGES)('NLU corpus (%s)', (language) => {
  const corpus = loadCorpus(language);

  test('every intent has 15 to 40 training utterances', () => {
    const outside = Object.entries(corpus.intents)
      .filter(([, utterances]) => utterances.length < 15 || utterances.length > 40)
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
