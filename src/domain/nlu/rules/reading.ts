/*
 * What a reading rule reads: the ranking so far and the message as the rules see it (its text, its words, the
 * entities and timings found, the topics trained). A rule returns the new ranking; the rules run in the order of
 * src/domain/nlu/rules/order.ts.
 */
import type { TopicRegistry } from '../../topics.js';
import type { EntityMatches } from '../entities.js';
import type { Ranked } from '../signs/ranking.js';

export interface Reading {
  /** The ranking so far: the classifier's, as the rules before changed it. */
  ranked: Ranked;
  /** The message as read (mentions stripped, truncated). */
  readonly readText: string;
  /** The text as classified: normalized, typos corrected. */
  readonly alteredText: string;
  /** The words as the classifier reads them. */
  readonly tokens: readonly string[];
  /** The words as the rules read them: hyphenated compounds kept whole, Swedish letters restored, "domain" added for a domain name. */
  readonly words: readonly string[];
  /** The entities found, without destinations and timings set aside. */
  readonly entities: EntityMatches['entities'];
  /** The timings the message means (meantTiming). */
  readonly timing: string[] | undefined;
  readonly topics: TopicRegistry;
}

/** One reading rule: the ranking after it. */
export type ReadingRule = (reading: Reading) => Ranked;
