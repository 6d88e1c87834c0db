import type { TurnContext } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { EARLIER_ANSWER_DIALOG } from '../../dialogs/earlierAnswerDialog.js';
import { localizedSpec, type LocalizedChoice, type LocalizedText } from '../../dialogs/prompts.js';
import { SUPPORT_ESCALATION_DIALOG } from '../../dialogs/supportEscalationContract.js';
import { SUPPORTED_LANGUAGES, type Language } from '../domain/config.js';
import { translator } from '../domain/i18n.js';
import { normalizeForMatching } from '../domain/language.js';
import type { BotStates, KeptQuestion, KeptQuestionAsStoredBefore } from './state.js';

/**
 * A question with buttons the admin was asked earlier in this conversation, with the dialog stack
 * as it waited there, so that a click on an old button can take the admin back to that question
 * with the new choice. Questions inside the support step are never kept: their stack holds
 * verification details, which live only as long as that step.
 */
export interface EarlierQuestion {
  /** The shape of the stack (dialog ids and steps) when it waited: one entry per place. */
  signature: string;
  question: LocalizedText;
  choices: LocalizedChoice[];
  stack: DialogState;
}

const NEVER_KEPT = new Set([SUPPORT_ESCALATION_DIALOG, EARLIER_ANSWER_DIALOG]);

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

/** A kept question's stack; undefined when its text cannot be read (then it counts as not kept). */
function stackOf(kept: KeptQuestion | KeptQuestionAsStoredBefore): DialogState | undefined {
  if (!('stackJson' in kept)) return kept.stack;
  try {
    return JSON.parse(kept.stackJson) as DialogState;
  } catch {
    return undefined;
  }
}

/** A kept question's place: stored beside it, or (as stored before) worked out from its stack. */
function placeOf(kept: KeptQuestion | KeptQuestionAsStoredBefore): string {
  return 'stackJson' in kept ? kept.signature : signatureOf(kept.stack?.dialogStack ?? []);
}

/** A kept question in the form stored now. */
function asKept(kept: KeptQuestion | KeptQuestionAsStoredBefore): KeptQuestion {
  return 'stackJson' in kept ? { signature: kept.signature, stackJson: kept.stackJson } : { signature: placeOf(kept), stackJson: JSON.stringify(kept.stack ?? null) };
}

/** The question an earlier stack waited at; undefined when its pending prompt offers no buttons. */
function questionAt(kept: KeptQuestion | KeptQuestionAsStoredBefore): EarlierQuestion | undefined {
  const keptStack = stackOf(kept);
  const stack = keptStack?.dialogStack ?? [];
  const leaf = activeChain(stack).at(-1);
  const spec = leaf ? localizedSpec((leaf.state as StoredPromptState | undefined)?.options ?? {}) : undefined;
  if (!keptStack || !spec?.choices) return undefined;
  return { signature: signatureOf(stack), question: spec.prompt, choices: spec.choices, stack: keptStack };
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
  /** Each button title as typed (normalized), per language and key: read for every message that no prompt took. */
  private readonly typedTitles = new Map<string, string>();

  constructor(
    private readonly states: BotStates,
    private readonly i18n: i18n,
  ) {}

  /** The kept questions, oldest first. */
  private async kept(context: TurnContext): Promise<EarlierQuestion[]> {
    const kept = (await this.states.earlierQuestions.get(context, [])) ?? [];
    return kept.map(questionAt).filter((question): question is EarlierQuestion => question !== undefined);
  }

  /** The earlier question with this signature, if it is still kept. */
  async withSignature(context: TurnContext, signature: string): Promise<EarlierQuestion | undefined> {
    return (await this.kept(context)).find((question) => question.signature === signature);
  }

  private typedTitle(language: Language, titleKey: string): string {
    const cacheKey = `${language}\u0000${titleKey}`;
    let typed = this.typedTitles.get(cacheKey);
    if (typed === undefined) {
      typed = normalizeForMatching(translator(this.i18n, language)(titleKey));
      this.typedTitles.set(cacheKey, typed);
    }
    return typed;
  }

  /** At the end of a turn: keeps the pending question if it offers buttons (once per place). */
  async remember(context: TurnContext): Promise<void> {
    const dialogState = await this.states.dialogState.get(context);
    const stack = dialogState?.dialogStack ?? [];
    const chain = activeChain(stack);
    const leaf = chain.at(-1);
    const spec = leaf ? localizedSpec((leaf.state as StoredPromptState).options ?? {}) : undefined;
    // Not inside the support step (its stack holds verification details), nor the offer to go back itself.
    if (!spec?.choices || chain.some((instance) => NEVER_KEPT.has(instance.id))) return;
    const signature = signatureOf(stack);
    const kept = (await this.states.earlierQuestions.get(context, [])) ?? [];
    const last = kept.at(-1);
    if (last && placeOf(last) === signature) return;
    const others = kept.filter((earlier) => placeOf(earlier) !== signature).map(asKept);
    const question: KeptQuestion = { signature, stackJson: JSON.stringify(dialogState) };
    await this.states.earlierQuestions.set(context, [...others, question].slice(-KEPT_QUESTIONS));
  }

  /** The earlier question (latest first) one of whose buttons the message repeats word for word, in either language. */
  async find(context: TurnContext, text: string): Promise<EarlierAnswer | undefined> {
    const typed = normalizeForMatching(text);
    if (typed === '') return undefined;
    for (const question of (await this.kept(context)).reverse()) {
      for (const language of SUPPORTED_LANGUAGES) {
        const choice = question.choices.find((candidate) => this.typedTitle(language, candidate.titleKey) === typed);
        if (choice) return { question, title: translator(this.i18n, language)(choice.titleKey) };
      }
    }
    return undefined;
  }
}
