import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/domain/config.js';
import { loadEvaluationSet } from '../../src/domain/nlu/evaluation.js';
import { createEmbeddedRecognizer, rankIntents, type EmbeddedRecognizer } from '../../src/domain/nlu/index.js';

// The build saves the trained recognizer so start-ups load it instead of training. Loading must
// give the very recognizer training gives, and a model trained from other texts must never be used.
const folder = mkdtempSync(join(tmpdir(), 'nlu-model-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let trained: EmbeddedRecognizer;
beforeAll(async () => {
  trained = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: join(folder, 'none.json') });
}, 30_000);

async function topIntents(recognizer: EmbeddedRecognizer): Promise<string[]> {
  const answers: string[] = [];
  for (const language of SUPPORTED_LANGUAGES) {
    for (const item of loadEvaluationSet(language)) {
      const ranked = rankIntents(await recognizer.recognizeText(item.text, language));
      answers.push(`${language} ${item.text} → ${ranked[0]?.intent} ${ranked[0]?.score.toFixed(6)}`);
    }
  }
  return answers;
}

test('a recognizer loaded from the saved model answers every evaluation message exactly as a trained one', async () => {
  expect(trained.loadedSavedModel).toBe(false);
  const file = join(folder, 'model.json');
  writeFileSync(file, JSON.stringify(trained.saveModel()));

  const loaded = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: file });
  expect(loaded.loadedSavedModel).toBe(true);
  const expected = await topIntents(trained);
  expect(expected.length).toBeGreaterThan(200);
  expect(await topIntents(loaded)).toEqual(expected);
}, 30_000);

test('a saved model trained from other texts is not used: the recognizer trains instead', async () => {
  const stale = { ...trained.saveModel(), fingerprint: 'trained from last week’s corpus' };
  const file = join(folder, 'stale.json');
  writeFileSync(file, JSON.stringify(stale));
  const recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: file });
  expect(recognizer.loadedSavedModel).toBe(false);
  const result = await recognizer.recognizeText('varför kan jag inte säga upp min provperiod', 'sv');
  expect(rankIntents(result)[0]?.intent).toBe('trial');
}, 30_000);

test('a model saved without the second classifier (nlp.js alone, as before it voted) is not used', async () => {
  const { ngram: _ngram, ...nlpOnly } = trained.saveModel();
  const file = join(folder, 'nlp-only.json');
  writeFileSync(file, JSON.stringify(nlpOnly));
  const recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: file });
  expect(recognizer.loadedSavedModel).toBe(false);
}, 30_000);

test('an unreadable saved model is not used either', async () => {
  const file = join(folder, 'broken.json');
  writeFileSync(file, '{"fingerprint": "abc", "model": ');
  const recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: file });
  expect(recognizer.loadedSavedModel).toBe(false);
}, 30_000);
