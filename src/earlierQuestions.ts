import type { TurnContext } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { localizedSpec, type LocalizedChoice, type LocalizedText } from '../dialogs/prompts.js';
import { SUPPORT_ESCALATION_DIALOG } from '../dialogs/supportEscalationContract.js';
import { SUPPORTED_LANGUAGES } from './config.js';
import { translator } from './i18n.js';
import { normalizeForMatching } from './language.js';
import type { BotStates } from './state.js';

/**
 * The questions with buttons the admin was asked earlier in this conversation, each with the dialog
 * stack as it waited there, so that a click on an old button can take the admin back to that
 * question with the new choice. Questions inside the support step are never kept: their stack holds
 * verification details, which live only as long as that step.
 */
export interface EarlierQuestion {
  /** The shape of the stack (dialog ids and steps) when it waited: one entry per place. */
  signature: string;
  question: LocalizedText;
  choices: LocalizedChoice[];
  stack: DialogState;
}

/** How many earlier questions are kept: the welcome's menu and the path's questions since. */
const KEPT_QUESTIONS = 8;

interface StoredPromptState {
  options?: Parameters<typeof localizedSpec>[0];
  dialogs?: DialogState;
  stepIndex?: number;
}

function activeChain(stack: DialogInstance[]): DialogInstance[] {
  const chain: DialogInstance[] = [];
  for (let instance = stack.at(-1); instance; instance = (instance.state as StoredPromptState | undefined)?.dialogs?.dialogStack.at(-1)) {
    chain.push(instance);
  }
  return chain;
}

function signatureOf(stack: DialogInstance[]): string {
  return stack
    .map((instance) => {
      const state = instance.state as StoredPromptState | undefined;
      return `${instance.id}${state?.stepIndex !== undefined ? `#${state.stepIndex}` : ''}${state?.dialogs ? `[${signatureOf(state.dialogs.dialogStack)}]` : ''}`;
    })
    .join(',');
}

/** A click on a button of an earlier question: which question, and the choice it makes there. */
export interface EarlierAnswer {
  question: EarlierQuestion;
  /** The button's title as the earlier question recognises it, in the turn's language. */
  title: string;
}

export class EarlierQuestions {
  constructor(
    private readonly states: BotStates,
    private readonly i18n: i18n,
  ) {}

  /** At the end of a turn: keeps the pending question if it offers buttons (once per place). */
  async remember(context: TurnContext): Promise<void> {
    const dialogState = await this.states.dialogState.get(context);
    const stack = dialogState?.dialogStack ?? [];
    const chain = activeChain(stack);
    const leaf = chain.at(-1);
    const spec = leaf ? localizedSpec((leaf.state as StoredPromptState).options ?? {}) : undefined;
    if (!spec?.choices || chain.some((instance) => instance.id === SUPPORT_ESCALATION_DIALOG)) return;
    const signature = signatureOf(stack);
    const kept = (await this.states.earlierQuestions.get(context, [])) ?? [];
    if (kept.at(-1)?.signature === signature) return;
    const question: EarlierQuestion = { signature, question: spec.prompt, choices: spec.choices, stack: JSON.parse(JSON.stringify(dialogState)) as DialogState };
    const others = kept.filter((earlier) => earlier.signature !== signature);
    await this.states.earlierQuestions.set(context, [...others, question].slice(-KEPT_QUESTIONS));
  }

  /** The earlier question (latest first) one of whose buttons the message repeats word for word, in either language. */
  async find(context: TurnContext, text: string): Promise<EarlierAnswer | undefined> {
    const typed = normalizeForMatching(text);
    if (typed === '') return undefined;
    const kept = (await this.states.earlierQuestions.get(context, [])) ?? [];
    for (const question of [...kept].reverse()) {
      for (const language of SUPPORTED_LANGUAGES) {
        // The memoized translator: this runs for every typed message.
        const t = translator(this.i18n, language);
        const choice = question.choices.find((candidate) => normalizeForMatching(t(candidate.titleKey)) === typed);
        if (choice) return { question, title: t(choice.titleKey) };
      }
    }
    return undefined;
  }
}
