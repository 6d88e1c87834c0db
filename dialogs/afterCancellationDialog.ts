import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checklistActivity } from '../src/domain/stepListCards.js';
import { formatDate } from '../src/domain/dates.js';
import type { Ending, PathName } from '../src/domain/outcomes.js';
import type { PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { FEEDBACK_DIALOG, FeedbackDialog, type FeedbackOptions } from './feedbackDialog.js';
import type { SupportEscalationResult } from './supportEscalationContract.js';

export const AFTER_CANCELLATION_DIALOG = 'afterCancellation';

/** One line of the checklist: a locale key and its arguments (dates are ISO, formatted when shown). */
export interface ChecklistLine {
  key: string;
  args?: Record<string, string>;
}

export interface ChecklistDate {
  labelKey: string;
  /** ISO date. */
  date: string;
}

export interface AfterCancellationOptions {
  plan: PlanId;
  path: PathName;
  items: ChecklistLine[];
  dates: ChecklistDate[];
  /** F03, with its last day when known; absent when reactivation does not apply (quick recall). */
  reactivation?: { key: string; date?: string };
}

/** The ending a support result gives a path's outcome. */
export function supportEnding(result: SupportEscalationResult | undefined): Ending {
  if (result?.outcome === 'escalated') return 'escalated';
  if (result?.outcome === 'notAdmin') return 'notAdmin';
  return 'stopped';
}

/** The checklist line for calling support, with the case reference when there is one. */
export function callSupportItem(support: SupportEscalationResult | undefined): ChecklistLine {
  return support?.caseReference
    ? { key: 'cancel:checklist.items.callSupportWithReference', args: { reference: support.caseReference } }
    : { key: 'cancel:checklist.items.callSupport' };
}

/**
 * What every cancellation path ends with: the checklist card with the dates, F03 (reactivate within
 * 90 days, with the last day), then the feedback question (F05).
 */
export class AfterCancellationDialog extends ComponentDialog {
  constructor(deps: DialogDependencies) {
    super(AFTER_CANCELLATION_DIALOG);
    this.addDialog(new WaterfallDialog(`${AFTER_CANCELLATION_DIALOG}.steps`, [this.checklistStep.bind(this), this.doneStep.bind(this)]));
    this.addDialog(new FeedbackDialog(deps));
    this.initialDialogId = `${AFTER_CANCELLATION_DIALOG}.steps`;
  }

  private async checklistStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as AfterCancellationOptions;
    const { t, language } = turnLanguage(step.context);
    await step.context.sendActivity(
      checklistActivity(step.context, {
        heading: t('cancel:checklist.title'),
        items: options.items.map((item) => t(item.key, item.args ?? {})),
        datesHeading: t('cancel:checklist.datesTitle'),
        dates: options.dates.map((date) => ({ label: t(date.labelKey), value: formatDate(date.date, language) })),
      }),
    );
    if (options.reactivation) {
      const { key, date } = options.reactivation;
      await step.context.sendActivity(t(key, date ? { date: formatDate(date, language) } : {}));
    }
    return step.beginDialog(FEEDBACK_DIALOG, { plan: options.plan, path: options.path } satisfies FeedbackOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
