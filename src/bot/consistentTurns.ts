import { AsyncLocalStorage } from 'node:async_hooks';
import { ActivityTypes, type Activity, type ResourceResponse, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from '../domain/logger.js';
import type { BotStates } from './state.js';
import { KeyedMutex } from '../domain/storage/keyedMutex.js';
import { isETagConflict } from '../domain/storage/optimisticConversationState.js';
import type { RecordStore, StoredRecord } from '../domain/storage/records.js';
import type { Stores } from '../domain/storage/index.js';

export interface ConsistentTurnsOptions {
  /** How many times one turn runs at most before giving up on a busy conversation. */
  maxAttempts?: number;
  /** Upper bound of the random pause before a rerun, in ms, multiplied by the attempt number. */
  retryJitterMs?: number;
  /**
   * Hold record inserts back until the turn's state is saved (default true). Only storage that other
   * instances write too can make a turn rerun; with a store this process owns, turns of a conversation
   * are already serialized here, so inserts can go straight through. Holding back needs
   * AsyncLocalStorage, whose promise hooks cost every turn a little on Node 20.
   */
  holdBackInserts?: boolean;
}

/**
 * Makes every turn of a conversation happen wholly, once, and in order:
 * - turns of the same conversation in this process run one at a time, in arrival order;
 * - conversation state is saved against the eTag it was read with (`OptimisticConversationState`);
 *   when another instance saved in between, the whole turn reruns on the fresh state (bounded);
 * - what the turn sends and the records it inserts are held back until its state is saved, so a
 *   rerun never shows the user two answers nor stores a record twice. A turn that fails sends
 *   nothing but the error handler's message and stores nothing.
 */
export class ConsistentTurns {
  /** How many turns a conversation has had: a sequence number every turn increments (and a counter the tests check). */
  readonly turnCount: StatePropertyAccessor<number>;
  private readonly conversations = new KeyedMutex();
  private readonly pendingInserts = new AsyncLocalStorage<Array<() => Promise<void>>>();
  private readonly maxAttempts: number;
  private readonly retryJitterMs: number;
  private readonly holdBackInserts: boolean;

  constructor(
    private readonly states: BotStates,
    private readonly logger: Logger,
    options: ConsistentTurnsOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryJitterMs = options.retryJitterMs ?? 25;
    this.holdBackInserts = options.holdBackInserts ?? true;
    this.turnCount = states.conversationState.createProperty<number>('turnCount');
  }

  run(context: TurnContext, logic: () => Promise<void>): Promise<void> {
    const { channelId, conversation } = context.activity;
    return this.conversations.run(`${channelId}/${conversation?.id ?? ''}`, () => this.runWithRetries(context, logic));
  }

  /** The stores whose inserts, during a turn, wait until the turn's state is saved. */
  deferInserts(stores: Stores): Stores {
    if (!this.holdBackInserts) return stores;
    return {
      ...stores,
      feedback: this.deferredStore(stores.feedback),
      cases: this.deferredStore(stores.cases),
      outcomes: this.deferredStore(stores.outcomes),
    };
  }

  private deferredStore<T extends StoredRecord>(store: RecordStore<T>): RecordStore<T> {
    return {
      insert: async (record) => {
        const pending = this.pendingInserts.getStore();
        if (pending) pending.push(() => store.insert(record));
        else await store.insert(record);
      },
      list: (query) => store.list(query),
      removeWhere: (predicate) => store.removeWhere(predicate),
    };
  }

  /**
   * Reads the conversation's state. The user's profile is read only when the turn needs it (the
   * conversation keeps the chosen language after its first turn: `BotStates.chosenLanguage`); a
   * rerun reads both afresh, since another instance saved in between.
   */
  private async loadStates(context: TurnContext, force: boolean): Promise<void> {
    if (force) await Promise.all([this.states.conversationState.load(context, true), this.states.userState.load(context, true)]);
    else await this.states.conversationState.load(context);
  }

  private async runWithRetries(context: TurnContext, logic: () => Promise<void>): Promise<void> {
    const outbox = new Outbox(context);
    const incomingLocale = context.activity.locale;
    for (let attempt = 1; ; attempt += 1) {
      const inserts: Array<() => Promise<void>> = [];
      try {
        // A rerun reads both afresh: another instance saved in between.
        await this.loadStates(context, attempt > 1);
        await this.turnCount.set(context, (await this.turnCount.get(context, 0)) + 1);
        if (this.holdBackInserts) await this.pendingInserts.run(inserts, logic);
        else await logic();
      } catch (error) {
        outbox.discard();
        if (isETagConflict(error) && attempt < this.maxAttempts) {
          this.logger.info('turn rerun after a concurrent update', { conversationId: context.activity.conversation?.id, attempt });
          await pause(Math.random() * this.retryJitterMs * attempt);
          context.activity.locale = incomingLocale;
          continue;
        }
        outbox.release();
        throw error;
      }
      try {
        for (const insert of inserts) await insert();
      } catch (error) {
        // The state is saved but a record is not: the turn's own answer (a case reference, say)
        // must not claim it was. The user hears the error handler's message instead of silence.
        outbox.discard();
        outbox.release();
        throw error;
      }
      await outbox.flush();
      return;
    }
  }
}

/** Holds a turn's outgoing activities until `flush`; after `release` or `flush` they go straight out. */
class Outbox {
  private held: Partial<Activity>[] = [];
  private holding = true;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
      if (!this.holding) return next();
      this.held.push(...activities);
      // As if sent: prompts only re-prompt when nothing else answered this turn.
      if (activities.some((activity) => activity.type !== ActivityTypes.Trace)) context.responded = true;
      return activities.map(() => ({ id: '' }));
    });
  }

  /** Forgets what the failed attempt would have sent, so its rerun starts as the turn did. */
  discard(): void {
    this.held = [];
    // TurnContext only lets `responded` go from false to true; a rerun is a new start.
    const internal = this.context as unknown as { _respondedRef?: { responded: boolean } };
    if (internal._respondedRef) internal._respondedRef.responded = false;
  }

  release(): void {
    this.holding = false;
  }

  async flush(): Promise<void> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    if (held.length > 0) await this.context.sendActivities(held);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
