import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES, type Language } from '../config.js';
import { PROJECT_ROOT } from '../paths.js';
import type { Corpus } from './corpus.js';
import { EmbeddedRecognizer } from './embeddedRecognizer.js';
import { answeredTopic, ENTITY_VALUES, INTENTS, type IntentName, type RecognizedEntities } from './intents.js';
import { CONFIDENT_SCORE, entitiesOf, interpretRecognition, rankIntents, type Interpretation } from './interpretation.js';
import { normalizeText, stripMentions, tokenize } from './text.js';

/**
 * The held-out sets: messages written from the article's facts and from how admins write, apart from
 * the corpora (never copied or edited from them), with what they mean. Never tuned to: a miss is
 * fixed for its kind of message in the corpus or the recognizer, not by teaching the message itself.
 */
export const EVALUATION_DIR = join(PROJECT_ROOT, 'test', 'nlu');
/** A bar on the held-out sets: accuracy per language, and every intent's precision and recall. */
export interface EvaluationBar {
  accuracy: number;
  intentRecall: number;
  intentPrecision: number;
}
/** Issue 15's target, which `npm run eval:nlu` checks (and exits 1 while it is not met). */
export const TARGET: EvaluationBar = { accuracy: 0.95, intentRecall: 0.85, intentPrecision: 0.8 };
/**
 * What the recognizer reached on the held-out sets when the floor was set (the eleventh session's end): sv 96.9%
 * (609/628), en 97.9% (627/640), scored by the answer the admin gets (see `answeredTopic`); sv 96.8% (608/628) and en
 * 97.1% (622/640) at its start. They are the eighth session's three blind sets (240 sv, 248 en; the third only
 * greetings and thanks) and the tenth's four (388 sv, 392 en), written from the seed and the facts alone by writers
 * who never saw the corpus or any other set, measured only in total and per intent, never read (docs/understanding.md,
 * "The eighth session's split" and "The tenth session's sealed sets"). Lowest recall sv giveFeedback 86.4% (19/22),
 * en help 87.5% (7/8); lowest precision sv startCancellation 81.8% (18/22), en startCancellation 89.5% (17/19). Held
 * by the jest test so that no change makes it worse, with one message of slack in each language's total; every
 * intent's recall is held at issue 15's 85%, so a change that takes an intent below the target fails.
 */
export const REGRESSION_FLOOR: Record<Language, EvaluationBar> = {
  sv: { accuracy: 0.968, intentRecall: 0.85, intentPrecision: 0.81 },
  en: { accuracy: 0.978, intentRecall: 0.85, intentPrecision: 0.87 },
};
/**
 * What the recognizer reaches today on the development sets (sv 98.5%, 2799/2839; en 98.6%, 2848/2886: the earlier
 * development messages, the earlier held-out sets, six blind sets of the eighth session, four of the ninth, five of
 * the tenth and eight of the eleventh, the last two of them measured blind before they joined), held the same way.
 */
export const DEVELOPMENT_FLOOR: Record<Language, number> = { sv: 0.985, en: 0.985 };
/** A held-out message this close to a training utterance (token-set Jaccard) is a near-duplicate. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** The least number of held-out messages per language. */
export const MIN_HELD_OUT_ITEMS = 100;
/** The least number of development messages per language. */
export const MIN_DEVELOPMENT_ITEMS = 60;

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
  return join(EVALUATION_DIR, `heldout-${language}.json`);
}

export function loadEvaluationSet(language: Language): EvaluationItem[] {
  return z.array(evaluationItemSchema).min(MIN_HELD_OUT_ITEMS).parse(JSON.parse(readFileSync(evaluationFile(language), 'utf8')));
}

/** Messages with the plan, timing and language they name, to check the entity lexicon (test/nlu/entities-<lng>.json). */
export function loadEntitySet(language: Language): EvaluationItem[] {
  return z.array(evaluationItemSchema).min(10).parse(JSON.parse(readFileSync(join(EVALUATION_DIR, `entities-${language}.json`), 'utf8')));
}

/**
 * The development sets: messages written the same way as the held-out ones, but apart from both the
 * corpora and the held-out sets, to tune on. A change is judged here first; the held-out sets only
 * confirm it, so they stay a fair measure.
 */
