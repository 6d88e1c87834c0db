import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/domain/config.js';
import { loadCorpus } from '../../src/domain/nlu/corpus.js';
import {
  botAction,
  closePairs,
  DEVELOPMENT_FLOOR,
  EVALUATION_DIR,
  evaluateLanguage,
  evaluationFailures,
  HELD_OUT_DISTANCE_JACCARD,
  jaccard,
  loadDevelopmentSet,
  loadEntitySet,
  loadEvaluationSet,
  MIN_DEVELOPMENT_ITEMS,
  MIN_HELD_OUT_ITEMS,
  nearDuplicates,
  REGRESSION_FLOOR,
} from '../../src/domain/nlu/evaluation.js';
import { createEmbeddedRecognizer, INTENTS, type EmbeddedRecognizer } from '../../src/domain/nlu/index.js';
import type { Interpretation } from '../../src/domain/nlu/interpretation.js';

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

describe('scoring by the answer the admin gets', () => {
  test('a request to cancel the trial counts as the trial question (both get F01 first), and not as the plain path', async () => {
    const asTrial = await evaluateLanguage(recognizer, 'sv', [{ text: 'avsluta provperiod', intent: 'trial' }]);
    expect(asTrial.correct).toBe(1);
    const asPlainPath = await evaluateLanguage(recognizer, 'sv', [{ text: 'avsluta provperiod', intent: 'startCancellation' }]);
    expect(asPlainPath.misses).toEqual([expect.objectContaining({ expected: 'startCancellation', got: 'trial' })]);
  });

  test('a request to cancel a plan without a rule of its own stays the path', async () => {
    const evaluation = await evaluateLanguage(recognizer, 'en', [{ text: 'cancel our E5 subscription now', intent: 'startCancellation' }]);
    expect(evaluation.correct).toBe(1);
  });
});

describe('what the bot does with a reading: acts on the right answer, asks with it among the buttons, or goes wrong', () => {
  const confident = (intent: 'data' | 'startCancellation', plan?: ['trial']): Interpretation => ({ kind: 'confident', intent, score: 0.9, entities: plan ? { plan } : {} });
  const unsure: Interpretation = { kind: 'unsure', candidates: [{ intent: 'earlyTerminationFee', score: 0.5 }, { intent: 'data', score: 0.45 }], entities: {} };

  test('each interpretation counts once, by the answer the admin gets', () => {
    expect(botAction(confident('data'), 'data')).toBe('actsRight');
    expect(botAction(confident('data'), 'termEnd')).toBe('wrong');
    // A request to cancel the trial is answered with the trial's fact first, as the top-1 score counts it.
    expect(botAction(confident('startCancellation', ['trial']), 'trial')).toBe('actsRight');
    expect(botAction(unsure, 'data')).toBe('asksWithRight');
    expect(botAction(unsure, 'earlyTerminationFee')).toBe('asksWithRight');
    expect(botAction(unsure, 'termEnd')).toBe('wrong');
    expect(botAction({ kind: 'none' }, 'data')).toBe('wrong');
  });

  test('a set is split into the three, and a two-topic message read right at the top still only gets a question', async () => {
    const evaluation = await evaluateLanguage(recognizer, 'en', [
      { text: 'what happens to our email when we cancel?', intent: 'data' },
      { text: 'what happens to our email when we cancel?', intent: 'termEnd' },
      { text: 'how much is the penalty for leaving early, and do we keep our mailboxes?', intent: 'earlyTerminationFee' },
      { text: 'how much is the penalty for leaving early, and do we keep our mailboxes?', intent: 'data' },
    ]);
    expect(evaluation.actions).toEqual({ actsRight: 1, asksWithRight: 2, wrong: 1 });
    expect(evaluation.correct).toBe(2);
  });
});

