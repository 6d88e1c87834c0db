import type { ConversationState, StatePropertyAccessor, Storage, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Language } from '../domain/config.js';
import { OptimisticConversationState } from '../domain/storage/optimisticConversationState.js';
import { TrackedUserState } from '../domain/storage/trackedState.js';

/**
 * What conversation state keeps of an earlier question: its place (the stack's signature) and its
 * stack as JSON text. The question and its choices are in the stack. Kept as text, the stacks
 * (most of a conversation's document, which every turn reads and writes) are one string each to
 * the document's JSON.parse and JSON.stringify instead of hundreds of objects; a turn reads a
 * stack only when an old button is clicked or a message no prompt took is matched against them.
 */
export interface KeptQuestion {
  signature: string;
  stackJson: string;
}

/**
 * Kept questions as earlier versions stored them: the stack as an object (before that, with the
 * question, its choices and its signature beside it, which are read from the stack all the same).
 */
export interface KeptQuestionAsStoredBefore {
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
  /** The user's profile as the conversation's first turn read it, kept here so later turns need not read it. */
  profile?: UserProfile;
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
  readonly earlierQuestions: StatePropertyAccessor<(KeptQuestion | KeptQuestionAsStoredBefore)[]>;

  constructor(storage: Storage) {
    // Saved against the eTag it was read with: see consistentTurns.ts.
    this.conversationState = new OptimisticConversationState(storage);
    this.userState = new TrackedUserState(storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.conversationFlags = this.conversationState.createProperty<ConversationFlags>('flags');
    this.recentActivityIds = this.conversationState.createProperty<string[]>('recentActivityIds');
    this.userProfile = this.userState.createProperty<UserProfile>('profile');
    this.earlierQuestions = this.conversationState.createProperty<(KeptQuestion | KeptQuestionAsStoredBefore)[]>('earlierQuestions');
  }

  /**
   * The language the admin chose ("svenska", "in English"). Read from their profile on the
   * conversation's first turn and kept in its flags after, so a later turn reads one document, not
   * two: on blob storage a request less every turn, and for an admin who never chose (most of them)
   * that request is a 404. A choice made meanwhile in another conversation reaches this one when the
   * admin's next conversation starts, or when they choose here.
   */
  async chosenLanguage(context: TurnContext): Promise<Language | undefined> {
    const flags = await this.conversationFlags.get(context, {});
    // No default for the profile: `get` would store it, and a new user's first turn would write an empty profile.
    flags.profile ??= { ...((await this.userProfile.get(context)) ?? {}) };
    return flags.profile.language;
  }

  /** Remembers the admin's choice of language, in their profile (for their next conversations) and in this one. */
  async chooseLanguage(context: TurnContext, language: Language): Promise<void> {
    (await this.userProfile.get(context, {})).language = language;
    (await this.conversationFlags.get(context, {})).profile = { language };
  }
}
