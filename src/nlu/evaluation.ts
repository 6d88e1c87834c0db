import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Language } from '../config.js';
import { PROJECT_ROOT } from '../paths.js';
import type { EmbeddedRecognizer } from './embeddedRecognizer.js';
import { ENTITY_VALUES, INTENTS, type IntentName } from './intents.js';
import { CONFIDENT_SCORE, entitiesOf, rankIntents } from './interpretation.js';
import { normalizeText } from './text.js';

/** The evaluation sets: utterances that are not in the corpora, with what they mean. */
export const EVALUATION_DIR = join(PROJECT_ROOT, 'test', 'nlu');
/** The bar the evaluation test holds the recognizer to. */
export const MIN_ACCURACY = 0.9;
export const MIN_INTENT_PRECISION = 0.8;
export const MIN_INTENT_RECALL = 0.8;

/** Entities an evaluation item checks: each named one must be found with exactly these values. */
const CHECKED_ENTITIES = ['plan', 'timing', 'language'] as const;
type CheckedEntity = (typeof CHECKED_ENTITIES)[number];

const evaluationItemSchema = z.object({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  /** When present, every checked entity must match it exactly (absent here = must not be found). */
  entities: z
    .object({
      plan: z.array(z.enum(ENTITY_VALUES.plan)).optional(),
      timing: z.array(z.enum(ENTITY_VALUES.timing)).optional(),
      language: z.array(z.enum(ENTITY_VALUES.language)).optional(),
    })
    .strict()
    .optional(),
});
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

export function evaluationFile(language: Language): string {
  return join(EVALUATION_DIR, `eval-${language}.json`);
}

export function loadEvaluationSet(language: Language): EvaluationItem[] {
  return z.array(evaluationItemSchema).min(40).parse(JSON.parse(readFileSync(evaluationFile(language), 'utf8')));
}

