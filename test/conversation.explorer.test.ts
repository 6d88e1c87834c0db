import type { Activity } from 'botbuilder';
import { testConfig, type Language } from '../src/domain/config.js';
import { createRecognizer } from '../src/domain/nlu/index.js';
import {
  buttonsOf,
  endsWithQuestion,
  errorsIn,
  explore,
  other,
  questionTexts,
  type Coverage,
  type ExplorationContext,
  type Interruption,
  type Place,
  type Shape,
} from './support/explorer.js';
import { text } from './support/i18n.js';

/**
 * Walks every place the bot waits, in both languages and both channel shapes, and interrupts each
 * one in every way an admin does (issue 14). No place is named here: the walk finds them.
 */

const SHAPES: Shape[] = [
  { language: 'sv', channel: 'webchat' },
  { language: 'en', channel: 'webchat' },
  { language: 'sv', channel: 'msteams' },
  { language: 'en', channel: 'msteams' },
];

// What admins type. Inputs, not texts we show.
const FACT_QUESTION: Record<Language, string> = {
  sv: 'vänta, vad händer med våra postlådor och filer när vi har avslutat?',
  en: 'wait, what happens to our mailboxes and files after we cancel?',
};
const HELP: Record<Language, string> = { sv: 'hjälp', en: 'help' };
const START_OVER: Record<Language, string> = { sv: 'börja om', en: 'start over' };
const END_CONVERSATION: Record<Language, string> = { sv: 'avsluta samtalet', en: 'end the conversation' };
const SWITCH_TO_OTHER: Record<Language, string> = { sv: 'in English', en: 'på svenska' };
const DELETE_MY_DATA: Record<Language, string> = { sv: 'radera mina uppgifter', en: 'delete my data' };
const NO: Record<Language, string> = { sv: 'nej', en: 'no' };
const GIBBERISH = 'qwzx vbnm plkjh';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '');
const says = (replies: Partial<Activity>[], expected: string) => texts(replies).some((replyText) => replyText.includes(expected));

/** At the menu an interruption may go on with the menu's own questions (anything else? / shall I guide you?). */
function menuTexts(language: Language): string[] {
  return [text(language, 'menu.prompt'), text(language, 'menu.promptAgain'), text(language, 'nlu:offer.cancel')];
}

/** The pending question again, in one of the languages (at the menu: one of the menu's questions). */
function askedAgain(replies: Partial<Activity>[], place: Place, languages: Language[]): string[] {
  if (endsWithQuestion(replies, place.spec, languages)) return [];
  const last = replies.at(-1)?.text ?? '(no reply)';
  if (place.atMenu && languages.some((language) => menuTexts(language).includes(last))) return [];
  return [`the question was not asked again: the last reply was "${last.slice(0, 90)}", expected "${questionTexts(place.spec, languages[0]!)[0]?.slice(0, 90)}"`];
}

/** The language the last reply asked the question in. */
function languageOfQuestion(replies: Partial<Activity>[], place: Place, fallback: Language): Language {
  return (['sv', 'en'] as const).find((language) => endsWithQuestion(replies, place.spec, [language])) ?? fallback;
}

/** The shared checks of an interruption that keeps the admin where they were. */
async function keepsPlace(context: ExplorationContext, place: Place, replies: Partial<Activity>[], languages: Language[]): Promise<string[]> {
  const problems = [...errorsIn(replies), ...askedAgain(replies, place, languages)];
  if (problems.length > 0 || place.atMenu) return problems;
  return context.nextClick(place, replies, languageOfQuestion(replies, place, languages[0]!));
}

/**
 * The first button of the welcome that this place does not offer itself, with its position there.
 * None at the menu (the welcome's buttons are the question's own) and at a free-text question (it takes any words).
 */
function oldWelcomeButton(context: ExplorationContext, place: Place): { welcomeButton?: Place['actions'][number]; index: number } {
  if (place.atMenu || place.spec?.example) return { index: -1 };
  const index = context.welcome.actions.findIndex((action) => !place.actions.some((offered) => offered.text === action.text));
  return { welcomeButton: context.welcome.actions[index], index };
}

