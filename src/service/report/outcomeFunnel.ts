import { ENDINGS as ENDING_ORDER, PATHS as PATH_ORDER, type Ending, type OutcomeRecord, type PathName } from '../../domain/outcomes.js';

export interface PathFunnel {
  path: string;
  /** Conversations with any milestone on this path. */
  started: number;
  /** Conversations that reached each step of the path, most reached first. */
  steps: { step: string; reached: number }[];
  /** Conversations whose latest milestone is on this path and has this ending. */
  endings: { ending: Ending; count: number }[];
  /** Conversations whose latest milestone is on this path with no ending: they left there. `step` '' = at its start. */
  left: { step: string; count: number }[];
  /** Started here but their latest milestone is on another path. */
  movedOn: number;
  /** Share of the conversations that started this path which ended escalated here (0–1), null if none started. */
  escalationRate: number | null;
}

export interface OutcomeFunnel {
  conversations: number;
  /** Conversations whose latest milestone ends `escalated`. */
  escalated: number;
  escalationRate: number | null;
  /** How conversations ended overall (latest milestone), ending by ending; `left` = no ending. */
  endings: { ending: Ending | 'left'; count: number }[];
  paths: PathFunnel[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function byCountThenFirstSeen(counts: Map<string, number>): { key: string; count: number }[] {
  // Map keeps insertion order = first seen (records are processed oldest first), so a stable sort keeps it for ties.
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * The funnel per path from outcome milestones: which paths conversations started, which steps they
 * reached, and how they ended, judged by each conversation's latest milestone ("left" when that
 * milestone has no ending). A milestone after an ending on the same path (the feedback question
 * after the term-end steps) keeps that ending: the admin was not lost there.
 */
export function outcomeFunnel(milestones: OutcomeRecord[]): OutcomeFunnel {
  const ordered = [...milestones].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const latest = new Map<string, OutcomeRecord>();
  const pathsStarted = new Map<string, Set<string>>();
  const stepsReached = new Map<string, Map<string, Set<string>>>();

  for (const milestone of ordered) {
    const conversation = milestone.conversationKey;
    const previous = latest.get(conversation);
    // Steps after an ending on the same path (checklist, feedback) do not undo the ending.
    const keepsEnding = previous?.ending && !milestone.ending && previous.path === milestone.path;
    latest.set(conversation, keepsEnding ? { ...milestone, ending: previous.ending } : milestone);
    if (!pathsStarted.has(milestone.path)) pathsStarted.set(milestone.path, new Set());
    pathsStarted.get(milestone.path)!.add(conversation);
    if (milestone.step) {
      const steps = stepsReached.get(milestone.path) ?? new Map<string, Set<string>>();
      stepsReached.set(milestone.path, steps);
      if (!steps.has(milestone.step)) steps.set(milestone.step, new Set());
      steps.get(milestone.step)!.add(conversation);
    }
  }

  const endingsByPath = new Map<string, Map<string, number>>();
  const leftByPath = new Map<string, Map<string, number>>();
  const overall = new Map<string, number>();
  for (const milestone of latest.values()) {
    const target = milestone.ending ? endingsByPath : leftByPath;
    const counts = target.get(milestone.path) ?? new Map<string, number>();
    target.set(milestone.path, counts);
    increment(counts, milestone.ending ?? milestone.step ?? '');
    increment(overall, milestone.ending ?? 'left');
  }

  const known = PATH_ORDER.filter((path) => pathsStarted.has(path));
  const others = [...pathsStarted.keys()].filter((path) => !PATH_ORDER.includes(path as PathName)).sort();
  const paths = [...known, ...others].map((path): PathFunnel => {
    const started = pathsStarted.get(path)!.size;
    const endingCounts = endingsByPath.get(path) ?? new Map<string, number>();
    const leftCounts = leftByPath.get(path) ?? new Map<string, number>();
    const endings = ENDING_ORDER.map((ending) => ({ ending, count: endingCounts.get(ending) ?? 0 }));
    const left = byCountThenFirstSeen(leftCounts).map(({ key, count }) => ({ step: key, count }));
    const endedHere = [...endingCounts.values(), ...leftCounts.values()].reduce((sum, count) => sum + count, 0);
    const steps = new Map([...(stepsReached.get(path) ?? new Map<string, Set<string>>())].map(([step, set]) => [step, set.size]));
    return {
      path,
      started,
      steps: byCountThenFirstSeen(steps).map(({ key, count }) => ({ step: key, reached: count })),
      endings,
      left,
      movedOn: started - endedHere,
      escalationRate: share(endingCounts.get('escalated') ?? 0, started),
    };
  });

  const escalated = overall.get('escalated') ?? 0;
  return {
    conversations: latest.size,
    escalated,
    escalationRate: share(escalated, latest.size),
    endings: [...ENDING_ORDER, 'left' as const].map((ending) => ({ ending, count: overall.get(ending) ?? 0 })),
    paths,
  };
}
