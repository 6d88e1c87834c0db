import { Channels, type TurnContext } from 'botbuilder';

/** Channels that render Adaptive Cards 1.5; every other channel gets the same content as plain text. */
const CARD_CHANNELS: ReadonlySet<string> = new Set([Channels.Msteams, Channels.Webchat, Channels.Directline, Channels.Emulator]);

export function supportsAdaptiveCards(context: TurnContext): boolean {
  return CARD_CHANNELS.has(context.activity.channelId);
}

/**
 * Whether choices go on a card: in Teams, which shows no suggested actions in channels and group
 * chats. (botbuilder's own hero card would label each button with the choice's internal value, so the
 * prompt attaches its own Adaptive Card: see `choiceCard` in src/domain/cardActions.ts.)
 */
export function showsChoicesOnCard(context: TurnContext): boolean {
  return context.activity.channelId === Channels.Msteams;
}
