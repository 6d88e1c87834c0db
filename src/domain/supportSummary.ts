import { cardSubmitAction } from './cardActions.js';
import type { Translate } from './i18n.js';
import { DETAIL_FIELDS, type DetailField, type VerificationDetails } from './verification.js';

/**
 * Escapes what Markdown would interpret inside a line, so user-typed text ("[click](http://example.com)",
 * "*bold*", "<b>") is shown literally. Values never start a line, so list and heading markers need no escape.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, (character) => `\\${character}`);
}

/**
 * The titles of the summary's buttons, already translated: each is what the review prompt recognises,
 * so pressing a button answers like typing its title.
 */
export interface SummaryButtons {
  confirm: string;
  correct: Record<DetailField, string>;
  stop: string;
}

/**
 * The verification summary as an Adaptive Card 1.5. Our labels are TextBlocks; what the admin typed
 * goes in RichTextBlock TextRuns, which hosts render as plain text (no Markdown, no links).
 * With buttons, each detail has its own "correct" button under it, and confirm / stop close the card
 * (small action sets: Teams shows at most six actions side by side).
 */
export function summaryCard(t: Translate, details: VerificationDetails, buttons?: SummaryButtons): Record<string, unknown> {
  const rows = DETAIL_FIELDS.map((field) => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: t(`support:fields.${field}`), weight: 'Bolder', wrap: true },
      details[field] === undefined
        ? { type: 'TextBlock', text: t('support:review.skipped'), isSubtle: true, wrap: true, spacing: 'None' }
        : { type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text: details[field] }] },
      ...(buttons ? [{ type: 'ActionSet', spacing: 'Small', actions: [cardSubmitAction(buttons.correct[field])] }] : []),
    ],
  }));
  const closing = buttons
    ? [
        // No 'positive' style on confirm: Web Chat's default colours for it fail the contrast check.
        { type: 'ActionSet', spacing: 'Large', actions: [cardSubmitAction(buttons.confirm), cardSubmitAction(buttons.stop)] },
      ]
    : [];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Shown by hosts that can't render this card version.
    fallbackText: summaryText(t, details),
    body: [{ type: 'TextBlock', text: t('support:review.title'), weight: 'Bolder', size: 'Medium', style: 'heading', wrap: true }, ...rows, ...closing],
  };
}

/** The summary as Markdown text for channels without cards, every user-typed value escaped. */
export function summaryText(t: Translate, details: VerificationDetails): string {
  const lines = DETAIL_FIELDS.map((field) => {
    const value = details[field];
    return `${t(`support:fields.${field}`)}: ${value === undefined ? t('support:review.skipped') : escapeMarkdown(value)}`;
  });
  return [t('support:review.title'), ...lines].join('\n\n');
}
