import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { LocalizedChoicePrompt, localizedPrompt } from './prompts.js';

export const EARLIER_ANSWER_DIALOG = 'earlierAnswer';
const OFFER_PROMPT = `${EARLIER_ANSWER_DIALOG}.offerPrompt`;

export interface EarlierAnswerOptions {
  /** The earlier question, already in the turn's language. */
  question: string;
  /** The old button's title, as the earlier question recognises it. */
  choice: string;
  /** Which kept earlier question (its signature) to go back to. */
  signature: string;
}

const GO_BACK_REQUESTED = Symbol('goBackRequested');

/** Going back to an earlier question with a choice, asked for this turn; the bot carries it out. */
export interface GoBackRequest {
  signature: string;
  choice: string;
}

export function requestGoBack(context: TurnContext, request: GoBackRequest): void {
  context.turnState.set(GO_BACK_REQUESTED, request);
}

export function takeGoBackRequest(context: TurnContext): GoBackRequest | undefined {
  const request = context.turnState.get(GO_BACK_REQUESTED) as GoBackRequest | undefined;
  context.turnState.delete(GO_BACK_REQUESTED);
  return request;
}

/**
 * A click on a button of an earlier question (an old button far up the chat): says so, and offers to
 * go back to that question with the new choice or to carry on where the admin is. Going back ends
 * every dialog (a path records that it stopped) and asks the bot to restore the earlier question's
 * stack with the choice; carrying on asks the pending question again.
 */
export class EarlierAnswerDialog extends ComponentDialog {
  constructor({ i18n }: { i18n: i18n }) {
    super(EARLIER_ANSWER_DIALOG);
    this.addDialog(new WaterfallDialog(`${EARLIER_ANSWER_DIALOG}.steps`, [this.offerStep.bind(this), this.decideStep.bind(this)]));
    this.addDialog(new LocalizedChoicePrompt(OFFER_PROMPT, i18n));
    this.initialDialogId = `${EARLIER_ANSWER_DIALOG}.steps`;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question, choice } = step.options as EarlierAnswerOptions;
    return step.prompt(
      OFFER_PROMPT,
      localizedPrompt({
        prompt: { key: 'cancel:earlier.offer', args: { question, choice } },
        retryPrompt: { key: 'cancel:earlier.retry' },
        choices: [
          { value: 'goBack', titleKey: 'cancel:earlier.goBack' },
          { value: 'carryOn', titleKey: 'cancel:earlier.carryOn' },
        ],
      }),
    );
  }

  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value === 'carryOn') return step.endDialog();
    const { signature, choice } = step.options as EarlierAnswerOptions;
    requestGoBack(step.context, { signature, choice });
    return step.cancelAllDialogs(true);
  }
}
