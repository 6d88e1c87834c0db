import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { stepListActivity } from '../src/domain/stepListCards.js';
import { daysFromToday, formatDate, userTimeZone } from '../src/domain/dates.js';
import type { Ending, MilestoneStep } from '../src/domain/outcomes.js';
import type { PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import {
  AFTER_CANCELLATION_DIALOG,
  AfterCancellationDialog,
  callSupportItem,
  supportEnding,
  type AfterCancellationOptions,
  type ChecklistDate,
  type ChecklistLine,
} from './afterCancellationDialog.js';
import type { DialogDependencies } from './dependencies.js';
import { PathDialog } from './pathDialog.js';
import { LocalizedChoicePrompt, LocalizedConfirmPrompt, localizedPrompt } from './prompts.js';
import { QUICK_RECALL_DIALOG, QuickRecallDialog, type QuickRecallOptions, type QuickRecallResult } from './quickRecallDialog.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions, type SupportEscalationResult } from './supportEscalationContract.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';
import { TERM_END_CANCELLATION_DIALOG, TermEndCancellationDialog, type TermEndCancellationOptions } from './termEndCancellationDialog.js';

export const IMMEDIATE_CANCELLATION_DIALOG = 'immediateCancellation';
const FEE_PROMPT = `${IMMEDIATE_CANCELLATION_DIALOG}.feePrompt`;
const DOMAIN_PROMPT = `${IMMEDIATE_CANCELLATION_DIALOG}.domainPrompt`;
const AFTER_DATA_PROMPT = `${IMMEDIATE_CANCELLATION_DIALOG}.afterDataPrompt`;
const FOUND_CANCEL_PROMPT = `${IMMEDIATE_CANCELLATION_DIALOG}.foundCancelPrompt`;

/** The seed's steps for cancelling before the term ends: domains (F10), data (F11), cancel (F12/F13). */
const TOTAL_STEPS = 3;

export interface ImmediateCancellationOptions {
  plan: PlanId;
}

/** What the path has learnt so far, kept in the waterfall's values. */
interface ImmediateValues {
  ownDomain?: boolean;
  deletionDate?: string;
  quickRecall?: QuickRecallResult;
  support?: SupportEscalationResult;
  cancelledInPortal?: boolean;
}

/**
 * Cancelling now, before the term ends. The early-termination-fee warning (F09) comes first, with an
 * explicit confirmation and the switch to term end; then, in the seed's order: remove domains (F10),
 * save your data (F11, with the deletion date; quick recall F04 offered once), and cancel: Small
 * Business in the portal (F12, F13 when Cancel subscription is missing), the others through support (F13).
 */
export class ImmediateCancellationDialog extends PathDialog {
  readonly path = 'immediate';

  constructor(private readonly deps: DialogDependencies) {
    super(IMMEDIATE_CANCELLATION_DIALOG, deps.outcomes);
    this.addDialog(
      new WaterfallDialog(`${IMMEDIATE_CANCELLATION_DIALOG}.steps`, [
        this.feeWarningStep.bind(this),
        this.askDomainStep.bind(this),
        this.saveDataStep.bind(this),
        this.quickRecallStep.bind(this),
        this.cancelStep.bind(this),
        this.supportIfNeededStep.bind(this),
        this.wrapUpStep.bind(this),
        this.doneStep.bind(this),
      ]),
    );
    this.addDialog(new LocalizedConfirmPrompt(FEE_PROMPT, deps.i18n));
    this.addDialog(new LocalizedConfirmPrompt(DOMAIN_PROMPT, deps.i18n));
    this.addDialog(new LocalizedChoicePrompt(AFTER_DATA_PROMPT, deps.i18n));
    this.addDialog(new LocalizedChoicePrompt(FOUND_CANCEL_PROMPT, deps.i18n));
    // Every dialog this path begins (or replaces itself with) is registered here: a re-prompt builds
    // this component's inner context without a parent, and finds only what is registered here.
    this.addDialog(new TermEndCancellationDialog(deps));
    this.addDialog(new QuickRecallDialog(deps));
    this.addDialog(new SupportEscalationDialog(deps));
    this.addDialog(new AfterCancellationDialog(deps));
    this.initialDialogId = `${IMMEDIATE_CANCELLATION_DIALOG}.steps`;
  }

  private plan(step: WaterfallStepContext): PlanId {
    return (step.options as ImmediateCancellationOptions).plan;
  }

  private values(step: WaterfallStepContext): ImmediateValues {
    return step.values as ImmediateValues;
  }

  private track(step: WaterfallStepContext, milestone: { step?: MilestoneStep; ending?: Ending }) {
    return this.deps.outcomes.track(step.context, { path: 'immediate', plan: this.plan(step), ...milestone });
  }

  private async feeWarningStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.track(step, { step: 'feeWarning' });
    await step.context.sendActivity(turnLanguage(step.context).t('facts:F09.fee'));
    // The confirmation comes before the path's numbered steps: "step 0" for help.
    return step.prompt(FEE_PROMPT, localizedPrompt({ prompt: { key: 'cancel:now.confirmFee' }, retryPrompt: { key: 'cancel:now.confirmFeeRetry' }, step: { number: 0, total: TOTAL_STEPS } }));
  }

  private async askDomainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await this.track(step, { step: 'switchedToTermEnd' });
      await step.context.sendActivity(turnLanguage(step.context).t('cancel:now.switchedToTermEnd'));
      return step.replaceDialog(TERM_END_CANCELLATION_DIALOG, { plan: this.plan(step) } satisfies TermEndCancellationOptions);
    }
    await this.track(step, { step: 'domains' });
    return step.prompt(DOMAIN_PROMPT, localizedPrompt({ prompt: { key: 'cancel:now.askOwnDomain', args: { number: 1, total: TOTAL_STEPS } }, retryPrompt: { key: 'cancel:now.askOwnDomainRetry' }, step: { number: 1, total: TOTAL_STEPS } }));
  }

  private async saveDataStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t, language } = turnLanguage(step.context);
    const values = this.values(step);
    values.ownDomain = step.result === true;
    await step.context.sendActivity(t(values.ownDomain ? 'facts:F10.domains' : 'cancel:now.noOwnDomain'));

    await this.track(step, { step: 'saveData' });
    values.deletionDate = daysFromToday(userTimeZone(step.context, this.deps.config), 90);
    await step.context.sendActivity(
      [
        t('cancel:now.saveDataTitle', { number: 2, total: TOTAL_STEPS }),
        `${t('facts:F11.saveData')} ${t('facts:F11.deletedOn', { date: formatDate(values.deletionDate, language) })}`,
      ].join('\n\n'),
    );
    return step.prompt(
      AFTER_DATA_PROMPT,
      localizedPrompt({
        prompt: { key: 'cancel:now.offerQuickRecall' },
        retryPrompt: { key: 'cancel:now.offerRetry' },
        step: { number: 2, total: TOTAL_STEPS },
        choices: [
          { value: 'continue', titleKey: 'cancel:now.continue', synonymsKey: 'cancel:now.continueSynonyms' },
          { value: 'quickRecall', titleKey: 'cancel:now.quickRecall', synonymsKey: 'cancel:now.quickRecallSynonyms' },
        ],
      }),
    );
  }

  private async quickRecallStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value !== 'quickRecall') return step.next();
    return step.beginDialog(QUICK_RECALL_DIALOG, { plan: this.plan(step) } satisfies QuickRecallOptions);
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const quickRecall = step.result as QuickRecallResult | undefined;
    if (quickRecall?.requested) {
      values.quickRecall = quickRecall;
      values.support = quickRecall.support;
      return step.next();
    }
    const { t } = turnLanguage(step.context);
    const plan = this.plan(step);
    await this.track(step, { step: 'cancel' });
    const title = t('cancel:now.cancelTitle', { number: 3, total: TOTAL_STEPS });
    if (plan !== 'smallBusiness') {
      await step.context.sendActivity(`${title}\n\n${t('facts:F13.callSupport')}`);
      return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { plan, reason: 'enterpriseOrMidsize', path: 'immediate' } satisfies SupportEscalationOptions);
    }
    await step.context.sendActivity(
      stepListActivity(step.context, {
        heading: title,
        intro: t('facts:F12.intro'),
        steps: [t('facts:F12.step1'), t('facts:F12.step2'), t('facts:F12.step3')],
        outro: t('facts:F13.noCancelOption'),
      }),
    );
    return step.prompt(
      FOUND_CANCEL_PROMPT,
      localizedPrompt({
        prompt: { key: 'cancel:now.askFoundCancel' },
        retryPrompt: { key: 'cancel:now.foundRetry' },
        step: { number: 3, total: TOTAL_STEPS },
        choices: [
          { value: 'found', titleKey: 'cancel:now.found', synonymsKey: 'cancel:now.foundSynonyms' },
          { value: 'notFound', titleKey: 'cancel:now.notFound', synonymsKey: 'cancel:now.notFoundSynonyms' },
        ],
      }),
    );
  }

  private async supportIfNeededStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (values.quickRecall) return step.next();
    const plan = this.plan(step);
    if (plan !== 'smallBusiness') {
      values.support = step.result as SupportEscalationResult | undefined;
      return step.next();
    }
    if ((step.result as FoundChoice).value === 'found') {
      values.cancelledInPortal = true;
      return step.next();
    }
    await this.track(step, { step: 'noCancelOption' });
    return step.beginDialog(SUPPORT_ESCALATION_DIALOG, { plan, reason: 'noCancelOption', path: 'immediate' } satisfies SupportEscalationOptions);
  }

  private async wrapUpStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (!values.quickRecall && !values.cancelledInPortal && this.plan(step) === 'smallBusiness') {
      values.support = step.result as SupportEscalationResult | undefined;
    }
    const ending: Ending = values.cancelledInPortal ? 'immediateSteps' : supportEnding(values.support);
    await this.track(step, { ending });
    if (ending !== 'immediateSteps' && ending !== 'escalated') return step.endDialog();

    const zone = userTimeZone(step.context, this.deps.config);
    const lastReactivationDay = daysFromToday(zone, 90);
    const items: ChecklistLine[] = [];
    if (values.ownDomain) items.push({ key: 'cancel:checklist.items.removeDomains' });
    items.push({ key: 'cancel:checklist.items.saveData' });
    const dates: ChecklistDate[] = [];
    if (values.quickRecall) {
      const reference = values.support?.caseReference;
      items.push(reference ? { key: 'cancel:checklist.items.quickRecall', args: { reference } } : { key: 'cancel:checklist.items.quickRecallNoReference' });
      dates.push({ labelKey: 'cancel:checklist.dates.quickRecallDeleted', date: values.quickRecall.deletionDate! });
    } else {
      items.push(values.cancelledInPortal ? { key: 'cancel:checklist.items.cancelInPortal' } : callSupportItem(values.support));
      dates.push(
        { labelKey: 'cancel:checklist.dates.dataDeleted', date: values.deletionDate! },
        { labelKey: 'cancel:checklist.dates.reactivateUntil', date: lastReactivationDay },
      );
    }
    return step.beginDialog(AFTER_CANCELLATION_DIALOG, {
      plan: this.plan(step),
      path: 'immediate',
      items,
      dates,
      // Quick recall deletes everything within 3 days: no reactivation to promise (F04).
      ...(values.quickRecall ? {} : { reactivation: { key: 'facts:F03.reactivateUntil', date: lastReactivationDay } }),
    } satisfies AfterCancellationOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
