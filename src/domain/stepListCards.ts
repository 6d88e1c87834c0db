import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import { supportsAdaptiveCards } from './channel.js';

/** A numbered list of things to do, with an optional heading, intro and closing line. */
export interface StepList {
  heading?: string;
  intro?: string;
  steps: string[];
  outro?: string;
}

/** A checklist to keep: things to do, and the dates that matter. */
export interface Checklist {
  heading: string;
  items: string[];
  datesHeading?: string;
  dates: { label: string; value: string }[];
}

type CardElement = Record<string, unknown>;

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
const heading = (text: string): CardElement => textBlock(text, { weight: 'Bolder', size: 'Medium', style: 'heading' });

// Number and text in two columns, so no card renderer's markdown renumbers the list. The number is a
// RichTextBlock run (never markdown): a TextBlock "2." is a list item to Web Chat, which shows "1.".
const numberedRow = (number: number, text: string): CardElement => ({
  type: 'ColumnSet',
  columns: [
    { type: 'Column', width: 'auto', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${number}.` }] }] },
    { type: 'Column', width: 'stretch', items: [textBlock(text)] },
  ],
});

const numbered = (lines: string[]) => lines.map((line, index) => `${index + 1}. ${line}`).join('\n');
const paragraphs = (parts: (string | undefined)[]) => parts.filter((part): part is string => !!part).join('\n\n');

export function stepListText(list: StepList): string {
  return paragraphs([list.heading, list.intro, numbered(list.steps), list.outro]);
}

export function checklistText(checklist: Checklist): string {
  const dates = checklist.dates.map((date) => `${date.label}: ${date.value}`).join('\n');
  return paragraphs([checklist.heading, numbered(checklist.items), checklist.dates.length ? paragraphs([checklist.datesHeading, dates]) : undefined]);
}

function adaptiveCard(body: CardElement[], fallbackText: string) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
  });
}

/** A message with the list as an Adaptive Card where the channel shows cards, else as plain numbered text. */
export function stepListActivity(context: TurnContext, list: StepList): Partial<Activity> {
  const plain = stepListText(list);
  if (!supportsAdaptiveCards(context)) return { type: ActivityTypes.Message, text: plain };
  const body = [
    ...(list.heading ? [heading(list.heading)] : []),
    ...(list.intro ? [textBlock(list.intro)] : []),
    ...list.steps.map((step, index) => numberedRow(index + 1, step)),
    ...(list.outro ? [textBlock(list.outro)] : []),
  ];
  return { type: ActivityTypes.Message, attachments: [adaptiveCard(body, plain)] };
}

export function checklistActivity(context: TurnContext, checklist: Checklist): Partial<Activity> {
  const plain = checklistText(checklist);
  if (!supportsAdaptiveCards(context)) return { type: ActivityTypes.Message, text: plain };
  const body = [
    heading(checklist.heading),
    ...checklist.items.map((item, index) => numberedRow(index + 1, item)),
    ...(checklist.dates.length
      ? [
          ...(checklist.datesHeading ? [textBlock(checklist.datesHeading, { weight: 'Bolder', spacing: 'Medium' })] : []),
          { type: 'FactSet', facts: checklist.dates.map((date) => ({ title: date.label, value: date.value })) },
        ]
      : []),
  ];
  return { type: ActivityTypes.Message, attachments: [adaptiveCard(body, plain)] };
}
