/**
 * A second classifier that votes with nlp.js's (see `EmbeddedRecognizer`): multinomial logistic
 * regression with L2 over the letters inside each word (3- to 5-grams, the word's edges marked) and
 * the words and word pairs. nlp.js reads whole (stemmed) words; this one also knows an inflection or
 * a compound it never saw by the pieces it shares with words it did ("namnserverposterna").
 */

/** What a message is read as: its features, each counted once. */
export interface NgramSettings {
  /** Shortest and longest letter n-gram (the word's edges count as letters). */
  minGram: number;
  maxGram: number;
  /** Word pairs as features too. */
  wordPairs: boolean;
  /** Strength of the L2 penalty. */
  l2: number;
  /** Passes over the training messages. */
  epochs: number;
  /** The first step's size (it shrinks as 1/√(1 + pass)). */
  learningRate: number;
  /** Reading's logits multiplied by this: above 1 the probabilities are peakier. */
  sharpness: number;
}

export const NGRAM_SETTINGS: NgramSettings = { minGram: 3, maxGram: 5, wordPairs: true, l2: 1e-4, epochs: 30, learningRate: 1.5, sharpness: 2 };

/** The model as saved with the recognizer: features, intents and weights in thousandths. */
export interface SavedNgramModel {
  intents: string[];
  features: string[];
  /** Per feature, one weight per intent (row-major), in thousandths, as base64 of little-endian 16-bit integers. */
  weights: string;
  bias: number[];
}

/** The features of a corrected, normalized text (words separated by single spaces). */
export function ngramFeatures(text: string, settings: Pick<NgramSettings, 'minGram' | 'maxGram' | 'wordPairs'> = NGRAM_SETTINGS): string[] {
  const words = text.split(' ').filter((word) => word !== '');
  const features = new Set<string>();
  for (const [index, word] of words.entries()) {
    features.add(`w:${word}`);
    if (settings.wordPairs && index > 0) features.add(`p:${words[index - 1]} ${word}`);
    if (/\d/.test(word)) continue;
    const marked = `<${word}>`;
    for (let size = settings.minGram; size <= settings.maxGram; size += 1) {
      for (let at = 0; at + size <= marked.length; at += 1) features.add(marked.slice(at, at + size));
    }
  }
  return [...features];
}

