import { Channels, type TurnContext } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';

/**
 * Whether choices go on a card: in Teams, which shows no suggested actions in channels and group
 * chats. (botbuilder's own hero card would label each button with the choice's internal value, so the
 * prompt attaches its own Adaptive Card: see `choiceCard` in src/cardActions.ts.)
 */
export function showsChoicesOnCard(context: TurnContext): boolean {
  return context.activity.channelId === Channels.Msteams;
}

/** How the prompt itself lists choices: suggested actions, or nothing where a card carries them. */
export function choiceListStyle(context: TurnContext): ListStyle {
  return showsChoicesOnCard(context) ? ListStyle.none : ListStyle.suggestedAction;
}
