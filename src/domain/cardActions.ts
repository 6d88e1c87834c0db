import { CardFactory, type Activity, type Attachment, type Middleware, type TurnContext } from 'botbuilder';

export interface CardSubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { msteams: TeamsSubmitData } & WebChatSubmitData;
}

type TeamsSubmitData =
  | { type: 'imBack'; value: string }
  | { type: 'messageBack'; text: string; displayText: string; value: Record<string, unknown> };

/** Web Chat performs `cardAction` as if it were a suggested action: the user's bubble shows what they pressed. */
interface WebChatSubmitData {
  __isBotFrameworkCardAction: true;
  cardAction: TeamsSubmitData & { title: string };
}

/**
 * A button for an Adaptive Card (version 1.5, which Teams renders) that works everywhere, and says
 * in the chat what was pressed: in Teams through the `msteams` imBack/messageBack data (Teams posts
 * the text like a typed answer), in Web Chat through its Bot Framework card-action data, the same
 * action (Web Chat posts the same text and shows it as the user's message). Clients that post the
 * data as `value` instead are handled by `CardSubmitMiddleware`. With `value`, the bot also receives
 * that object as `activity.value` (messageBack).
 *
 * @param title the button's label, already translated
 * @param text what the user "says" by pressing it (usually the title, so prompts recognise it)
 */
export function cardSubmitAction(title: string, text: string = title, value?: Record<string, unknown>): CardSubmitAction {
  const msteams: TeamsSubmitData = value ? { type: 'messageBack', text, displayText: title, value } : { type: 'imBack', value: text };
  return { type: 'Action.Submit', title, data: { msteams, __isBotFrameworkCardAction: true, cardAction: { ...msteams, title } } };
}

/**
 * Clients other than Teams (Web Chat) post an Action.Submit's data as `activity.value` and no text.
 * For buttons made by `cardSubmitAction`, this gives the activity the text and value Teams would have
 * sent, so dialogs see one shape whatever the channel.
 */
export class CardSubmitMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    normalizeCardSubmit(context.activity);
    await next();
  }
}

export function normalizeCardSubmit(activity: Partial<Activity>): void {
  if (activity.type !== 'message' || activity.text) return;
  const msteams = (activity.value as { msteams?: Partial<TeamsSubmitData> } | undefined)?.msteams;
  if (msteams?.type === 'imBack' && typeof msteams.value === 'string') {
    activity.text = msteams.value;
    activity.value = undefined;
  } else if (msteams?.type === 'messageBack' && typeof msteams.text === 'string') {
    activity.text = msteams.text;
    activity.value = msteams.value;
  }
}

/**
 * The choices of a prompt as an Adaptive Card 1.5 of buttons, for channels without suggested actions
 * (Teams). Each button "says" its title, which the prompt recognises like a typed answer. One button
 * per row: Teams shows at most six actions side by side, and a menu reads better as a column.
 */
export function choiceCard(titles: string[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: titles.map((title) => ({ type: 'ActionSet', actions: [cardSubmitAction(title)] })),
  });
}