export interface IntentMetrics {
  intent: IntentName;
  /** Items expecting this intent. */
  support: number;
  /** Items the recognizer gave this intent. */
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface Miss {
  text: string;
  expected: IntentName;
  got: string;
  score: number;
}

export interface LanguageEvaluation {
  language: Language;
  total: number;
  correct: number;
  accuracy: number;
  perIntent: IntentMetrics[];
  /** The intent with the lowest of precision and recall. */
  worst: IntentMetrics;
  misses: Miss[];
  entityItems: number;
  entityCorrect: number;
  entityMisses: { text: string; expected: unknown; got: unknown }[];
  /** Share of items whose top score reaches CONFIDENT_SCORE, and how often those are right. */
  confidentShare: number;
  confidentAccuracy: number;
}

function sameValues(expected: readonly string[] | undefined, got: readonly string[] | undefined): boolean {
  const a = [...(expected ?? [])].sort();
  const b = [...(got ?? [])].sort();
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export async function evaluateLanguage(
  recognizer: EmbeddedRecognizer,
  language: Language,
  items: EvaluationItem[],
): Promise<LanguageEvaluation> {
  const misses: Miss[] = [];
  const entityMisses: LanguageEvaluation['entityMisses'] = [];
  const predictedCount = new Map<string, number>();
  const correctCount = new Map<string, number>();
  let correct = 0;
  let entityItems = 0;
  let entityCorrect = 0;
  let confident = 0;
  let confidentCorrect = 0;
  for (const item of items) {
    const result = await recognizer.recognizeText(item.text, language);
    const top = rankIntents(result)[0];
    const got = top?.intent ?? 'None';
    const score = top?.score ?? 0;
    predictedCount.set(got, (predictedCount.get(got) ?? 0) + 1);
    const right = got === item.intent;
    if (right) {
      correct += 1;
      correctCount.set(got, (correctCount.get(got) ?? 0) + 1);
    } else {
      misses.push({ text: item.text, expected: item.intent, got, score });
    }
    if (score >= CONFIDENT_SCORE) {
      confident += 1;
      if (right) confidentCorrect += 1;
    }
    if (item.entities) {
      entityItems += 1;
      const found = entitiesOf(result) as Partial<Record<CheckedEntity, string[]>>;
      const expected = item.entities as Partial<Record<CheckedEntity, string[]>>;
      if (CHECKED_ENTITIES.every((entity) => sameValues(expected[entity], found[entity]))) entityCorrect += 1;
      else entityMisses.push({ text: item.text, expected, got: found });
    }
  }
  const perIntent = INTENTS.map((intent) => {
    const support = items.filter((item) => item.intent === intent).length;
    const predicted = predictedCount.get(intent) ?? 0;
    const hits = correctCount.get(intent) ?? 0;
    return {
      intent,
      support,
      predicted,
      correct: hits,
      precision: predicted === 0 ? (support === 0 ? 1 : 0) : hits / predicted,
      recall: support === 0 ? 1 : hits / support,
    };
  });
  const worst = [...perIntent].sort((a, b) => Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall))[0]!;
  return {
    language,
    total: items.length,
    correct,
    accuracy: correct / items.length,
    perIntent,
    worst,
    misses,
    entityItems,
    entityCorrect,
    entityMisses,
    confidentShare: confident / items.length,
    confidentAccuracy: confident === 0 ? 1 : confidentCorrect / confident,
  };
}

/** Evaluation items whose text (normalized) is also a training utterance of that language. */
export function itemsFoundInCorpus(items: EvaluationItem[], corpusUtterances: string[]): string[] {
  const training = new Set(corpusUtterances.map(normalizeText));
  return items.filter((item) => training.has(normalizeText(item.text))).map((item) => item.text);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

export function formatEvaluation(evaluation: LanguageEvaluation): string {
  const lines = [
    `Language ${evaluation.language}: accuracy ${percent(evaluation.accuracy).trim()} (${evaluation.correct}/${evaluation.total}); ` +
      `worst intent ${evaluation.worst.intent} (precision ${percent(evaluation.worst.precision).trim()}, recall ${percent(evaluation.worst.recall).trim()})`,
    `  entities right in ${evaluation.entityCorrect}/${evaluation.entityItems} items; ` +
      `top score >= ${CONFIDENT_SCORE} in ${percent(evaluation.confidentShare).trim()} of items, right in ${percent(evaluation.confidentAccuracy).trim()} of those`,
    '',
    `  ${'intent'.padEnd(22)}${'support'.padStart(8)}${'predicted'.padStart(10)}${'precision'.padStart(10)}${'recall'.padStart(9)}`,
    ...evaluation.perIntent.map(
      (m) =>
        `  ${m.intent.padEnd(22)}${String(m.support).padStart(8)}${String(m.predicted).padStart(10)}${percent(m.precision).padStart(10)}${percent(m.recall).padStart(9)}`,
    ),
  ];
  if (evaluation.misses.length > 0) {
    lines.push('', '  misses:');
    for (const miss of evaluation.misses) {
      lines.push(`    ${JSON.stringify(miss.text)}: expected ${miss.expected}, got ${miss.got} (${miss.score.toFixed(2)})`);
    }
  }
  if (evaluation.entityMisses.length > 0) {
    lines.push('', '  entity misses:');
    for (const miss of evaluation.entityMisses) {
      lines.push(`    ${JSON.stringify(miss.text)}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)}`);
    }
  }
  return lines.join('\n');
}

/** Which of the team's bars an evaluation misses (empty when it passes). */
export function evaluationFailures(evaluation: LanguageEvaluation): string[] {
  const failures: string[] = [];
  if (evaluation.accuracy < MIN_ACCURACY) failures.push(`${evaluation.language}: accuracy ${percent(evaluation.accuracy).trim()}`);
  for (const m of evaluation.perIntent) {
    if (m.support === 0) continue;
    if (m.precision < MIN_INTENT_PRECISION) failures.push(`${evaluation.language}: ${m.intent} precision ${percent(m.precision).trim()}`);
    if (m.recall < MIN_INTENT_RECALL) failures.push(`${evaluation.language}: ${m.intent} recall ${percent(m.recall).trim()}`);
  }
  return failures;
}
