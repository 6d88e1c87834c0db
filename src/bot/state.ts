import type { ConversationState, StatePropertyAccessor, Storage, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Language } from '../domain/config.js';
import { OptimisticConversationState } from '../domain/storage/optimisticConversationState.js';
import { TrackedUserState } from '../domain/storage/trackedState.js';

/**
 * What conversation state keeps of an earlier question: its stack only. The question, its choices
 * and its signature are all in the stack; kept beside it they were a third of every snapshot, and
 * the snapshots most of a conversation's document, which every turn reads and writes. Questions
 * kept before carry those fields too; they are read from the stack all the same.
 */
export interface KeptQuestion {
  stack: DialogState;
}

/** What we remember about a user across conversations. */
export interface UserProfile {
  /** Set only when the user asked for a language ("svenska", "in English"). */
  language?: Language;
}

/** What we remember about one conversation besides its dialog stack. */
export interface ConversationFlags {
  welcomed?: boolean;
  /** The language a message of this conversation was last clearly written in; short messages keep it. */
  textLanguage?: Language;
}

/** The bot's state and its typed accessors, built once per app. */
export class BotStates {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly conversationFlags: StatePropertyAccessor<ConversationFlags>;
  /** The ids of the conversation's last activities, oldest first (see repeatedActivities.ts). */
  readonly recentActivityIds: StatePropertyAccessor<string[]>;
  readonly userProfile: StatePropertyAccessor<UserProfile>;
  /** Questions with buttons asked earlier, for old buttons clicked again (earlierQuestions.ts). */
  readonly earlierQuestions: StatePropertyAccessor<KeptQuestion[]>;

  constructor(storage: Storage) {
    // Saved against the eTag it was read with: see consistentTurns.ts.
    this.conversationState = new OptimisticConversationState(storage);
    this.userState = new TrackedUserState(storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.conversationFlags = this.conversationState.createProperty<ConversationFlags>('flags');
    this.recentActivityIds = this.conversationState.createProperty<string[]>('recentActivityIds');
    this.userProfile = this.userState.createProperty<UserProfile>('profile');
    this.earlierQuestions = this.conversationState.createProperty<KeptQuestion[]>('earlierQuestions');
  }
}
