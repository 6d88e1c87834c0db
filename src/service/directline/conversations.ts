import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface DirectLineLimits {
  /** Activities kept per conversation; older ones are dropped (a poll only needs the recent ones). */
  maxActivitiesPerConversation: number;
  /** Conversations kept at once; beyond that new ones are refused until idle ones expire. */
  maxConversations: number;
  /** A conversation nobody has touched (posted, polled, refreshed) for this long is forgotten. */
  idleMilliseconds: number;
  /** Lifetime of a token; Web Chat refreshes it well before (every 15 minutes). */
  tokenSeconds: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = {
  maxActivitiesPerConversation: 500,
  maxConversations: 1000,
  idleMilliseconds: 30 * 60 * 1000,
  tokenSeconds: 30 * 60,
};

export interface DirectLineConversation {
  id: string;
  /** The user the conversation's tokens are bound to; posts from anyone else are refused. */
  userId: string;
  /** The locale the page asked for, used for the welcome before the user has said anything. */
  locale: string;
  started: boolean;
  activities: Activity[];
  /** Sequence number of the next activity; the watermark is the last one a client has seen. */
  nextSequence: number;
  lastTouched: number;
  /** Turns run one after the other per conversation, so two quick messages never race on state. */
  turns: Promise<void>;
}

function randomId(prefix: string): string {
  return prefix + randomBytes(16).toString('base64url');
}

/** The conversations of the local Direct Line channel, in memory, bounded in number, size and age. */
export class ConversationStore {
  private readonly conversations = new Map<string, DirectLineConversation>();

  constructor(
    private readonly limits: DirectLineLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new conversation, or undefined when the store is full even after dropping idle ones. */
  create(locale: string): DirectLineConversation | undefined {
    this.expireIdle();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const conversation: DirectLineConversation = {
      id: randomId(''),
      // Not "dl_": Web Chat reserves that prefix for ids it can read from a JWT, and would replace ours.
      userId: randomId('web-'),
      locale,
      started: false,
      activities: [],
      nextSequence: 0,
      lastTouched: this.now(),
      turns: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, marked as used now; undefined when unknown or expired. */
  touch(id: string): DirectLineConversation | undefined {
    this.expireIdle();
    const conversation = this.conversations.get(id);
    if (conversation) conversation.lastTouched = this.now();
    return conversation;
  }

  /** The conversation without marking it used (for the bot's replies). */
  peek(id: string): DirectLineConversation | undefined {
    return this.conversations.get(id);
  }

  /** Gives the activity its id (`<conversation>|<sequence>`) and keeps it, dropping the oldest over the cap. */
  append(conversation: DirectLineConversation, activity: Activity): Activity {
    const sequence = conversation.nextSequence++;
    const stored = { ...activity, id: `${conversation.id}|${String(sequence).padStart(7, '0')}` } as Activity;
    conversation.activities.push(stored);
    const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.activities.splice(0, excess);
    return stored;
  }

  /**
   * Activities after the watermark (all kept ones for an empty watermark), and the new watermark:
   * the sequence of the last activity, or the one given when nothing is new.
   */
  since(conversation: DirectLineConversation, watermark: number | undefined): { activities: Activity[]; watermark: string } {
    const activities = conversation.activities.filter((activity) => watermark === undefined || sequenceOf(activity) > watermark);
    const last = conversation.nextSequence - 1;
    const newWatermark = last >= 0 ? String(last) : watermark === undefined ? '' : String(watermark);
    return { activities, watermark: newWatermark };
  }

  /** Runs a turn after the conversation's earlier ones. */
  enqueue(conversation: DirectLineConversation, turn: () => Promise<void>): Promise<void> {
    const run = conversation.turns.then(turn);
    conversation.turns = run.catch(() => undefined);
    return run;
  }

  get size(): number {
    return this.conversations.size;
  }

  private expireIdle(): void {
    const oldest = this.now() - this.limits.idleMilliseconds;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastTouched <= oldest) this.conversations.delete(id);
    }
  }
}

function sequenceOf(activity: Activity): number {
  return Number(activity.id?.slice(activity.id.lastIndexOf('|') + 1));
}
