import { join } from 'node:path';
import { MemoryStorage, TestAdapter, TurnContext, type Activity, type StoreItems } from 'botbuilder';
import { testConfig } from '../src/domain/config.js';
import type { App } from '../src/service/app.js';
import { createApp } from '../src/service/server.js';
import { BotStates } from '../src/bot/state.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { LowdbStorage } from '../src/domain/storage/lowdbStorage.js';
import { CREATE_ONLY_ETAG } from '../src/domain/storage/optimisticConversationState.js';
import { makeDataDir, removeDataDir } from './support/app.js';
import { text } from './support/i18n.js';

/** Memory storage that remembers every read and write it was asked for. */
class RecordingStorage extends MemoryStorage {
  readonly writes: StoreItems[] = [];
  readonly reads: string[][] = [];

  override read(keys: string[]): Promise<StoreItems> {
    this.reads.push([...keys]);
    return super.read(keys);
  }

  override write(changes: StoreItems): Promise<void> {
    this.writes.push(structuredClone(changes));
    return super.write(changes);
  }
}

function turn(text = 'hej'): TurnContext {
  const activity = { type: 'message', text, channelId: 'test', conversation: { id: 'conversation-1' }, from: { id: 'admin-1' }, recipient: { id: 'bot' } };
  return new TurnContext(new TestAdapter(async () => {}), activity as Activity);
}

async function runTurn(states: BotStates, change: (states: BotStates, context: TurnContext) => Promise<void>): Promise<void> {
  const context = turn();
  await change(states, context);
  await states.conversationState.saveChanges(context);
  await states.userState.saveChanges(context);
}

describe('state is saved when a turn changed it, and only then', () => {
  it('writes nothing for a turn that only read the state', async () => {
    const storage = new RecordingStorage();
    const states = new BotStates(storage);
    await runTurn(states, async (s, context) => {
      (await s.userProfile.get(context, {})).language = 'sv';
      (await s.conversationFlags.get(context, {})).welcomed = true;
    });
    expect(storage.writes).toHaveLength(2);

    await runTurn(states, async (s, context) => {
      expect((await s.userProfile.get(context, {})).language).toBe('sv');
      expect((await s.conversationFlags.get(context, {})).welcomed).toBe(true);
    });
    expect(storage.writes).toHaveLength(2);
  });

  it('writes a change deep inside the state, and keeps what was there', async () => {
    const storage = new RecordingStorage();
    const states = new BotStates(storage);
    await runTurn(states, async (s, context) => {
      await s.dialogState.set(context, { dialogStack: [{ id: 'mainMenu', state: { step: 0 } }] });
      (await s.conversationFlags.get(context, {})).welcomed = true;
    });
    await runTurn(states, async (s, context) => {
      const dialogState = await s.dialogState.get(context, { dialogStack: [] });
      (dialogState.dialogStack[0]!.state as { step: number }).step = 1;
    });
    expect(storage.writes).toHaveLength(2);
    const stored = Object.values(await storage.read(['test/conversations/conversation-1/']))[0] as Record<string, any>;
    expect(stored.dialogState.dialogStack[0].state.step).toBe(1);
    expect(stored.flags.welcomed).toBe(true);
  });

  it('saves the user profile last-writer-wins and the conversation against the eTag it read', async () => {
    const storage = new RecordingStorage();
    const states = new BotStates(storage);
    await runTurn(states, async (s, context) => {
      (await s.userProfile.get(context, {})).language = 'en';
      (await s.conversationFlags.get(context, {})).welcomed = true;
    });
    await runTurn(states, async (s, context) => {
      (await s.userProfile.get(context, {})).language = 'sv';
      (await s.conversationFlags.get(context, {})).textLanguage = 'sv';
    });
    const [conversationWrite, userWrite] = storage.writes.slice(2).map((changes) => Object.values(changes)[0]!);
    expect(userWrite!.eTag).toBe('*');
    expect(conversationWrite!.eTag).not.toBe('*');
    expect(conversationWrite!.eTag).toEqual(expect.any(String));
  });

  it("creates a new conversation only if none exists: a second instance's first save is refused", async () => {
    const storage = new RecordingStorage();
    const [first, second] = [new BotStates(storage), new BotStates(storage)];
    const [firstTurn, secondTurn] = [turn(), turn()];
    // Both instances read the new conversation before either saved it.
    (await first.conversationFlags.get(firstTurn, {})).welcomed = true;
    (await second.conversationFlags.get(secondTurn, {})).textLanguage = 'en';
    await first.conversationState.saveChanges(firstTurn);
    await expect(second.conversationState.saveChanges(secondTurn)).rejects.toThrow(/eTag conflict/);
    expect(Object.values(storage.writes[0]!)[0]!.eTag).toBe(CREATE_ONLY_ETAG);
    const stored = Object.values(await storage.read(['test/conversations/conversation-1/']))[0] as Record<string, any>;
    expect(stored.flags).toEqual({ welcomed: true });
  });

  it('a second save in the same turn overwrites the first', async () => {
    const storage = new RecordingStorage();
    const states = new BotStates(storage);
    const context = turn();
    (await states.conversationFlags.get(context, {})).welcomed = true;
    await states.conversationState.saveChanges(context);
    (await states.conversationFlags.get(context, {})).textLanguage = 'sv';
    await states.conversationState.saveChanges(context);
    const stored = Object.values(await storage.read(['test/conversations/conversation-1/']))[0] as Record<string, any>;
    expect(stored.flags).toEqual({ welcomed: true, textLanguage: 'sv' });
  });

  it('writes when asked to even without a change (force)', async () => {
    const storage = new RecordingStorage();
    const states = new BotStates(storage);
    const context = turn();
    await states.userProfile.get(context, {});
    await states.userState.saveChanges(context, true);
    expect(storage.writes).toHaveLength(1);
  });
});

