import { CardFactory, type Attachment, type TurnContext } from 'botbuilder';
import type { Choice, PromptOptions } from 'botbuilder-dialogs';
import { supportsAdaptiveCards } from '../src/domain/channel.js';
import { summaryCard, summaryText, type SummaryButtons } from '../src/domain/supportSummary.js';
import { tr } from '../src/domain/turn.js';
import { DETAIL_FIELDS, type DetailField, type VerificationDetails } from '../src/domain/verification.js';
import { LocalizedChoicePrompt, localizedPrompt } from './prompts.js';

/** What the review prompt answers: confirm, correct one detail, or stop. */
export type ReviewChoice = 'confirm' | `correct.${DetailField}` | 'stop';

const correctChoice = (field: DetailField): ReviewChoice => `correct.${field}`;

interface ReviewValidations {
  /** The details to show: in dialog state only while the review is pending, like the collection itself. */
  summary: VerificationDetails;
}

/** The prompt options for reviewing these details: the summary with confirm / correct each detail / stop. */
export function summaryReviewOptions(details: VerificationDetails): PromptOptions {
  const options = localizedPrompt({
    prompt: { key: 'support:review.ask' },
    retryPrompt: { key: 'support:review.retry' },
    step: { number: 3, total: 3 },
    choices: [
      { value: 'confirm', titleKey: 'support:review.confirm', synonymsKey: 'prompts:yesSynonyms' },
      ...DETAIL_FIELDS.map((field) => ({ value: correctChoice(field), titleKey: `support:review.correct.${field}` })),
      { value: 'stop', titleKey: 'support:review.stop', synonymsKey: 'support:commands.stop' },
    ],
  });
  return { ...options, validations: { ...(options.validations as object), summary: details } satisfies ReviewValidations };
}

/**
 * Shows the verification summary and asks to confirm or correct it. Where cards render, the summary
 * is an Adaptive Card whose buttons ARE the prompt's choices (each posts its title, as a typed answer
 * would), and the prompt shows no second set of buttons. Elsewhere the summary goes as text before the
 * question, whose choices are suggested actions. A re-ask (e.g. after a language switch) shows the
 * summary again in the new language, so its buttons match what the prompt then recognises.
 */
export class SummaryReviewPrompt extends LocalizedChoicePrompt {
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (!isRetry && !supportsAdaptiveCards(context)) await context.sendActivity(summaryText(tr(context), summaryOf(options)));
    await super.onPrompt(context, state, options, isRetry);
  }

  protected override choicesCard(context: TurnContext, options: PromptOptions, choices: Choice[]): Attachment | undefined {
    if (!supportsAdaptiveCards(context)) return undefined;
    const title = (value: ReviewChoice) => {
      const choice = choices.find((candidate) => candidate.value === value);
      return choice?.action?.title ?? value;
    };
    const buttons: SummaryButtons = {
      confirm: title('confirm'),
      correct: Object.fromEntries(DETAIL_FIELDS.map((field) => [field, title(correctChoice(field))])) as Record<DetailField, string>,
      stop: title('stop'),
    };
    return CardFactory.adaptiveCard(summaryCard(tr(context), summaryOf(options), buttons));
  }
}

function summaryOf(options: PromptOptions): VerificationDetails {
  return (options.validations as Partial<ReviewValidations> | undefined)?.summary ?? {};
}
