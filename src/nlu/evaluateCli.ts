/**
 * `npm run eval:nlu`: readies the embedded recognizer as the bot does at start-up, runs the
 * evaluation sets of both languages and prints per-intent precision and recall. Exits with 1 when a
 * bar is missed (overall accuracy below 90%, any intent's precision or recall below 80%).
 */
import { SUPPORTED_LANGUAGES } from '../config.js';
import { evaluateLanguage, evaluationFailures, formatEvaluation, loadEvaluationSet } from './evaluation.js';
import { createEmbeddedRecognizer } from './index.js';

const startedAt = performance.now();
const recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv' });
const readyMs = Math.round(performance.now() - startedAt);
process.stdout.write(
  recognizer.loadedSavedModel
    ? `Loaded the model saved by the build in ${readyMs} ms, as at start-up.\n\n`
    : `Trained both languages in ${readyMs} ms (no saved model for these texts).\n\n`,
);

const failures: string[] = [];
for (const language of SUPPORTED_LANGUAGES) {
  const evaluation = await evaluateLanguage(recognizer, language, loadEvaluationSet(language));
  process.stdout.write(formatEvaluation(evaluation) + '\n\n');
  failures.push(...evaluationFailures(evaluation));
}
if (failures.length > 0) {
  process.stdout.write(`Below the bar:\n${failures.map((line) => `  ${line}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('All bars met.\n');
}
