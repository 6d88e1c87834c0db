import { CardFactory, type ChannelAccount, type TurnContext } from 'botbuilder';
import type { Config, Language } from '../../domain/config.js';
import type { Translate } from '../../domain/i18n.js';
import { normalizeForMatching } from '../../domain/language.js';
import type { Logger } from '../../domain/logger.js';
import type { Stores } from '../../domain/storage/index.js';
import { turnLanguage } from '../../domain/turn.js';
import { DECLINED } from './feedbackQuery.js';
import { summarizeFeedback, type FeedbackSummary } from './feedbackSummary.js';
import { outcomeFunnel, type OutcomeFunnel } from './outcomeFunnel.js';

/** The period the chat summary covers. */
export const CHAT_SUMMARY_DAYS = 30;
const TOP_REASONS = 3;

// What an operator types to ask for the summary. Inputs we recognise, not texts we show.
const SUMMARY_PHRASES = new Set([
  'feedback summary',
  'summary of feedback',
  'summarize feedback',
  'sammanfattning av feedback',
  'feedbacksammanfattning',
  'sammanfatta feedback',
]);

export function isFeedbackSummaryRequest(text: string | undefined): boolean {
  // In Teams channels and group chats the text starts with the bot's mention: <at>Bot</at> feedback summary.
  const withoutMentions = (text ?? '').replace(/<at>.*?<\/at>/gi, ' ');
  return SUMMARY_PHRASES.has(normalizeForMatching(withoutMentions));
}

/** Teams identifies users by `from.id` (29:…) and by `aadObjectId`; either may be listed. */
export function isOperator(from: Partial<ChannelAccount> | undefined, operatorUserIds: readonly string[]): boolean {
  if (!from) return false;
  return [from.id, from.aadObjectId].some((id) => id !== undefined && id !== '' && operatorUserIds.includes(id));
}

/** The summary card (Adaptive Card 1.5) with a plain-text fallback for clients that cannot show cards. */
export function feedbackSummaryCard(
  feedback: FeedbackSummary,
  outcomes: OutcomeFunnel,
  t: Translate,
  language: Language,
): Record<string, unknown> {
  const percent = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-US', { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-US');
  const title = t('report:chat.title', { days: CHAT_SUMMARY_DAYS });
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
  const lines = [title];
  if (feedback.total === 0) {
    const empty = t('report:chat.empty', { days: CHAT_SUMMARY_DAYS });
    body.push({ type: 'TextBlock', text: empty, wrap: true });
    lines.push(empty);
  } else {
    const facts = [
      { title: t('report:chat.total'), value: number.format(feedback.total) },
      { title: t('report:chat.declined'), value: percent.format(feedback.declinedShare ?? 0) },
      { title: t('report:chat.conversations'), value: number.format(outcomes.conversations) },
      { title: t('report:chat.escalationRate'), value: outcomes.escalationRate === null ? '–' : percent.format(outcomes.escalationRate) },
    ];
    const top = feedback.reasons
      .filter((entry) => entry.reason !== DECLINED && entry.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP_REASONS)
      .map((entry) =>
        t('report:chat.reasonLine', {
          reason: t(`feedback:reasons.${entry.reason}`, { defaultValue: entry.reason }),
          count: number.format(entry.count),
        }),
      );
    body.push({ type: 'FactSet', facts });
    lines.push(...facts.map((fact) => `${fact.title}: ${fact.value}`));
    if (top.length > 0) {
      body.push({ type: 'TextBlock', text: t('report:chat.topReasons'), weight: 'Bolder', wrap: true, spacing: 'Medium' });
      body.push(...top.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })));
      lines.push(t('report:chat.topReasons'), ...top);
    }
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: language,
    fallbackText: lines.join('\n'),
    body,
  };
}

export interface OperatorSummaryDependencies {
  config: Pick<Config, 'operatorUserIds' | 'defaultTimezone'>;
  stores: Pick<Stores, 'feedback' | 'outcomes'>;
  logger: Logger;
}

/**
 * Answers "feedback summary" / "sammanfattning av feedback" from an operator (OPERATOR_USER_IDS)
 * with a summary card of the last 30 days. Returns false for everything else, so other users and
 * other messages go on to the dialogs as usual.
 */
export function operatorFeedbackSummary({ config, stores, logger }: OperatorSummaryDependencies) {
  return async (context: TurnContext): Promise<boolean> => {
    if (!isFeedbackSummaryRequest(context.activity.text)) return false;
    if (!isOperator(context.activity.from, config.operatorUserIds)) return false;
    const { language, t } = turnLanguage(context);
    const from = new Date(Date.now() - CHAT_SUMMARY_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const feedback = summarizeFeedback(await stores.feedback.list({ from }), config.defaultTimezone);
    const outcomes = outcomeFunnel(await stores.outcomes.list({ from }));
    const card = feedbackSummaryCard(feedback, outcomes, t, language);
    await context.sendActivity({
      type: 'message',
      summary: t('report:chat.title', { days: CHAT_SUMMARY_DAYS }),
      attachments: [CardFactory.adaptiveCard(card)],
    });
    logger.info('feedback summary sent', { conversationId: context.activity.conversation?.id, feedbackCount: feedback.total });
    return true;
  };
}