export function developmentFile(language: Language): string {
  return join(EVALUATION_DIR, `dev-${language}.json`);
}

export function loadDevelopmentSet(language: Language): EvaluationItem[] {
  return z.array(evaluationItemSchema).min(MIN_DEVELOPMENT_ITEMS).parse(JSON.parse(readFileSync(developmentFile(language), 'utf8')));
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
  /** How often each intent was taken for each other one (expected → got → count), misses only. */
  confusions: Map<string, Map<string, number>>;
  entityItems: number;
  entityCorrect: number;
  entityMisses: { text: string; expected: unknown; got: unknown }[];
  /** Share of items whose top score reaches CONFIDENT_SCORE, and how often those are right. */
  confidentShare: number;
  confidentAccuracy: number;
  /** What the bot does with the items (see `botAction`): act on the right topic, ask with it among the buttons, or go wrong. */
  actions: Record<BotAction, number>;
}

/**
 * What the bot does with a message, by its own reading of the recognizer's result (`interpretRecognition`): acts on
 * the right answer (confident, and the answer is the one expected), asks which topic was meant with the right one among
 * its buttons (unsure), or goes wrong (acts on another answer, asks without the right one, or recognises nothing). The top
 * intent may be right while the bot still asks: two topics stand close, or the top score is low.
 */
export type BotAction = 'actsRight' | 'asksWithRight' | 'wrong';
export const BOT_ACTIONS: readonly BotAction[] = ['actsRight', 'asksWithRight', 'wrong'];

