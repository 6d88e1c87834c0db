import { Channels, type TurnContext } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';

/**
 * How to show choices: suggested actions where the channel shows them, cards in Teams (Teams shows
 * no suggested actions in channels and group chats).
 */
export function choiceListStyle(context: TurnContext): ListStyle {
  return context.activity.channelId === Channels.Msteams ? ListStyle.heroCard : ListStyle.suggestedAction;
}