describe('the bot stores a user only for what it remembers about them', () => {
  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  /** The production bot on a TestAdapter, with every state read and write recorded. */
  async function chatRecordingWrites() {
    const storage = new RecordingStorage();
    const app = await createApp(testConfig({ storage: 'memory', defaultLocale: 'sv' }), { stores: { ...createMemoryStores(), state: storage } });
    apps.push(app);
    const conversation = (id: string) => {
      const adapter = new TestAdapter((context) => app.runTurn(context), { ...TestAdapter.createConversation(id, 'admin-1'), locale: 'sv-SE' });
      return async (message: string) => {
        await adapter.receiveActivity({ type: 'message', locale: 'sv-SE', text: message } as Activity);
        return adapter.activeQueue.splice(0);
      };
    };
    const say = conversation('conversation-1');
    const userWrites = () => storage.writes.flatMap((changes) => Object.keys(changes)).filter((key) => key.includes('/users/'));
    const userReads = () => storage.reads.flat().filter((key) => key.includes('/users/')).length;
    return { say, conversation, userWrites, userReads };
  }

  it('a new admin who never picks a language gets no user document, one who does gets it', async () => {
    const chat = await chatRecordingWrites();
    expect((await chat.say('hej')).at(-1)?.text).toBe(text('sv', 'menu.prompt'));
    await chat.say(text('sv', 'cancel:menu.cancel'));
    expect(chat.userWrites()).toEqual([]);

    const switched = await chat.say('in English');
    expect(switched[0]?.text).toBe(text('en', 'language.switched'));
    expect(chat.userWrites()).toHaveLength(1);
  });

  it("reads the admin's profile on a conversation's first turn only; a chosen language still reaches their next conversation", async () => {
    const chat = await chatRecordingWrites();
    expect((await chat.say('hej')).at(-1)?.text).toBe(text('sv', 'menu.prompt'));
    expect(chat.userReads()).toBe(1);
    await chat.say(text('sv', 'cancel:menu.cancel'));
    await chat.say('in English');
    expect((await chat.say('ok')).at(-1)?.text).not.toBe(text('sv', 'menu.prompt'));
    expect(chat.userReads()).toBe(2);

    // A new conversation reads the profile again, and speaks the language chosen in the first.
    const next = chat.conversation('conversation-2');
    expect((await next('hej')).at(-1)?.text).toBe(text('en', 'menu.prompt'));
    expect(chat.userReads()).toBe(3);
    await next('hej igen');
    expect(chat.userReads()).toBe(3);
  });
});

describe('on lowdb, the state is told and written from the JSON the store already has', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeDataDir();
  });
  afterEach(() => removeDataDir(dir));

  /** LowdbStorage that counts its writes. */
  function countingLowdb(folder: string) {
    const storage = new LowdbStorage(folder);
    const writes: string[] = [];
    const write = storage.write.bind(storage);
    storage.write = async (changes: StoreItems) => {
      writes.push(...Object.keys(changes));
      return write(changes);
    };
    return { storage, writes };
  }

  it('a turn that only reads writes nothing; a change is on disk whole, as a fresh store reads it', async () => {
    const { storage, writes } = countingLowdb(join(dir, 'state'));
    const states = new BotStates(storage);
    await runTurn(states, async (s, context) => {
      await s.dialogState.set(context, { dialogStack: [{ id: 'mainMenu', state: { options: { utterance: 'hej "där"' } } }] });
      (await s.conversationFlags.get(context, {})).welcomed = true;
    });
    await runTurn(states, async (s, context) => {
      expect((await s.conversationFlags.get(context, {})).welcomed).toBe(true);
    });
    expect(writes).toHaveLength(1);

    await runTurn(states, async (s, context) => {
      (await s.conversationFlags.get(context, {})).textLanguage = 'sv';
    });
    expect(writes).toHaveLength(2);
    const key = 'test/conversations/conversation-1/';
    const { eTag: _eTag, ...stored } = (await new LowdbStorage(join(dir, 'state')).read([key]))[key] as Record<string, unknown>;
    expect(stored).toEqual({
      dialogState: { dialogStack: [{ id: 'mainMenu', state: { options: { utterance: 'hej "där"' } } }] },
      flags: { welcomed: true, textLanguage: 'sv' },
    });
  });

  it('an item read and changed, then written back as botbuilder does, is stored as changed', async () => {
    const storage = new LowdbStorage(join(dir, 'state'));
    await storage.write({ doc: { count: 1 } });
    const item = (await storage.read(['doc']))['doc'] as { count: number; eTag: string };
    item.count = 2;
    await storage.write({ doc: item });
    const again = (await new LowdbStorage(join(dir, 'state')).read(['doc']))['doc'] as { count: number };
    expect(again.count).toBe(2);
  });
});
