import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { PlanId } from '../src/domain/plans.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, localizedPrompt } from './prompts.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const WHEN_TO_CANCEL_DIALOG = 'whenToCancel';
const WHEN_PROMPT = `${WHEN_TO_CANCEL_DIALOG}.whenPrompt`;

export type CancelTiming = 'termEnd' | 'now';

export interface WhenToCancelOptions {
  plan: PlanId;
}

/**
 * Asks when to cancel, with the plan's term length (F07) in the question. The fee-free choice, at
 * the end of the term (F06, F09), comes first. Ends with a CancelTiming.
 */
export class WhenToCancelDialog extends ComponentDialog {
  constructor(deps: DialogDependencies) {
    super(WHEN_TO_CANCEL_DIALOG);
    this.addDialog(new WaterfallDialog(`${WHEN_TO_CANCEL_DIALOG}.steps`, [this.askWhenStep.bind(this), this.returnWhenStep.bind(this)]));
    this.addDialog(new LocalizedChoicePrompt(WHEN_PROMPT, deps.i18n));
    // Asking for support at this question starts it here, on top of the question (src/bot/interruptions.ts).
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = `${WHEN_TO_CANCEL_DIALOG}.steps`;
  }

  private async askWhenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { plan } = step.options as WhenToCancelOptions;
    return step.prompt(
      WHEN_PROMPT,
      localizedPrompt({
        prompt: { key: plan === 'smallBusiness' ? 'cancel:when.promptSmallBusiness' : 'cancel:when.promptYearly' },
        retryPrompt: { key: 'cancel:when.retry' },
        step: { number: 2, total: 2 },
        choices: (['termEnd', 'now'] as const).map((timing) => ({
          value: timing,
          titleKey: `cancel:when.${timing}`,
          synonymsKey: `cancel:when.${timing}Synonyms`,
        })),
      }),
    );
  }

  private async returnWhenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog((step.result as FoundChoice).value as CancelTiming);
  }
}
