import { randomUUID } from 'node:crypto';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeForMatching } from '../src/domain/language.js';
import type { PathName } from '../src/domain/outcomes.js';
import { FEEDBACK_REASONS, type FeedbackReason, type PlanId } from '../src/domain/plans.js';
import { turnLanguage } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedChoicePrompt, LocalizedTextPrompt, localizedPrompt } from './prompts.js';
import { SupportEscalationDialog } from './supportEscalationDialog.js';

export const FEEDBACK_DIALOG = 'feedback';
const REASON_PROMPT = `${FEEDBACK_DIALOG}.reasonPrompt`;
const COMMENT_PROMPT = `${FEEDBACK_DIALOG}.commentPrompt`;
const NO_THANKS = 'noThanks';
/** Comments are kept short: enough for a reason, too short to be a dump of anything else. */
export const MAX_COMMENT_LENGTH = 500;

// Feedback holds no personal data: e-mail addresses and phone numbers typed into a comment anyway are
// blanked before it is stored. Only the shapes phone numbers are written in count, so years,
// amounts, version numbers and order numbers keep the comment's meaning.
const EMAIL = /[^\s@]+@[^\s@]*[^\s@.,;:!?)]/g;
/** Not inside a longer number ("1 070 123 456 kr", "16.0.17328"). */
const NOT_AFTER_A_NUMBER = String.raw`(?<![\d+]|\d[ .,-])`;
/** +46 70 123 45 67, 0046 8 123 456, +46 (8) 555 000 00, +1 (555) 123-4567: the country code makes it a phone number. */
const INTERNATIONAL_PHONE = new RegExp(String.raw`(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,4}){2,6}(?!\d)`, 'g');
/** 070-123 45 67, 08-123 456 78, 0701234567, (08) 12 34 56: a trunk 0 and area code, then a number not starting with 0. */
const SWEDISH_PHONE = new RegExp(String.raw`${NOT_AFTER_A_NUMBER}\(?0[1-9]\d{0,2}\)?[ -]?[1-9]\d{1,2}(?:[ -]?\d{2,3}){1,3}(?!\d)`, 'g');
/** (555) 123-4567, 555-123-4567, 555.123.4567. */
const NORTH_AMERICAN_PHONE = new RegExp(String.raw`${NOT_AFTER_A_NUMBER}(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)`, 'g');
const REDACTED = '[…]';

const digitCount = (text: string) => text.replace(/\D/g, '').length;
/** A match with as many digits as such a number has; otherwise the text is left as it was. */
const blankWhenDigits = (min: number, max: number) => (match: string) => {
  const digits = digitCount(match);
  return digits >= min && digits <= max ? REDACTED : match;
};

export function withoutContactDetails(comment: string): string {
  return comment
    .replace(EMAIL, REDACTED)
    .replace(INTERNATIONAL_PHONE, blankWhenDigits(8, 17))
    .replace(SWEDISH_PHONE, blankWhenDigits(8, 10))
    .replace(NORTH_AMERICAN_PHONE, REDACTED);
}

export interface FeedbackOptions {
  plan?: PlanId;
  path: PathName;
}

/**
 * F05: asks, politely and declinably, why the admin cancels: a fixed reason and an optional comment.
 * Stores one FeedbackRecord (reason null when declined); no personal data.
 */
export class FeedbackDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(FEEDBACK_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${FEEDBACK_DIALOG}.steps`, [this.askReasonStep.bind(this), this.askCommentStep.bind(this), this.storeStep.bind(this)]),
    );
    this.addDialog(new LocalizedChoicePrompt(REASON_PROMPT, deps.i18n));
    this.addDialog(new LocalizedTextPrompt(COMMENT_PROMPT));
    // Asking for support at the feedback questions starts it here, on top of the question (src/bot/interruptions.ts).
    this.addDialog(new SupportEscalationDialog(deps));
    this.initialDialogId = `${FEEDBACK_DIALOG}.steps`;
  }

  private async askReasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      REASON_PROMPT,
      localizedPrompt({
        prompt: { key: 'facts:F05.askWhy' },
        retryPrompt: { key: 'cancel:feedback.retry' },
        step: { number: 1, total: 2 },
        choices: [
          ...FEEDBACK_REASONS.map((reason) => ({ value: reason, titleKey: `feedback:reasons.${reason}` })),
          { value: NO_THANKS, titleKey: 'cancel:feedback.noThanks', synonymsKey: 'cancel:feedback.noThanksSynonyms' },
        ],
      }),
    );
  }

  private async askCommentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as FoundChoice).value;
    if (choice === NO_THANKS) {
      await this.store(step, null, undefined);
      await step.context.sendActivity(turnLanguage(step.context).t('cancel:feedback.declined'));
      return step.endDialog();
    }
    (step.values as { reason?: FeedbackReason }).reason = choice as FeedbackReason;
    return step.prompt(COMMENT_PROMPT, localizedPrompt({ prompt: { key: 'cancel:feedback.askComment' }, step: { number: 2, total: 2 }, example: { key: 'cancel:feedback.example' } }));
  }

  private async storeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnLanguage(step.context);
    const typed = String(step.result ?? '').trim();
    const skipWords = (t('cancel:feedback.commentSkipSynonyms', { returnObjects: true }) as string[]).map(normalizeForMatching);
    const skipped = typed === '' || skipWords.includes(normalizeForMatching(typed));
    const comment = skipped ? undefined : withoutContactDetails(typed).slice(0, MAX_COMMENT_LENGTH);
    await this.store(step, (step.values as { reason?: FeedbackReason }).reason!, comment);
    await step.context.sendActivity(t('cancel:feedback.thanks'));
    return step.endDialog();
  }

  private async store(step: WaterfallStepContext, reason: FeedbackReason | null, comment: string | undefined): Promise<void> {
    const { plan, path } = step.options as FeedbackOptions;
    await this.deps.stores.feedback.insert({
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      reason,
      ...(comment ? { comment } : {}),
      ...(plan ? { plan } : {}),
      path,
      locale: turnLanguage(step.context).language,
    });
    await this.deps.outcomes.track(step.context, { path, step: reason ? 'feedbackGiven' : 'feedbackDeclined', ...(plan ? { plan } : {}) });
  }
}