// Weights are saved in thousandths as 16-bit integers (a third of the size of JSON numbers); the L2
// penalty keeps them far below the ±32.767 that fits, and the rare larger one is clamped.
const SAVED_SCALE = 1000;
const SAVED_LIMIT = 32767;
/** Int16Array reads the machine's byte order; the saved weights are little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class NgramClassifier {
  private readonly index: Map<string, number>;

  private constructor(
    readonly intents: readonly string[],
    private readonly features: readonly string[],
    /**
     * Per feature, one weight per intent (row-major), in thousandths, as saved: the classifier reads them so,
     * and a loaded model uses the saved bytes as they are (converting half a million weights cost more of a
     * start-up than parsing them).
     */
    private readonly weights: Int16Array,
    private readonly bias: Float64Array,
    private readonly settings: NgramSettings,
  ) {
    this.index = new Map(features.map((feature, at) => [feature, at]));
  }

  /** Trains on (text, intent) pairs; the same pairs give the same model (the order of passes is seeded). */
  static train(documents: readonly (readonly [string, string])[], settings: NgramSettings = NGRAM_SETTINGS): NgramClassifier {
    const intents = [...new Set(documents.map(([, intent]) => intent))].sort();
    const intentIndex = new Map(intents.map((intent, at) => [intent, at]));
    const featureIndex = new Map<string, number>();
    const rows = documents.map(([text, intent]) => {
      const columns = ngramFeatures(text, settings).map((feature) => {
        let at = featureIndex.get(feature);
        if (at === undefined) featureIndex.set(feature, (at = featureIndex.size));
        return at;
      });
      return { columns, label: intentIndex.get(intent)! };
    });
    const classes = intents.length;
    const weights = new Float64Array(featureIndex.size * classes);
    const bias = new Float64Array(classes);
    const probabilities = new Float64Array(classes);
    const order = rows.map((_, at) => at);
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      for (let at = order.length - 1; at > 0; at -= 1) {
        const other = Math.floor(random() * (at + 1));
        [order[at], order[other]] = [order[other]!, order[at]!];
      }
      const rate = settings.learningRate / Math.sqrt(1 + epoch);
      for (const rowAt of order) {
        const { columns, label } = rows[rowAt]!;
        const value = 1 / Math.sqrt(Math.max(1, columns.length));
        softmaxInto(probabilities, bias, weights, columns, value, classes);
        for (let c = 0; c < classes; c += 1) {
          const gradient = probabilities[c]! - (c === label ? 1 : 0);
          bias[c] = bias[c]! - rate * gradient;
          for (const column of columns) {
            const w = column * classes + c;
            weights[w] = weights[w]! - rate * (gradient * value + settings.l2 * weights[w]!);
          }
        }
      }
    }
    // At the rounding the saved model has, so a trained classifier reads exactly as a loaded one.
    const saved = Int16Array.from(weights, (value) => Math.max(-SAVED_LIMIT, Math.min(SAVED_LIMIT, Math.round(value * SAVED_SCALE))));
    return new NgramClassifier(intents, [...featureIndex.keys()], saved, bias.map(roundedBias), settings);
  }

  static load(saved: SavedNgramModel, settings: NgramSettings = NGRAM_SETTINGS): NgramClassifier {
    const bytes = Buffer.from(saved.weights, 'base64');
    return new NgramClassifier(saved.intents, saved.features, savedWeights(bytes), Float64Array.from(saved.bias), settings);
  }

  save(): SavedNgramModel {
    const bytes = Buffer.alloc(this.weights.length * 2);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const [at, value] of this.weights.entries()) view.setInt16(at * 2, value, true);
    return {
      intents: [...this.intents],
      features: [...this.features],
      weights: bytes.toString('base64'),
      bias: Array.from(this.bias),
    };
  }

  /** Each intent's probability for the text, best first; empty when it shares no feature with the training messages. */
  classify(text: string): { intent: string; score: number }[] {
    const features = ngramFeatures(text, this.settings);
    const columns = features.map((feature) => this.index.get(feature)).filter((at): at is number => at !== undefined);
    if (columns.length === 0) return [];
    const classes = this.intents.length;
    // Each intent's weights summed in thousandths (exact in integers), a feature's row at a time.
    const probabilities = new Float64Array(classes);
    for (const column of columns) {
      const row = column * classes;
      for (let c = 0; c < classes; c += 1) probabilities[c] = probabilities[c]! + this.weights[row + c]!;
    }
    // Scaled by all the message's features, known or not: a message of mostly unknown pieces reads less sure.
    const value = this.settings.sharpness / Math.sqrt(features.length) / SAVED_SCALE;
    for (let c = 0; c < classes; c += 1) probabilities[c] = this.bias[c]! + probabilities[c]! * value;
    softmaxOfLogits(probabilities);
    return this.intents.map((intent, at) => ({ intent, score: probabilities[at]! })).sort((a, b) => b.score - a.score);
  }
}

function softmaxInto(out: Float64Array, bias: Float64Array, weights: Float64Array, columns: readonly number[], value: number, classes: number): void {
  for (let c = 0; c < classes; c += 1) {
    let logit = bias[c]!;
    for (const column of columns) logit += weights[column * classes + c]! * value;
    out[c] = logit;
  }
  softmaxOfLogits(out);
}

/** The logits in `out` turned into probabilities, in place. */
function softmaxOfLogits(out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const logit of out) if (logit > max) max = logit;
  let sum = 0;
  for (let c = 0; c < out.length; c += 1) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < out.length; c += 1) out[c] = out[c]! / sum;
}

function roundedBias(value: number): number {
  return Math.round(value * SAVED_SCALE) / SAVED_SCALE;
}

/** The saved little-endian 16-bit weights: the decoded bytes themselves where the machine reads them so, else converted. */
function savedWeights(bytes: Buffer): Int16Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Int16Array.from({ length: bytes.length / 2 }, (_, at) => view.getInt16(at * 2, true));
}
