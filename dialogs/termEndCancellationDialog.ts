import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { stepListActivity } from '../src/domain/stepListCards.js';
import { daysAfter, daysFromToday, formatDate, parseDateInput, userTimeZone } from '../src/domain/dates.js';
import { normalizeForMatching } from '../src/domain/language.js';
import type { PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import { AFTER_CANCELLATION_DIALOG, AfterCancellationDialog, type AfterCancellationOptions } from './afterCancellationDialog.js';
import type { DialogDependencies } from './dependencies.js';
import { PathDialog } from './pathDialog.js';
import { LocalizedConfirmPrompt, LocalizedTextPrompt, localizedPrompt } from './prompts.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const TERM_END_CANCELLATION_DIALOG = 'termEndCancellation';
const KNOWS_DATE_PROMPT = `${TERM_END_CANCELLATION_DIALOG}.knowsDatePrompt`;
const DATE_PROMPT = `${TERM_END_CANCELLATION_DIALOG}.datePrompt`;

export interface TermEndCancellationOptions {
  plan: PlanId;
}

/**
 * F06: cancelling at the end of the term by turning off auto-renew. Optionally asks the term's end
 * date to say the day the subscription ends and billing stops, then the checklist, F03 and F05.
 */
export class TermEndCancellationDialog extends PathDialog {
  readonly path = 'termEnd';

  constructor(private readonly deps: DialogDependencies) {
    super(TERM_END_CANCELLATION_DIALOG, deps.outcomes);
    this.addDialog(
      new WaterfallDialog(`${TERM_END_CANCELLATION_DIALOG}.steps`, [
        this.showStepsStep.bind(this),
        this.askDateStep.bind(this),
        this.wrapUpStep.bind(this),
        this.doneStep.bind(this),
      ]),
    );
    this.addDialog(new LocalizedConfirmPrompt(KNOWS_DATE_PROMPT, deps.i18n));
    this.addDialog(new LocalizedTextPrompt(DATE_PROMPT, (prompt) => Promise.resolve(this.readDate(prompt.context, prompt.recognized.value) !== undefined)));
    this.addDialog(new AfterCancellationDialog(deps));
    // Asking for support at a question of this path starts it here, on top of the question (src/bot/interruptions.ts).
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = `${TERM_END_CANCELLATION_DIALOG}.steps`;
  }

  /** The typed term end as an ISO date, null when the admin skips, undefined when it is no (future) date. */
  private readDate(context: TurnContext, typed: string | undefined): string | null | undefined {
    const { t, language } = turnLanguage(context);
    const text = typed?.trim() ?? '';
    const skipWords = (t('cancel:termEnd.skipSynonyms', { returnObjects: true }) as string[]).map(normalizeForMatching);
    if (skipWords.includes(normalizeForMatching(text))) return null;
    const today = daysFromToday(userTimeZone(context, this.deps.config), 0);
    const date = parseDateInput(text, language, today);
    return date && date >= today ? date : undefined;
  }

  private async showStepsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { plan } = step.options as TermEndCancellationOptions;
    const { t } = turnLanguage(step.context);
    await this.deps.outcomes.track(step.context, { path: 'termEnd', step: 'autoRenewSteps', plan });
    await step.context.sendActivity(
      stepListActivity(step.context, {
        heading: t('cancel:termEnd.stepsTitle'),
        intro: t('facts:F06.intro'),
        steps: [t('facts:F06.step1'), t('facts:F06.step2')],
        outro: t('facts:F06.outcome'),
      }),
    );
    return step.prompt(KNOWS_DATE_PROMPT, localizedPrompt({ prompt: { key: 'cancel:termEnd.askKnowsDate' }, retryPrompt: { key: 'cancel:termEnd.askKnowsDateRetry' }, step: { number: 1, total: 2 } }));
  }

  private async askDateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) return step.next();
    // A date a year from today: always a valid answer (a term end in the future).
    const example = daysFromToday(userTimeZone(step.context, this.deps.config), 365);
    return step.prompt(
      DATE_PROMPT,
      localizedPrompt({
        prompt: { key: 'cancel:termEnd.askDate' },
        retryPrompt: { key: 'cancel:termEnd.dateRetry' },
        step: { number: 2, total: 2 },
        example: { key: 'cancel:termEnd.example', args: { date: example } },
      }),
    );
  }

  private async wrapUpStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { plan } = step.options as TermEndCancellationOptions;
    const { t, language } = turnLanguage(step.context);
    const termEnd = typeof step.result === 'string' ? this.readDate(step.context, step.result) : undefined;
    if (termEnd) await step.context.sendActivity(t('facts:F06.outcomeOn', { date: formatDate(termEnd, language) }));
    await this.deps.outcomes.track(step.context, { path: 'termEnd', ending: 'termEndSteps', plan });
    const lastReactivationDay = termEnd ? daysAfter(termEnd, 90) : undefined;
    return step.beginDialog(AFTER_CANCELLATION_DIALOG, {
      plan,
      path: 'termEnd',
      items: [{ key: 'cancel:checklist.items.turnOffAutoRenew' }],
      dates:
        termEnd && lastReactivationDay
          ? [
              { labelKey: 'cancel:checklist.dates.termEnds', date: termEnd },
              { labelKey: 'cancel:checklist.dates.reactivateUntil', date: lastReactivationDay },
            ]
          : [],
      reactivation: lastReactivationDay
        ? { key: 'facts:F03.reactivateAfterTermEnd', date: lastReactivationDay }
        : { key: 'facts:F03.reactivate' },
    } satisfies AfterCancellationOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
