import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { isCancellationRequest } from '../src/domain/globalCommands.js';
import { topicLabelKeys, type TopicRegistry } from '../src/domain/topics.js';
import { topicAnswer } from '../src/domain/topicAnswers.js';
import { CANCEL_SUBSCRIPTION_DIALOG, CancelSubscriptionDialog, type CancelSubscriptionOptions } from './cancelSubscriptionDialog.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, LocalizedConfirmPrompt, localizedPrompt, type LocalizedChoice } from './prompts.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions } from './supportEscalationContract.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const MAIN_MENU_DIALOG = 'mainMenu';
const TOPIC_PROMPT = 'mainMenu.topicPrompt';
const OFFER_PROMPT = 'mainMenu.offerPrompt';
const MENU_STEPS = `${MAIN_MENU_DIALOG}.steps`;

/** The paths the menu starts, first and last; the topics of the registry sit between them, in their menu places. */
export type MenuPath = 'cancel' | 'support';
const CANCEL_CHOICE: LocalizedChoice = { value: 'cancel', titleKey: 'cancel:menu.cancel', synonymsKey: 'cancel:menu.cancelSynonyms' };
const SUPPORT_CHOICE: LocalizedChoice = { value: 'support', titleKey: 'cancel:menu.support', synonymsKey: 'cancel:menu.supportSynonyms' };

/** The menu's buttons, top to bottom: cancelling, the questions answered from the facts, then support. */
export function mainMenuChoices(topics: TopicRegistry): LocalizedChoice[] {
  const questions = topics.inMenu.map((topic) => ({ value: topic.id, titleKey: topicLabelKeys(topic).menuTitle! }));
  return [CANCEL_CHOICE, ...questions, SUPPORT_CHOICE];
}

export interface MainMenuOptions {
  /** Asked before: "anything else?" */
  again?: boolean;
  /** The message that started the conversation, which may already ask to cancel. */
  utterance?: string;
  /** Start this path without asking (a typed request the recognizer understood). */
  topic?: MenuPath;
  /** What a typed cancellation request already said (plan, timing): those questions are skipped. */
  cancel?: CancelSubscriptionOptions;
  /** After a typed question was answered: "Shall I guide you through cancelling?" before the menu. */
  offerCancel?: boolean;
}

/** Offers the main topics as buttons, starts the cancellation or support path or answers a question, then offers them again. */
export class MainMenuDialog extends ComponentDialog {
  private readonly choices: LocalizedChoice[];

  constructor(private readonly deps: DialogDependencies) {
    super(MAIN_MENU_DIALOG);
    this.choices = mainMenuChoices(deps.topics);
    this.addDialog(
      new WaterfallDialog(MENU_STEPS, [
        this.askTopicStep.bind(this),
        this.startTopicStep.bind(this),
        this.offerMoreStep.bind(this),
      ]),
    );
    this.addDialog(new LocalizedChoicePrompt(TOPIC_PROMPT, deps.i18n));
    this.addDialog(new LocalizedConfirmPrompt(OFFER_PROMPT, deps.i18n));
    this.addDialog(new CancelSubscriptionDialog(deps));
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = MENU_STEPS;
  }

  private async askTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainMenuOptions;
    (step.values as { cancel?: CancelSubscriptionOptions }).cancel = options.cancel;
    if (options.topic) return step.next({ value: options.topic } satisfies Partial<FoundChoice>);
    if (isCancellationRequest(options.utterance)) return step.next({ value: 'cancel' } satisfies Partial<FoundChoice>);
    if (options.offerCancel) {
      return step.prompt(OFFER_PROMPT, localizedPrompt({ prompt: { key: 'nlu:offer.cancel' }, retryPrompt: { key: 'nlu:offer.retry' } }));
    }
    return step.prompt(
      TOPIC_PROMPT,
      localizedPrompt({
        prompt: { key: options.again ? 'menu.promptAgain' : 'menu.prompt' },
        retryPrompt: { key: 'menu.retry' },
        choices: this.choices,
      }),
    );
  }

  private async startTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The answer to "Shall I guide you through cancelling?": yes starts it, no shows the menu.
    if (step.result === false) return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
    const choice = step.result === true ? 'cancel' : (step.result as FoundChoice).value;
    if (choice === 'cancel') {
      return step.beginDialog(CANCEL_SUBSCRIPTION_DIALOG, (step.values as { cancel?: CancelSubscriptionOptions }).cancel ?? {});
    }
    if (choice === 'support') {
      return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { reason: 'asked', path: 'support' } satisfies SupportEscalationOptions);
    }
    const topic = this.deps.topics.find(choice);
    // A menu shown by an older version may offer a topic no longer there: show today's menu.
    if (!topic) return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
    await step.context.sendActivities(topicAnswer(step.context, topic));
    await this.deps.outcomes.topicAnswered(step.context, topic);
    return step.next();
  }

  private async offerMoreStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Replace the inner waterfall, not this component: the component must not nest inside itself.
    return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
  }
}