describe('training messages keep their distance from the held-out messages', () => {
  test(`a pair with a token-set Jaccard of ${HELD_OUT_DISTANCE_JACCARD} or more is found, named, and a pair below it is not`, () => {
    const training = ['what happens to our files when the trial period runs out', 'how long does a small business plan bind us'];
    const heldOut = ['What happens when the 30-day trial runs out?', 'how long does a subscription period last'];
    expect(closePairs(training, heldOut)).toEqual([
      { training: training[0], heldOut: heldOut[0], jaccard: 7 / 13 },
    ]);
  });

  // The pairs that stood when this guard came, or when their held-out message was added (written
  // blind), are listed in corpus-close-pairs.json: short and everyday wordings, "help" and "help pls",
  // "I want to cancel my subscription" and "I want to cancel our subscription". They are listed in
  // corpus-close-pairs.json. No other pair may appear, and the list only shrinks: a training message
  // reworded away from the held-out set leaves it.
  const standing = (JSON.parse(readFileSync(join(EVALUATION_DIR, 'corpus-close-pairs.json'), 'utf8')) as [string, string][]).map(
    ([training, heldOut]) => `${training} ~ ${heldOut}`,
  );
  const found = closePairs(
    SUPPORTED_LANGUAGES.flatMap((language) => Object.values(loadCorpus(language).intents).flat()),
    SUPPORTED_LANGUAGES.flatMap((language) => loadEvaluationSet(language).map((item) => item.text)),
  ).map(({ training, heldOut }) => `${training} ~ ${heldOut}`);

  test(`no training message comes within a Jaccard of ${HELD_OUT_DISTANCE_JACCARD} of a held-out message, beyond the pairs listed`, () => {
    expect(found.filter((pair) => !standing.includes(pair))).toEqual([]);
  });

  test('every listed pair still stands (a reworded message leaves the list)', () => {
    expect(standing.filter((pair) => !found.includes(pair))).toEqual([]);
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
  const floor = REGRESSION_FLOOR[language];
  test(`accuracy is at least ${floor.accuracy * 100}%, every intent's recall at least ${floor.intentRecall * 100}% and precision at least ${floor.intentPrecision * 100}%`, async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluationFailures(evaluation, floor)).toEqual([]);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
  });

});

// The plan, timing and language a message names are found by the entity lexicon (corpus.json's `entities`), which
// is written, not learnt from the training messages: these messages of the earlier held-out sets, with the entities
// they name, check it (their texts are training messages now, which the lexicon does not read).
describe.each(SUPPORTED_LANGUAGES)('NLU entities (%s)', (language) => {
  const items = loadEntitySet(language);

  test('the entities each message names are found exactly in at least 90% of the messages', async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluation.entityItems).toBeGreaterThanOrEqual(10);
    expect(evaluation.entityCorrect / evaluation.entityItems).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each(SUPPORTED_LANGUAGES)('NLU development set (%s)', (language) => {
  const items = loadDevelopmentSet(language);

  test(`has at least ${MIN_DEVELOPMENT_ITEMS} messages`, () => {
    expect(items.length).toBeGreaterThanOrEqual(MIN_DEVELOPMENT_ITEMS);
  });

  test(`accuracy is at least ${DEVELOPMENT_FLOOR[language] * 100}%`, async () => {
    const evaluation = await evaluateLanguage(recognizer, language, items);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(DEVELOPMENT_FLOOR[language]);
  });

  test('no message is a near-duplicate of a training utterance (either language)', () => {
    const training = SUPPORTED_LANGUAGES.flatMap((other) => Object.values(loadCorpus(other).intents).flat());
    expect(nearDuplicates(items, training)).toEqual([]);
  });

  // Tuning on near-copies of held-out messages would make the held-out figures flatter the recognizer.
  test('no message is a near-duplicate of a held-out message (either language)', () => {
    const heldOut = SUPPORTED_LANGUAGES.flatMap((other) => loadEvaluationSet(other).map((item) => item.text));
    expect(nearDuplicates(items, heldOut)).toEqual([]);
  });
});

describe.each(SUPPORTED_LANGUAGES)('NLU corpus (%s)', (language) => {
  const corpus = loadCorpus(language);

  test('every intent has 15 to 70 training utterances', () => {
    const outside = Object.entries(corpus.intents)
      .filter(([, utterances]) => utterances.length < 15 || utterances.length > 70)
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
