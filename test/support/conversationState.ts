import type { Storage } from 'botbuilder';

/** The key botbuilder's ConversationState stores a conversation under (its namespace is '', hence the trailing '/'). */
export const conversationKey = (conversationId: string, channelId = 'test') => `${channelId}/conversations/${conversationId}/`;

/** How many turns the stored conversation has had (the turn runner's counter). */
export async function storedTurnCount(storage: Storage, conversationId: string): Promise<number | undefined> {
  const key = conversationKey(conversationId);
  return (await storage.read([key]))[key]?.turnCount as number | undefined;
}
