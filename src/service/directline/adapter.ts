import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { ConversationStore, DirectLineConversation } from './conversations.js';

/** Who the bot is in Direct Line activities. */
export const DIRECT_LINE_BOT = { id: 'cancellation-assistant', name: 'cancellation-assistant', role: 'bot' } as const;
export const DIRECT_LINE_CHANNEL_ID = 'directline';
/** Never called: replies go straight into the conversation's activity list. */
export const DIRECT_LINE_SERVICE_URL = 'urn:directline:local';

/**
 * Runs the bot in-process for the local Direct Line channel: a turn's replies are appended to the
 * conversation's activity list, where Web Chat's poll picks them up as soon as they are sent.
 *
 * Why an adapter of our own rather than CloudAdapter: CloudAdapter authenticates every incoming
 * request and sends replies over HTTP to the activity's serviceUrl with Azure credentials, which the
 * in-process channel has neither reason nor means to do. The bot (`bot.run`), its states and storage,
 * the turn error handler and the shared middleware are the very same objects as behind /api/messages.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly conversations: ConversationStore) {
    super();
  }

  /** Runs one turn of the bot for an activity that arrived in the conversation. */
  async processActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversation = this.conversationOf(context.activity);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        responses.push({ id: '' });
        continue;
      }
      // Invoke responses and traces are for the channel and the emulator, not for the chat.
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace || !conversation) {
        responses.push({ id: '' });
        continue;
      }
      const stored = this.conversations.append(conversation, {
        ...activity,
        from: { ...DIRECT_LINE_BOT },
        recipient: context.activity.from,
        conversation: { id: conversation.id },
        channelId: DIRECT_LINE_CHANNEL_ID,
        timestamp: new Date(),
      } as Activity);
      responses.push({ id: stored.id ?? '' });
    }
    return responses;
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const conversation = this.conversationOf(context.activity);
    const index = conversation?.activities.findIndex((kept) => kept.id === activity.id) ?? -1;
    if (conversation && index >= 0) conversation.activities[index] = { ...conversation.activities[index], ...activity } as Activity;
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversation = this.conversationOf(context.activity);
    if (conversation) conversation.activities = conversation.activities.filter((kept) => kept.id !== reference.activityId);
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.processActivity(activity as Activity, logic);
  }

  private conversationOf(activity: Partial<Activity>): DirectLineConversation | undefined {
    const id = activity.conversation?.id;
    return id ? this.conversations.peek(id) : undefined;
  }
}