export function botAction(interpretation: Interpretation, expectedTopic: string): BotAction {
  if (interpretation.kind === 'none') return 'wrong';
  const { plan } = interpretation.entities;
  if (interpretation.kind === 'confident') return answeredTopic(interpretation.intent, plan) === expectedTopic ? 'actsRight' : 'wrong';
  return interpretation.candidates.some((candidate) => answeredTopic(candidate.intent, plan) === expectedTopic) ? 'asksWithRight' : 'wrong';
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
  const confusions = new Map<string, Map<string, number>>();
  const entityMisses: LanguageEvaluation['entityMisses'] = [];
  const predictedCount = new Map<string, number>();
  const correctCount = new Map<string, number>();
  let correct = 0;
  let entityItems = 0;
  let entityCorrect = 0;
  let confident = 0;
  let confidentCorrect = 0;
  const actions = Object.fromEntries(BOT_ACTIONS.map((action) => [action, 0])) as Record<BotAction, number>;
  for (const item of items) {
    const result = await recognizer.recognizeText(item.text, language);
    const top = rankIntents(result)[0];
    const found = entitiesOf(result) as Partial<Record<CheckedEntity, string[]>> & RecognizedEntities;
    // Scored by what the admin is answered with: "trial cancel" labelled trial and read as a request to
    // cancel the trial both get F01 first, as the issue counts ("get the right facts").
    const got = answeredTopic(top?.intent ?? 'None', found.plan);
    const expectedTopic = answeredTopic(item.intent, item.entities?.plan);
    const score = top?.score ?? 0;
    predictedCount.set(got, (predictedCount.get(got) ?? 0) + 1);
    const right = got === expectedTopic;
    if (right) {
      correct += 1;
      correctCount.set(got, (correctCount.get(got) ?? 0) + 1);
    } else {
      misses.push({ text: item.text, expected: expectedTopic as IntentName, got, score });
      const row = confusions.get(expectedTopic) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      confusions.set(expectedTopic, row);
    }
    actions[botAction(interpretRecognition(result), expectedTopic)] += 1;
    if (score >= CONFIDENT_SCORE) {
      confident += 1;
      if (right) confidentCorrect += 1;
    }
    if (item.entities) {
      entityItems += 1;
      const expected = item.entities as Partial<Record<CheckedEntity, string[]>>;
      if (CHECKED_ENTITIES.every((entity) => sameValues(expected[entity], found[entity]))) entityCorrect += 1;
      else entityMisses.push({ text: item.text, expected, got: found });
    }
  }
  const perIntent = INTENTS.map((intent) => {
    const support = items.filter((item) => answeredTopic(item.intent, item.entities?.plan) === intent).length;
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
    confusions,
    entityItems,
    entityCorrect,
    entityMisses,
    confidentShare: confident / items.length,
    confidentAccuracy: confident === 0 ? 1 : confidentCorrect / confident,
    actions,
  };
}

export interface NearDuplicate {
  text: string;
  training: string;
  jaccard: number;
}

function tokenSet(text: string): Set<string> {
  return new Set(tokenize(stripMentions(text)));
}

/** Token-set Jaccard similarity: shared words over all words of the two texts. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

/**
 * Held-out items that are near-duplicates of a training utterance: the same words after
 * normalization, or a token-set Jaccard of NEAR_DUPLICATE_JACCARD or more.
 */
export function nearDuplicates(items: EvaluationItem[], corpusUtterances: string[]): NearDuplicate[] {
  const training = corpusUtterances.map((utterance) => ({ utterance, normalized: normalizeText(utterance), words: tokenSet(utterance) }));
  const found: NearDuplicate[] = [];
  for (const item of items) {
    const normalized = normalizeText(stripMentions(item.text));
    const words = tokenSet(item.text);
    for (const candidate of training) {
      const similarity = candidate.normalized === normalized ? 1 : jaccard(words, candidate.words);
      if (similarity >= NEAR_DUPLICATE_JACCARD) {
        found.push({ text: item.text, training: candidate.utterance, jaccard: similarity });
        break;
      }
    }
  }
  return found;
}

/**
 * A training utterance this close to a held-out message (token-set Jaccard) is too close: stricter than
 * NEAR_DUPLICATE_JACCARD, so that writing the corpus toward the held-out set does not go unnoticed.
 */
export const HELD_OUT_DISTANCE_JACCARD = 0.5;

export interface ClosePair {
  training: string;
  heldOut: string;
  jaccard: number;
}

/** Every pair of a training utterance and a held-out message with a token-set Jaccard of `threshold` or more. */
export function closePairs(trainingUtterances: string[], heldOutTexts: string[], threshold = HELD_OUT_DISTANCE_JACCARD): ClosePair[] {
  const heldOut = heldOutTexts.map((text) => ({ text, words: tokenSet(text) }));
  const found: ClosePair[] = [];
  for (const training of new Set(trainingUtterances)) {
    const words = tokenSet(training);
    for (const candidate of heldOut) {
      const similarity = jaccard(words, candidate.words);
      if (similarity >= threshold) found.push({ training, heldOut: candidate.text, jaccard: similarity });
    }
  }
  return found;
}

export interface CrossValidation {
  language: Language;
  folds: number;
  total: number;
  correct: number;
  accuracy: number;
}

/**
 * k-fold cross-validated accuracy of the corpus: each intent's utterances are dealt into `folds`
 * folds; each fold is classified by a recognizer trained on the other folds only (its texts are also
 * kept from the typo corrector's vocabulary, so it learns nothing of them).
 */
export async function crossValidate(
  corpora: Record<Language, Corpus>,
  localeTexts: Record<Language, string[]>,
  dictionaries: Record<Language, ReadonlySet<string>>,
  folds = 5,
): Promise<CrossValidation[]> {
  const tally = new Map<Language, { total: number; correct: number }>(SUPPORTED_LANGUAGES.map((language) => [language, { total: 0, correct: 0 }]));
  for (let fold = 0; fold < folds; fold += 1) {
    const inFold = (index: number) => index % folds === fold;
    const trainingCorpora = {} as Record<Language, Corpus>;
    const heldTexts = new Set<string>();
    for (const language of SUPPORTED_LANGUAGES) {
      const corpus = corpora[language];
      const intents = {} as Corpus['intents'];
      for (const intent of INTENTS) {
        intents[intent] = corpus.intents[intent].filter((_, index) => !inFold(index));
        corpus.intents[intent].filter((_, index) => inFold(index)).forEach((text) => heldTexts.add(text));
      }
      trainingCorpora[language] = { ...corpus, intents };
    }
    const texts = Object.fromEntries(
      SUPPORTED_LANGUAGES.map((language) => [language, localeTexts[language].filter((text) => !heldTexts.has(text))]),
    ) as Record<Language, string[]>;
    const recognizer = await EmbeddedRecognizer.train({ corpora: trainingCorpora, localeTexts: texts, dictionaries, defaultLanguage: 'sv' });
    for (const language of SUPPORTED_LANGUAGES) {
      const counts = tally.get(language)!;
      for (const intent of INTENTS) {
        for (const [index, text] of corpora[language].intents[intent].entries()) {
          if (!inFold(index)) continue;
          counts.total += 1;
          if (rankIntents(await recognizer.recognizeText(text, language))[0]?.intent === intent) counts.correct += 1;
        }
      }
    }
  }
  return SUPPORTED_LANGUAGES.map((language) => {
    const { total, correct } = tally.get(language)!;
    return { language, folds, total, correct, accuracy: total === 0 ? 0 : correct / total };
  });
}

export function formatCrossValidation(results: CrossValidation[]): string {
  return results
    .map((r) => `Corpus ${r.language}: ${r.folds}-fold cross-validated accuracy ${percent(r.accuracy).trim()} (${r.correct}/${r.total})`)
    .join('\n');
}

// Rounded down, so that a figure just under a target (132/139 = 94.96%) never prints as the target.
const percent = (value: number) => `${(Math.floor(value * 1000 + 1e-9) / 10).toFixed(1)}%`.padStart(7);

export function formatEvaluation(evaluation: LanguageEvaluation, setName = 'held-out'): string {
  const lines = [
    `Language ${evaluation.language}, ${setName} set: accuracy ${percent(evaluation.accuracy).trim()} (${evaluation.correct}/${evaluation.total}); ` +
      `worst intent ${evaluation.worst.intent} (precision ${percent(evaluation.worst.precision).trim()}, recall ${percent(evaluation.worst.recall).trim()})`,
    `  entities right in ${evaluation.entityCorrect}/${evaluation.entityItems} items; ` +
      `top score >= ${CONFIDENT_SCORE} in ${percent(evaluation.confidentShare).trim()} of items, right in ${percent(evaluation.confidentAccuracy).trim()} of those`,
    `  the bot acts on the right answer in ${percent(evaluation.actions.actsRight / evaluation.total).trim()} (${evaluation.actions.actsRight}/${evaluation.total}); ` +
      `asks which topic with the right one among its buttons in ${evaluation.actions.asksWithRight}; goes wrong in ${evaluation.actions.wrong}`,
    '',
    `  ${'intent'.padEnd(22)}${'support'.padStart(8)}${'predicted'.padStart(10)}${'precision'.padStart(10)}${'recall'.padStart(9)}`,
    ...evaluation.perIntent.map(
      (m) =>
        `  ${m.intent.padEnd(22)}${String(m.support).padStart(8)}${String(m.predicted).padStart(10)}${percent(m.precision).padStart(10)}${percent(m.recall).padStart(9)}`,
    ),
  ];
  if (evaluation.confusions.size > 0) {
    lines.push('', '  confusions (expected -> recognised as, count):');
    for (const [expected, row] of [...evaluation.confusions].sort(([a], [b]) => a.localeCompare(b))) {
      const cells = [...row].sort((a, b) => b[1] - a[1]).map(([got, count]) => `${got} x${count}`);
      lines.push(`    ${expected.padEnd(22)}-> ${cells.join(', ')}`);
    }
  }
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

/** Which parts of a bar an evaluation misses (empty when it meets it). */
export function evaluationFailures(evaluation: LanguageEvaluation, bar: EvaluationBar = TARGET): string[] {
  const failures: string[] = [];
  if (evaluation.accuracy < bar.accuracy) failures.push(`${evaluation.language}: accuracy ${percent(evaluation.accuracy).trim()}`);
  for (const m of evaluation.perIntent) {
    if (m.support === 0) continue;
    if (m.precision < bar.intentPrecision) failures.push(`${evaluation.language}: ${m.intent} precision ${percent(m.precision).trim()}`);
    if (m.recall < bar.intentRecall) failures.push(`${evaluation.language}: ${m.intent} recall ${percent(m.recall).trim()}`);
  }
  return failures;
}
