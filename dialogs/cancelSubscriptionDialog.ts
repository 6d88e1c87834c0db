import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { IMMEDIATE_CANCELLATION_DIALOG, ImmediateCancellationDialog } from './immediateCancellationDialog.js';
import { PRODUCT_KEY_CANCELLATION_DIALOG, ProductKeyCancellationDialog } from './productKeyCancellationDialog.js';
import { TERM_END_CANCELLATION_DIALOG, TermEndCancellationDialog } from './termEndCancellationDialog.js';
import { WHEN_TO_CANCEL_DIALOG, WhenToCancelDialog, type CancelTiming, type WhenToCancelOptions } from './whenToCancelDialog.js';
import { WHICH_SUBSCRIPTION_DIALOG, WhichSubscriptionDialog } from './whichSubscriptionDialog.js';

export const CANCEL_SUBSCRIPTION_DIALOG = 'cancelSubscription';

/** What the admin may already have said ("cancel our Enterprise plan now"): those questions are skipped. */
export interface CancelSubscriptionOptions {
  plan?: PlanId;
  timing?: CancelTiming;
}

/** Plans that end by themselves: the answer is a fact, with nothing to cancel. */
const SELF_ENDING: Partial<Record<PlanId, { fact: string; path: 'trial' | 'openFpp' }>> = {
  trial: { fact: 'facts:F01.trial', path: 'trial' },
  openFpp: { fact: 'facts:F08.openFpp', path: 'openFpp' },
};

/**
 * "Cancel a subscription": which subscription, then its path. Trial (F01) and Open/FPP (F08) end by
 * themselves; product key (F02) goes to support; the business plans choose when (F07) and follow
 * the term-end (F06) or immediate (F09–F13) path.
 */
export class CancelSubscriptionDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(CANCEL_SUBSCRIPTION_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${CANCEL_SUBSCRIPTION_DIALOG}.steps`, [
        this.askPlanStep.bind(this),
        this.routeByPlanStep.bind(this),
        this.routeByTimingStep.bind(this),
        this.doneStep.bind(this),
      ]),
    );
    this.addDialog(new WhichSubscriptionDialog(deps));
    this.addDialog(new WhenToCancelDialog(deps));
    this.addDialog(new TermEndCancellationDialog(deps));
    this.addDialog(new ImmediateCancellationDialog(deps));
    this.addDialog(new ProductKeyCancellationDialog(deps));
    this.initialDialogId = `${CANCEL_SUBSCRIPTION_DIALOG}.steps`;
  }

  private async askPlanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.deps.outcomes.track(step.context, { path: 'menu', step: 'cancelStarted' });
    const known = (step.options ?? {}) as CancelSubscriptionOptions;
    if (known.plan) return step.next(known.plan);
    return step.beginDialog(WHICH_SUBSCRIPTION_DIALOG);
  }

  private async routeByPlanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const plan = step.result as PlanId;
    (step.values as { plan?: PlanId }).plan = plan;
    const selfEnding = SELF_ENDING[plan];
    if (selfEnding) {
      await step.context.sendActivity(turnLanguage(step.context).t(selfEnding.fact));
      await this.deps.outcomes.track(step.context, { path: selfEnding.path, plan, ending: 'questionAnswered' });
      return step.endDialog();
    }
    if (plan === 'productKey') return step.beginDialog(PRODUCT_KEY_CANCELLATION_DIALOG);
    const { timing } = (step.options ?? {}) as CancelSubscriptionOptions;
    if (timing) return step.next(timing);
    return step.beginDialog(WHEN_TO_CANCEL_DIALOG, { plan } satisfies WhenToCancelOptions);
  }

  private async routeByTimingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const plan = (step.values as { plan?: PlanId }).plan!;
    if (plan === 'productKey') return step.endDialog();
    const timing = step.result as CancelTiming;
    return step.beginDialog(timing === 'termEnd' ? TERM_END_CANCELLATION_DIALOG : IMMEDIATE_CANCELLATION_DIALOG, { plan });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
