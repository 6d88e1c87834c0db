import { randomUUID } from 'node:crypto';
import { ActivityTypes, EventFactory, type Activity, type Transcript, type TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { hashId } from '../src/domain/outcomes.js';
import type { CaseRecord } from '../src/domain/storage/records.js';
import { reserveCaseReference, supportCommand, type SupportCommand } from '../src/domain/supportCase.js';
import { tr, turnLanguage } from '../src/domain/turn.js';
import { DETAIL_FIELDS, validateDetail, type DetailField, type VerificationDetails } from '../src/domain/verification.js';
import type { DialogDependencies } from './dependencies.js';
import { PathDialog } from './pathDialog.js';
import { LocalizedConfirmPrompt, LocalizedTextPrompt, localizedPrompt } from './prompts.js';
import { SummaryReviewPrompt, summaryReviewOptions, type ReviewChoice } from './summaryReviewPrompt.js';
import {
  SUPPORT_ESCALATION_DIALOG,
  type SupportEscalationOptions,
  type SupportEscalationResult,
} from './supportEscalationContract.js';

const MAIN = `${SUPPORT_ESCALATION_DIALOG}.steps`;
const DETAIL = `${SUPPORT_ESCALATION_DIALOG}.detail`;
const REVIEW = `${SUPPORT_ESCALATION_DIALOG}.review`;
const ADMIN_PROMPT = `${SUPPORT_ESCALATION_DIALOG}.adminPrompt`;
const REVIEW_PROMPT = `${SUPPORT_ESCALATION_DIALOG}.reviewPrompt`;
const detailPrompt = (field: DetailField) => `${SUPPORT_ESCALATION_DIALOG}.ask.${field}`;

/**
 * The collection's working state. It lives in dialog state only (never in logs or the result), so it
 * goes when the dialog ends, is cancelled or is restarted.
 */
interface Collection {
  details: VerificationDetails;
  /** Which steps happened, without the personal data: goes with the case to the agent. */
  steps: string[];
}

interface DetailLoopOptions extends Collection {
  /** The fields still to ask, in order. */
  remaining: DetailField[];
}

/** What the detail loop and the review hand back: the collection, or that the admin stopped. */
type CollectionResult = ({ stopped: false } & Collection) | { stopped: true };

/** What the review hands back besides stopping: the admin confirmed the (possibly corrected) details. */
type ReviewResult = ({ confirmed: true } & Collection) | { stopped: true };

interface MainValues {
  options: SupportEscalationOptions;
}

/** What an agent system needs so it does not ask again: the case, and which steps happened. */
export interface HandoffContext {
  caseReference: string;
  reason: SupportEscalationOptions['reason'];
  plan?: string;
  path?: string;
  locale: CaseRecord['locale'];
  details: CaseRecord['details'];
  transcriptSummary: string[];
}

/**
 * The `handoff.initiate` event: the case as its value, and the step summary (no personal data) as
 * the transcript, one bot message per step, for agent systems that read only the transcript.
 */
function handoffEvent(context: TurnContext, options: SupportEscalationOptions, record: CaseRecord): Partial<Activity> {
  const handoff: HandoffContext = {
    caseReference: record.reference,
    reason: options.reason,
    plan: record.plan,
    path: record.path,
    locale: record.locale,
    details: record.details,
    transcriptSummary: record.transcriptSummary,
  };
  const transcript: Transcript = {
    activities: record.transcriptSummary.map(
      (summaryStep) => ({ type: ActivityTypes.Message, from: context.activity.recipient, text: summaryStep }) as Activity,
    ),
  };
  return EventFactory.createHandoffInitiation(context, handoff, transcript);
}

/**
 * The support path (F13–F15): checks the caller is an administrator of the account, collects the
 * five details support asks for (F14), shows them to confirm or correct, then stores the case,
 * hands it off (`handoff.initiate`) and tells the admin how to reach support.
 */
export class SupportEscalationDialog extends PathDialog {
  readonly path = 'support';
  /** Its prompts take "stop" as stopping the support step, back to the path: only "end the conversation" ends everything. */
  readonly stopsItself = true;

  constructor(private readonly deps: DialogDependencies) {
    super(SUPPORT_ESCALATION_DIALOG, deps.outcomes);
    this.addDialog(
      new WaterfallDialog(MAIN, [
        this.askAdminStep.bind(this),
        this.checkAdminStep.bind(this),
        this.reviewStep.bind(this),
        this.escalateStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(DETAIL, [this.askDetailStep.bind(this), this.keepDetailStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(REVIEW, [this.showSummaryStep.bind(this), this.handleReviewStep.bind(this), this.afterCorrectionStep.bind(this)]),
    );
    this.addDialog(new LocalizedConfirmPrompt(ADMIN_PROMPT, deps.i18n, (prompt) => this.acceptAnswerOrStop(prompt)));
    this.addDialog(new SummaryReviewPrompt(REVIEW_PROMPT, deps.i18n));
    for (const field of DETAIL_FIELDS) {
      this.addDialog(new LocalizedTextPrompt(detailPrompt(field), (prompt) => this.validateDetailInput(field, prompt)));
    }
    this.initialDialogId = MAIN;
  }

  // ---- main path ----

  private async askAdminStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as SupportEscalationOptions;
    (step.values as MainValues).options = options;
    await this.deps.outcomes.track(step.context, { path: 'support', step: 'adminCheck', plan: options.plan });
    await step.context.sendActivity(tr(step.context)('facts:F15.mustBeAdmin'));
    return step.prompt(ADMIN_PROMPT, localizedPrompt({ prompt: { key: 'support:admin.ask' }, retryPrompt: { key: 'support:admin.retry' }, step: { number: 1, total: 3 } }));
  }

  private async checkAdminStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = step.values as MainValues;
    if (step.result === undefined) return this.stop(step, options);
    if (step.result !== true) {
      await step.context.sendActivity(tr(step.context)('support:admin.notAdmin'));
      return this.finish(step, options, { outcome: 'notAdmin' }, 'notAdmin');
    }
    await this.deps.outcomes.track(step.context, { path: 'support', step: 'details', plan: options.plan });
    await step.context.sendActivity(tr(step.context)('support:collect.intro'));
    const start: DetailLoopOptions = {
      details: {},
      steps: [`reason:${options.reason}`, 'adminConfirmed'],
      remaining: [...DETAIL_FIELDS],
    };
    return step.beginDialog(DETAIL, start);
  }

  private async reviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = step.values as MainValues;
    const collected = step.result as CollectionResult;
    if (collected.stopped) return this.stop(step, options);
    await this.deps.outcomes.track(step.context, { path: 'support', step: 'summary', plan: options.plan });
    const { details, steps } = collected;
    return step.beginDialog(REVIEW, { details, steps } satisfies Collection);
  }

  private async escalateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = step.values as MainValues;
    const reviewed = step.result as ReviewResult;
    if ('stopped' in reviewed) return this.stop(step, options);
    const record = await this.storeCase(step.context, options, { details: reviewed.details, steps: [...reviewed.steps, 'summaryConfirmed'] });
    await step.context.sendActivity(handoffEvent(step.context, options, record));
    await this.tellHowToReachSupport(step.context, record.reference);
    return this.finish(step, options, { outcome: 'escalated', caseReference: record.reference }, 'escalated');
  }

  private async storeCase(context: TurnContext, options: SupportEscalationOptions, collection: Collection): Promise<CaseRecord> {
    const reference = await reserveCaseReference(this.deps.stores.state);
    const record: CaseRecord = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      reference,
      locale: turnLanguage(context).language,
      plan: options.plan,
      path: options.path,
      userKey: hashId(context.activity.from?.id ?? 'unknown'),
      details: { ...collection.details },
      transcriptSummary: collection.steps,
    };
    await this.deps.stores.cases.insert(record);
    // Ids and outcomes only: the details never reach the log.
    this.deps.logger.info('support case stored', { reference, path: options.path, reason: options.reason });
    return record;
  }

  private async tellHowToReachSupport(context: TurnContext, reference: string): Promise<void> {
    const t = tr(context);
    const phone = this.deps.config.supportPhone;
    const how = phone ? t('support:escalated.callPhone', { phone }) : t('support:escalated.contactSupport');
    await context.sendActivity(`${t('support:escalated.reference', { reference })} ${how}`);
    const checklist = DETAIL_FIELDS.map((field, index) => `${index + 1}. ${t(`facts:F14.${field}`)}`);
    await context.sendActivity([t('facts:F14.intro'), ...checklist].join('\n'));
  }

  private async stop(step: WaterfallStepContext, options: SupportEscalationOptions): Promise<DialogTurnResult> {
    await step.context.sendActivity(tr(step.context)('support:stopped'));
    return this.finish(step, options, { outcome: 'stopped' }, 'stopped');
  }

  private async finish(
    step: WaterfallStepContext,
    options: SupportEscalationOptions,
    result: SupportEscalationResult,
    ending: 'escalated' | 'notAdmin' | 'stopped',
  ): Promise<DialogTurnResult> {
    await this.deps.outcomes.track(step.context, { path: 'support', ending, plan: options.plan });
    return step.endDialog(result);
  }

  // ---- the detail loop: one detail per turn ----

  private async askDetailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { remaining } = step.options as DetailLoopOptions;
    const field = remaining[0] as DetailField;
    return step.prompt(detailPrompt(field), localizedPrompt({ prompt: { key: `support:ask.${field}` }, step: { number: 2, total: 3 }, example: { key: `support:example.${field}` } }));
  }

  private async keepDetailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { details, steps, remaining } = step.options as DetailLoopOptions;
    const [field, ...rest] = remaining as [DetailField, ...DetailField[]];
    const input = String(step.result ?? '');
    const command = this.command(input);
    if (command === 'stop') return step.endDialog({ stopped: true } satisfies CollectionResult);
    const next: Collection = { details: { ...details }, steps: [...steps] };
    if (command === 'skip') {
      delete next.details[field];
      next.steps.push(`${field}:skipped`);
    } else {
      const validation = validateDetail(field, input);
      // The prompt's validator accepted it, so this holds; kept total for the type.
      if (validation.ok) next.details[field] = validation.value;
      next.steps.push(`${field}:given`);
    }
    if (rest.length > 0) return step.replaceDialog(DETAIL, { ...next, remaining: rest } satisfies DetailLoopOptions);
    return step.endDialog({ stopped: false, ...next } satisfies CollectionResult);
  }

  /** Accepts "skip"/"stop" or a valid detail; otherwise says what is wrong, in the admin's language. */
  private async validateDetailInput(field: DetailField, prompt: PromptValidatorContext<string>): Promise<boolean> {
    const input = prompt.recognized.value ?? '';
    if (this.command(input)) return true;
    const validation = validateDetail(field, input);
    if (validation.ok) return true;
    const t = tr(prompt.context);
    const problemText = validation.problems.map((key) => t(key)).join(' ');
    await prompt.context.sendActivity(t('support:retry', { problem: problemText }));
    return false;
  }

  /** A yes/no answer, or "stop" (answered as undefined). */
  private async acceptAnswerOrStop(prompt: PromptValidatorContext<boolean>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    return this.command(prompt.context.activity.text ?? '') === 'stop';
  }

  private command(input: string): SupportCommand | undefined {
    return supportCommand(this.deps.i18n, input);
  }

  // ---- the review: confirm, or correct one detail and review again ----

  private async showSummaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { details } = step.options as Collection;
    return step.prompt(REVIEW_PROMPT, summaryReviewOptions(details));
  }

  private async handleReviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const collection = step.options as Collection;
    const choice = (step.result as FoundChoice).value as ReviewChoice;
    if (choice === 'confirm') return step.endDialog({ confirmed: true, ...collection } satisfies ReviewResult);
    if (choice === 'stop') return step.endDialog({ stopped: true } satisfies ReviewResult);
    const field = choice.slice('correct.'.length) as DetailField;
    return step.beginDialog(DETAIL, {
      ...collection,
      steps: [...collection.steps, `corrected:${field}`],
      remaining: [field],
    } satisfies DetailLoopOptions);
  }

  private async afterCorrectionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const corrected = step.result as CollectionResult;
    if (corrected.stopped) return step.endDialog({ stopped: true } satisfies ReviewResult);
    const { details, steps } = corrected;
    return step.replaceDialog(REVIEW, { details, steps } satisfies Collection);
  }
}