const INTERRUPTIONS: Interruption[] = [
  {
    name: 'a question about the facts',
    async run(context, place) {
      const { language } = context.shape;
      const replies = await context.walker.say(FACT_QUESTION[language]);
      const problems = await keepsPlace(context, place, replies, [language]);
      if (!says(replies, text(language, 'facts:F11.saveData'))) problems.push('the question was not answered with F11');
      return problems;
    },
  },
  {
    name: 'help',
    async run(context, place) {
      const { language } = context.shape;
      const replies = await context.walker.say(HELP[language]);
      const problems = await keepsPlace(context, place, replies, [language]);
      if (!says(replies, text(language, 'cancel:help.commands'))) problems.push('help did not say what can be said');
      const step = place.spec?.step;
      const stepKey = step?.number === 0 ? 'cancel:help.beforeSteps' : 'cancel:help.step';
      if (step && !says(replies, text(language, stepKey, step))) problems.push(`help did not say "step ${step.number} of ${step.total}"`);
      return problems;
    },
  },
  {
    name: 'start over',
    async run(context) {
      const { language } = context.shape;
      const replies = await context.walker.say(START_OVER[language]);
      const problems = errorsIn(replies);
      if (!says(replies, text(language, 'startOver.done'))) problems.push('start over was not confirmed');
      if (!menuTexts(language).includes(replies.at(-1)?.text ?? '')) problems.push('start over did not show the menu');
      return problems;
    },
  },
  {
    name: 'end the conversation',
    async run(context) {
      const { language } = context.shape;
      const replies = await context.walker.say(END_CONVERSATION[language]);
      const problems = errorsIn(replies);
      if (!says(replies, text(language, 'cancel:stop.done'))) problems.push('the end of the conversation was not confirmed');
      if (context.walker.signature() !== '') problems.push(`dialogs still wait: [${context.walker.signature()}]`);
      return problems;
    },
  },
  {
    name: 'gibberish',
    async run(context, place) {
      const { language } = context.shape;
      const replies = await context.walker.say(GIBBERISH);
      const problems = errorsIn(replies);
      // A free-text question may take any words (a name); a question with buttons must still wait.
      if (place.actions.length > 0 && buttonsOf(replies).length === 0 && !place.spec?.example) problems.push('no buttons offered again');
      if (!place.spec?.example && !place.atMenu) {
        // A question with buttons says what answer it needs, not only the question again.
        const retry = place.spec?.retryPrompt;
        if (place.actions.length > 0 && !retry) problems.push('no retry text saying what to answer');
        if (retry && !says(replies, text(language, retry.key, retry.args))) problems.push(`the retry text "${retry.key}" was not said`);
        problems.push(...askedAgain(replies, place, [language]));
        if (context.walker.signature() !== place.signature) problems.push(`moved on to [${context.walker.signature()}]`);
      }
      return problems;
    },
  },
  {
    name: 'a question in the other language',
    async run(context, place) {
      const { language } = context.shape;
      const replies = await context.walker.say(FACT_QUESTION[other(language)]);
      const problems = await keepsPlace(context, place, replies, [language, other(language)]);
      if (!says(replies, text(language, 'facts:F11.saveData')) && !says(replies, text(other(language), 'facts:F11.saveData'))) {
        problems.push('the question was not answered with F11');
      }
      return problems;
    },
  },
  {
    name: 'a language switch',
    async run(context, place) {
      const switched = other(context.shape.language);
      const replies = await context.walker.say(SWITCH_TO_OTHER[context.shape.language]);
      const problems = await keepsPlace(context, place, replies, [switched]);
      if (!says(replies, text(switched, 'language.switched'))) problems.push('the switch was not confirmed in the new language');
      return problems;
    },
  },
  {
    name: '"delete my data", then no',
    async run(context, place) {
      const { language } = context.shape;
      const asked = await context.walker.say(DELETE_MY_DATA[language]);
      const problems = errorsIn(asked);
      if (!says(asked, text(language, 'privacy:confirm'))) problems.push('"delete my data" was not confirmed first');
      const replies = await context.walker.say(NO[language]);
      problems.push(...(await keepsPlace(context, place, replies, [language])));
      if (!says(replies, text(language, 'privacy:kept'))) problems.push('"no" did not say the data is kept');
      return problems;
    },
  },
  {
    name: 'a button of the welcome, clicked again',
    async run(context, place) {
      const { language } = context.shape;
      const { welcomeButton } = oldWelcomeButton(context, place);
      if (!welcomeButton) return [];
      const offered = await context.walker.say(welcomeButton.text, welcomeButton.value);
      const problems = errorsIn(offered);
      if (says(offered, text(language, 'nlu:outOfScope'))) problems.push('an old button got the out-of-scope answer');
      if (!says(offered, text(language, 'cancel:earlier.offer', { question: text(language, 'menu.prompt'), choice: welcomeButton.label }))) {
        problems.push('the old button was not recognised as the answer to an earlier question');
        return problems;
      }
      const carryOn = buttonsOf(offered).find((button) => button.label === text(language, 'cancel:earlier.carryOn'));
      if (!carryOn) return [...problems, 'no "carry on" button'];
      const replies = await context.walker.say(carryOn.text, carryOn.value);
      return [...problems, ...(await keepsPlace(context, place, replies, [language]))];
    },
  },
  {
    name: 'a button of the welcome, then "go back"',
    async run(context, place) {
      const { language } = context.shape;
      const { welcomeButton, index } = oldWelcomeButton(context, place);
      if (!welcomeButton) return [];
      const offered = await context.walker.say(welcomeButton.text, welcomeButton.value);
      const goBack = buttonsOf(offered).find((button) => button.label === text(language, 'cancel:earlier.goBack'));
      if (!goBack) return [...errorsIn(offered), 'no "go back" button'];
      const replies = await context.walker.say(goBack.text, goBack.value);
      const problems = errorsIn(replies);
      const expected = context.leadsTo.get(context.welcome.signature)?.[index];
      if (context.walker.signature() !== expected) problems.push(`going back led to [${context.walker.signature()}], the welcome's button to [${expected}]`);
      return problems;
    },
  },
  {
    name: 'the same activity again (a channel retry)',
    async run(context, place) {
      const action = place.actions[0];
      if (!action) return [];
      const activity = { type: 'message', text: action.text, ...(action.value ? { value: action.value } : {}), id: `retry-${place.signature.length}` };
      const first = await context.walker.send(activity);
      const after = context.walker.signature();
      const records = await recordCounts(context);
      const again = await context.walker.send(activity);
      const problems = [...errorsIn(first), ...errorsIn(again)];
      if (again.length > 0 && texts(again).join('\n') !== texts(first).join('\n')) problems.push(`the retry was answered anew: "${texts(again).join(' | ').slice(0, 120)}"`);
      if (context.walker.signature() !== after) problems.push(`the retry moved the conversation on, to [${context.walker.signature()}]`);
      if ((await recordCounts(context)) !== records) problems.push('the retry stored records again');
      return problems;
    },
  },
];

