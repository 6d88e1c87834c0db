import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { daysFromToday, formatDate, userTimeZone } from '../src/domain/dates.js';
import type { PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedConfirmPrompt, localizedPrompt } from './prompts.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions, type SupportEscalationResult } from './supportEscalationContract.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const QUICK_RECALL_DIALOG = 'quickRecall';
const CONFIRM_PROMPT = `${QUICK_RECALL_DIALOG}.confirmPrompt`;

export interface QuickRecallOptions {
  plan: PlanId;
}

export interface QuickRecallResult {
  /** The admin confirmed quick recall a second time and was sent to support. */
  requested: boolean;
  /** ISO date: all data deleted by then if support does it today. */
  deletionDate?: string;
  support?: SupportEscalationResult;
}

/**
 * F04: quick recall, asked for by the admin. Warns that all data is deleted for good within 3 days
 * (with the date), asks a second explicit confirmation, and says only support can do it.
 */
export class QuickRecallDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(QUICK_RECALL_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${QUICK_RECALL_DIALOG}.steps`, [this.warnStep.bind(this), this.supportStep.bind(this), this.doneStep.bind(this)]),
    );
    this.addDialog(new LocalizedConfirmPrompt(CONFIRM_PROMPT, deps.i18n));
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = `${QUICK_RECALL_DIALOG}.steps`;
  }

  private async warnStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { plan } = step.options as QuickRecallOptions;
    const { t, language } = turnLanguage(step.context);
    const deletionDate = daysFromToday(userTimeZone(step.context, this.deps.config), 3);
    (step.values as { deletionDate?: string }).deletionDate = deletionDate;
    await this.deps.outcomes.track(step.context, { path: 'immediate', step: 'quickRecallWarning', plan });
    await step.context.sendActivity(t('facts:F04.quickRecall'));
    await step.context.sendActivity(t('facts:F04.warning', { date: formatDate(deletionDate, language) }));
    return step.prompt(CONFIRM_PROMPT, localizedPrompt({ prompt: { key: 'cancel:quickRecall.confirm' }, retryPrompt: { key: 'cancel:quickRecall.confirmRetry' }, step: { number: 2, total: 3 } }));
  }

  private async supportStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { plan } = step.options as QuickRecallOptions;
    const { t } = turnLanguage(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('cancel:quickRecall.declined'));
      return step.endDialog({ requested: false } satisfies QuickRecallResult);
    }
    await this.deps.outcomes.track(step.context, { path: 'immediate', step: 'quickRecallConfirmed', plan });
    await step.context.sendActivity(t('cancel:quickRecall.onlySupport'));
    return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { plan, reason: 'quickRecall', path: 'immediate' } satisfies SupportEscalationOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog({
      requested: true,
      deletionDate: (step.values as { deletionDate?: string }).deletionDate!,
      support: step.result as SupportEscalationResult | undefined,
    } satisfies QuickRecallResult);
  }
}
