import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { PLANS, type PlanId } from '../src/domain/plans.js';
import { tr } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, localizedPrompt } from './prompts.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const WHICH_SUBSCRIPTION_DIALOG = 'whichSubscription';
const PLAN_PROMPT = `${WHICH_SUBSCRIPTION_DIALOG}.planPrompt`;
const DONT_KNOW = 'dontKnow';
const PLAN_STEPS = `${WHICH_SUBSCRIPTION_DIALOG}.steps`;

/** Asks which subscription the admin wants to cancel; "I don't know" explains how to tell and asks again. Ends with the PlanId. */
export class WhichSubscriptionDialog extends ComponentDialog {
  constructor(deps: DialogDependencies) {
    super(WHICH_SUBSCRIPTION_DIALOG);
    this.addDialog(new WaterfallDialog(PLAN_STEPS, [this.askPlanStep.bind(this), this.returnPlanStep.bind(this)]));
    this.addDialog(new LocalizedChoicePrompt(PLAN_PROMPT, deps.i18n));
    // Asking for support at this question starts it here, on top of the question (src/bot/interruptions.ts).
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = PLAN_STEPS;
  }

  private async askPlanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      PLAN_PROMPT,
      localizedPrompt({
        prompt: { key: 'cancel:plan.prompt' },
        retryPrompt: { key: 'cancel:plan.retry' },
        step: { number: 1, total: 2 },
        choices: [...PLANS, DONT_KNOW].map((plan) => ({
          value: plan,
          titleKey: `cancel:plan.choices.${plan}`,
          synonymsKey: `cancel:plan.synonyms.${plan}`,
        })),
      }),
    );
  }

  private async returnPlanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as FoundChoice).value;
    if (choice === DONT_KNOW) {
      await step.context.sendActivity(tr(step.context)('cancel:plan.howToTell'));
      return step.replaceDialog(PLAN_STEPS);
    }
    return step.endDialog(choice as PlanId);
  }
}
