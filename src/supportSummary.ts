import { CardFactory, Channels, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Translate } from './i18n.js';
import { DETAIL_FIELDS, type VerificationDetails } from './verification.js';

/** Channels that render Adaptive Cards 1.5; everywhere else the summary goes as plain text. */
const CARD_CHANNELS: ReadonlySet<string> = new Set([Channels.Msteams, Channels.Webchat, Channels.Directline, Channels.Emulator]);

export function supportsAdaptiveCards(context: TurnContext): boolean {
  return CARD_CHANNELS.has(context.activity.channelId);
}

/**
 * Escapes what Markdown would interpret inside a line, so user-typed text ("[click](http://example.com)",
 * "*bold*", "<b>") is shown literally. Values never start a line, so list and heading markers need no escape.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, (character) => `\\${character}`);
}

/**
 * The verification summary as an Adaptive Card 1.5. Our labels are TextBlocks; what the admin typed
 * goes in RichTextBlock TextRuns, which hosts render as plain text (no Markdown, no links).
 */
export function summaryCard(t: Translate, details: VerificationDetails): Record<string, unknown> {
  const rows = DETAIL_FIELDS.map((field) => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: t(`support:fields.${field}`), weight: 'Bolder', wrap: true },
      details[field] === undefined
        ? { type: 'TextBlock', text: t('support:review.skipped'), isSubtle: true, wrap: true, spacing: 'None' }
        : { type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text: details[field] }] },
    ],
  }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Shown by hosts that can't render this card version.
    fallbackText: summaryText(t, details),
    body: [{ type: 'TextBlock', text: t('support:review.title'), weight: 'Bolder', size: 'Medium', wrap: true }, ...rows],
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

/** The summary message for this channel: a card where cards render, Markdown text elsewhere. */
export function summaryActivity(context: TurnContext, t: Translate, details: VerificationDetails): Partial<Activity> {
  if (supportsAdaptiveCards(context)) return MessageFactory.attachment(CardFactory.adaptiveCard(summaryCard(t, details)));
  return MessageFactory.text(summaryText(t, details));
}
