/**
 * What the simulated admins say, turn by turn: whole paths through the bot as it stands. Edit these
 * when the conversation grows (each entry is one conversation from its first message to its end).
 * A turn only counts as answered when the bot replies with at least one activity and none of them
 * is the turn-failed apology.
 */
export interface BenchPath {
  name: string;
  locale: string;
  turns: string[];
}

export const BENCH_PATHS: BenchPath[] = [
  { name: 'menu topics (sv)', locale: 'sv-SE', turns: ['hej', '1', '2', 'vet inte', '3', '4', '5', 'börja om'] },
  { name: 'switch language (en → sv)', locale: 'en-US', turns: ['hello', 'svenska', '5', '1', 'vet inte', '4'] },
  { name: 'product key (en)', locale: 'en-GB', turns: ['hi', 'Product key and refunds', 'start over', '3'] },
];
