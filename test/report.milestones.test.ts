import { createI18n } from '../src/domain/i18n.js';
import { ENDINGS, MILESTONE_STEPS, PATHS, type Milestone } from '../src/domain/outcomes.js';

const i18n = createI18n();
const LANGUAGES = ['en', 'sv'] as const;

/** The name the report page shows for one milestone part, read from that language's own bundle (no fallback). */
function name(language: string, group: string, id: string): unknown {
  return i18n.getResource(language, 'report', `${group}.${id}`);
}

const EVERY_PART = [
  ...PATHS.map((id) => ['paths', id] as const),
  ...ENDINGS.map((id) => ['endings', id] as const),
  ...MILESTONE_STEPS.map((id) => ['steps', id] as const),
];

describe('the report names every milestone the code can record (issue 16, item 9)', () => {
  test.each(LANGUAGES)('in %s: each path, ending and step has a name of its own, not its internal id', (language) => {
    const unnamed = EVERY_PART.filter(([group, id]) => {
      const shown = name(language, group, id);
      return typeof shown !== 'string' || shown.trim() === '' || shown === id;
    }).map(([group, id]) => `${group}.${id}`);
    expect(unnamed).toEqual([]);
  });

  test('Swedish and English name each step in their own words', () => {
    const same = MILESTONE_STEPS.filter((id) => name('sv', 'steps', id) === name('en', 'steps', id));
    expect(same).toEqual([]);
  });

  test.each(LANGUAGES)('in %s no two steps, nor two endings, share a name (a product owner could not tell them apart)', (language) => {
    for (const [group, ids] of [['steps', MILESTONE_STEPS], ['endings', ENDINGS]] as const) {
      const names = ids.map((id) => name(language, group, id));
      expect(names.filter((shown, index) => names.indexOf(shown) !== index)).toEqual([]);
    }
  });

  test('the tracker accepts only the listed steps, so a new one cannot reach the report unnamed', () => {
    // The type check (part of `npm test`) fails here if Milestone.step widens to any string.
    // @ts-expect-error 'notAStep' is not a MilestoneStep
    const unlisted: Milestone = { path: 'menu', step: 'notAStep' };
    const listed: Milestone = { path: 'immediate', step: 'feeWarning' };
    expect(MILESTONE_STEPS).toContain(listed.step);
    expect(MILESTONE_STEPS).not.toContain(unlisted.step);
  });
});
