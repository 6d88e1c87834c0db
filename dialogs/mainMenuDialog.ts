import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { tr } from '../src/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, localizedPrompt } from './prompts.js';

export const MAIN_MENU_DIALOG = 'mainMenu';
const TOPIC_PROMPT = 'mainMenu.topicPrompt';

/** The main topics, in menu order; each answers from the fact inventory (locales/<lng>/facts.json). */
export const MAIN_TOPICS = ['trial', 'productKey', 'reactivate', 'termLengths', 'appliesTo'] as const;
export type MainTopic = (typeof MAIN_TOPICS)[number];

/** Which fact text answers each topic. */
const TOPIC_FACT: Record<MainTopic, string> = {
  trial: 'facts:F01.trial',
  productKey: 'facts:F02.productKey',
  reactivate: 'facts:F03.reactivate',
  termLengths: 'facts:F07.termLengths',
  appliesTo: 'facts:F16.appliesTo',
};

/** Offers the main topics as buttons, answers the one chosen, then offers them again. */
export class MainMenuDialog extends ComponentDialog {
  constructor({ i18n }: DialogDependencies) {
    super(MAIN_MENU_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${MAIN_MENU_DIALOG}.steps`, [
        this.askTopicStep.bind(this),
        this.answerTopicStep.bind(this),
        this.offerMoreStep.bind(this),
      ]),
    );
    this.addDialog(new LocalizedChoicePrompt(TOPIC_PROMPT, i18n));
    this.initialDialogId = `${MAIN_MENU_DIALOG}.steps`;
  }

  private async askTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const again = (step.options as { again?: boolean } | undefined)?.again === true;
    return step.prompt(
      TOPIC_PROMPT,
      localizedPrompt({
        prompt: { key: again ? 'menu.promptAgain' : 'menu.prompt' },
        retryPrompt: { key: 'menu.retry' },
        choices: MAIN_TOPICS.map((topic) => ({ value: topic, titleKey: `menu.topics.${topic}` })),
      }),
    );
  }

  private async answerTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const topic = (step.result as FoundChoice).value as MainTopic;
    await step.context.sendActivity(tr(step.context)(TOPIC_FACT[topic]));
    return step.next();
  }

  private async offerMoreStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(this.id, { again: true });
  }
}
