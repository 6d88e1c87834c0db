import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../domain/logger.js';
import type { BotStates } from './state.js';

/** How many activity ids a conversation remembers: a channel retries soon, so a few dozen turns back is plenty. */
export const REMEMBERED_ACTIVITY_IDS = 32;

/** What the bot acts on; a repeat of anything else (typing, invoke) has nothing to do twice. */
const ACTED_ON: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.ConversationUpdate]);

/**
 * Whether this conversation already processed the activity (a channel's retry of a slow answer):
 * the caller then skips the turn, which sends nothing and saves nothing. Otherwise the activity's id
 * joins the conversation's recent ids, which are saved with the turn's state: a first attempt that
 * failed saved nothing, so its retry runs; one that succeeded is remembered before its answer goes
 * out. Costs no storage round trip: the ids live in the conversation state the turn reads and saves
 * anyway. Activities without an id are always processed.
 */
export async function isRepeatedActivity(context: TurnContext, states: BotStates, logger?: Logger): Promise<boolean> {
  const { id, type } = context.activity;
  if (!id || !ACTED_ON.has(type)) return false;
  const recent = await states.recentActivityIds.get(context, []);
  if (recent.includes(id)) {
    logger?.info('repeated activity skipped', { conversationId: context.activity.conversation?.id, activityId: id });
    return true;
  }
  recent.push(id);
  if (recent.length > REMEMBERED_ACTIVITY_IDS) recent.splice(0, recent.length - REMEMBERED_ACTIVITY_IDS);
  return false;
}