async function recordCounts(context: ExplorationContext): Promise<string> {
  const { feedback, cases, outcomes } = context.walker.stores;
  const counts = await Promise.all([feedback.list(), cases.list(), outcomes.list()].map(async (listed) => (await listed).length));
  return counts.join('/');
}

describe('the conversation explorer', () => {
  const coverage: Coverage[] = [];
  const recognizer = createRecognizer(testConfig({ defaultLocale: 'en' }));

  afterAll(() => {
    const rows = coverage.map(
      ({ shape, places, interruptions, turns, problems }) =>
        `${shape.language}/${shape.channel}: ${places} places, ${interruptions} interruptions, ${turns} turns, ${problems.length} problems`,
    );
    console.log(`Conversation explorer coverage\n${rows.join('\n')}`);
  });

  test.each(SHAPES)('$language in $channel shape: every place the bot waits survives every interruption', async (shape) => {
    const result = await explore(shape, INTERRUPTIONS, recognizer);
    coverage.push(result.coverage);
    if (process.env.EXPLORER_DUMP) (await import("node:fs")).writeFileSync(`${process.env.EXPLORER_DUMP}-${shape.language}-${shape.channel}.txt`, result.coverage.problems.join("\n"));
    // The walk must find the paths' places, not stop at the menu.
    expect(result.coverage.places).toBeGreaterThan(40);
    expect(result.coverage.problems.slice(0, 25)).toEqual([]);
    // One shape takes 12–15 s alone on 2 cores; the whole suite runs beside it.
  }, 240_000);
});
