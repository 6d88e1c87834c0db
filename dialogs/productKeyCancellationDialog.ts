import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { daysFromToday, userTimeZone } from '../src/domain/dates.js';
import { turnLanguage } from '../src/domain/turn.js';
import { AFTER_CANCELLATION_DIALOG, AfterCancellationDialog, callSupportItem, supportEnding, type AfterCancellationOptions } from './afterCancellationDialog.js';
import type { DialogDependencies } from './dependencies.js';
import { PathDialog } from './pathDialog.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions, type SupportEscalationResult } from './supportEscalationContract.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const PRODUCT_KEY_CANCELLATION_DIALOG = 'productKeyCancellation';

/** F02: a product-key subscription is cancelled through Microsoft by calling support, without refund; then the support path. */
export class ProductKeyCancellationDialog extends PathDialog {
  readonly path = 'productKey';

  constructor(private readonly deps: DialogDependencies) {
    super(PRODUCT_KEY_CANCELLATION_DIALOG, deps.outcomes);
    this.addDialog(
      new WaterfallDialog(`${PRODUCT_KEY_CANCELLATION_DIALOG}.steps`, [this.explainStep.bind(this), this.wrapUpStep.bind(this), this.doneStep.bind(this)]),
    );
    this.addDialog(new SupportEscalationDialog(deps));
    this.addDialog(new AfterCancellationDialog(deps));
    this.initialDialogId = `${PRODUCT_KEY_CANCELLATION_DIALOG}.steps`;
  }

  private async explainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.deps.outcomes.track(step.context, { path: 'productKey', step: 'productKeyFacts', plan: 'productKey' });
    await step.context.sendActivity(turnLanguage(step.context).t('facts:F02.productKey'));
    return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { plan: 'productKey', reason: 'productKey', path: 'productKey' } satisfies SupportEscalationOptions);
  }

  private async wrapUpStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const support = step.result as SupportEscalationResult | undefined;
    const ending = supportEnding(support);
    await this.deps.outcomes.track(step.context, { path: 'productKey', ending, plan: 'productKey' });
    if (ending !== 'escalated') return step.endDialog();
    const lastReactivationDay = daysFromToday(userTimeZone(step.context, this.deps.config), 90);
    return step.beginDialog(AFTER_CANCELLATION_DIALOG, {
      plan: 'productKey',
      path: 'productKey',
      items: [callSupportItem(support)],
      dates: [{ labelKey: 'cancel:checklist.dates.reactivateUntil', date: lastReactivationDay }],
      reactivation: { key: 'facts:F03.reactivateUntil', date: lastReactivationDay },
    } satisfies AfterCancellationOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
