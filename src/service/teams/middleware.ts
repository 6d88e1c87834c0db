import { ActivityTypes, Channels, TurnContext, type Middleware } from 'botbuilder';

/**
 * What Teams sends that the bot should see the way other channels send it:
 *
 * - In channels and group chats a message starts with the bot's @mention (`<at>Bot</at> question`);
 *   it is removed so prompts and questions see only what the user asked.
 * - Installed in a personal chat, Teams reports the bot (not the user) as the member added. The bot
 *   welcomes users who join, so the installing user is presented as the member who joined.
 * - In a team, Teams reports everyone who joins the team; the bot does not post a welcome into the
 *   channel for each of them (it answers when mentioned).
 */
export class TeamsActivityMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.channelId === Channels.Msteams) {
      const personal = activity.conversation?.conversationType === 'personal';
      if (activity.type === ActivityTypes.Message && activity.text) {
        TurnContext.removeRecipientMention(activity);
        activity.text = activity.text.replace(/\s+/g, ' ').trim();
      } else if (activity.type === ActivityTypes.ConversationUpdate && activity.membersAdded?.length) {
        const botId = activity.recipient?.id;
        const botAdded = activity.membersAdded.some((member) => member.id === botId);
        if (!personal) activity.membersAdded = activity.membersAdded.filter((member) => member.id === botId);
        else if (botAdded && activity.from?.id && activity.from.id !== botId) activity.membersAdded = [...activity.membersAdded, activity.from];
      }
    }
    await next();
  }
}
