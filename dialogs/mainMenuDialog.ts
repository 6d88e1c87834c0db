import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { isCancellationRequest } from '../src/domain/globalCommands.js';
import { tr } from '../src/domain/turn.js';
import { CANCEL_SUBSCRIPTION_DIALOG, CancelSubscriptionDialog, type CancelSubscriptionOptions } from './cancelSubscriptionDialog.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, LocalizedConfirmPrompt, localizedPrompt, type LocalizedChoice } from './prompts.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions } from './supportEscalationContract.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const MAIN_MENU_DIALOG = 'mainMenu';
const TOPIC_PROMPT = 'mainMenu.topicPrompt';
const OFFER_PROMPT = 'mainMenu.offerPrompt';
const MENU_STEPS = `${MAIN_MENU_DIALOG}.steps`;

/** The main topics, in menu order: cancelling first, then questions answered from the facts, then support. */
export const MAIN_TOPICS = ['cancel', 'trial', 'productKey', 'reactivate', 'termLengths', 'appliesTo', 'support'] as const;
export type MainTopic = (typeof MAIN_TOPICS)[number];

/** Which fact text answers each question topic. */
const TOPIC_FACT: Partial<Record<MainTopic, string>> = {
  trial: 'facts:F01.trial',
  productKey: 'facts:F02.productKey',
  reactivate: 'facts:F03.reactivate',
  termLengths: 'facts:F07.termLengths',
  appliesTo: 'facts:F16.appliesTo',
};

const TOPIC_CHOICE: Record<MainTopic, Omit<LocalizedChoice, 'value'>> = {
  cancel: { titleKey: 'cancel:menu.cancel', synonymsKey: 'cancel:menu.cancelSynonyms' },
  trial: { titleKey: 'menu.topics.trial' },
  productKey: { titleKey: 'menu.topics.productKey' },
  reactivate: { titleKey: 'menu.topics.reactivate' },
  termLengths: { titleKey: 'menu.topics.termLengths' },
  appliesTo: { titleKey: 'menu.topics.appliesTo' },
  support: { titleKey: 'cancel:menu.support', synonymsKey: 'cancel:menu.supportSynonyms' },
};

export interface MainMenuOptions {
  /** Asked before: "anything else?" */
  again?: boolean;
  /** The message that started the conversation, which may already ask to cancel. */
  utterance?: string;
  /** Start this topic without asking (a typed request the recognizer understood). */
  topic?: MainTopic;
  /** What a typed cancellation request already said (plan, timing): those questions are skipped. */
  cancel?: CancelSubscriptionOptions;
  /** After a typed question was answered: "Shall I guide you through cancelling?" before the menu. */
  offerCancel?: boolean;
}

/** Offers the main topics as buttons, starts the cancellation or support path or answers a question, then offers them again. */
export class MainMenuDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(MAIN_MENU_DIALOG);
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
        choices: MAIN_TOPICS.map((topic) => ({ value: topic, ...TOPIC_CHOICE[topic] })),
      }),
    );
  }

  private async startTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The answer to "Shall I guide you through cancelling?": yes starts it, no shows the menu.
    if (step.result === false) return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
    const topic = step.result === true ? 'cancel' : ((step.result as FoundChoice).value as MainTopic);
    if (topic === 'cancel') {
      return step.beginDialog(CANCEL_SUBSCRIPTION_DIALOG, (step.values as { cancel?: CancelSubscriptionOptions }).cancel ?? {});
    }
    if (topic === 'support') {
      return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { reason: 'asked', path: 'support' } satisfies SupportEscalationOptions);
    }
    await step.context.sendActivity(tr(step.context)(TOPIC_FACT[topic]!));
    await this.deps.outcomes.track(step.context, { path: 'question', step: topic, ending: 'questionAnswered' });
    return step.next();
  }

  private async offerMoreStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Replace the inner waterfall, not this component: the component must not nest inside itself.
    return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
  }
}
