import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { testConfig, type Language } from '../../src/domain/config.js';
import { useSharedMiddleware } from '../../src/service/middleware.js';
import { createTurnErrorHandler, type App } from '../../src/service/app.js';
import { createApp } from '../../src/service/server.js';
import { createMemoryStores, type Stores } from '../../src/domain/storage/index.js';
import { createRecognizer } from '../../src/domain/nlu/index.js';
import { text } from './i18n.js';

/**
 * The conversation explorer: starts at the welcome, discovers every place the bot waits by clicking
 * every offered button and answering every free-text question with the example it declares, and
 * interrupts each place in every way an admin does. It knows no place by name: a new dialog or
 * prompt is walked as soon as a button or an answer leads to it.
 */

export type ChannelShape = 'webchat' | 'msteams';

export interface Shape {
  language: Language;
  channel: ChannelShape;
}

/** What the user can do at a place: click a button (by the text it posts), or type an answer. */
interface Action {
  label: string;
  text: string;
  value?: Record<string, unknown>;
}

/** A place the bot waits at, keyed by the shape of its dialog stack. */
export interface Place {
  signature: string;
  /** The stored state when the bot waits here, restored before every try. */
  snapshot: Record<string, string>;
  /** What the pending prompt was asked with (locale keys), from the stored dialog stack. */
  spec: PromptSpec | undefined;
  /** The actions offered here, in order. */
  actions: Action[];
  /** Whether the menu waits here (no path started). */
  atMenu: boolean;
  /** How the walk got here, for failure messages. */
  route: string[];
}

interface PromptSpec {
  prompt: { key: string; args?: Record<string, unknown> };
  retryPrompt?: { key: string; args?: Record<string, unknown> };
  example?: { key: string; args?: Record<string, unknown> };
  step?: { number: number; total: number };
}

interface StoredInstance {
  id: string;
  state?: { stepIndex?: number; dialogs?: { dialogStack: StoredInstance[] }; options?: { validations?: { localized?: PromptSpec } } };
}

export interface Interruption {
  name: string;
  /** Runs the interruption at the place (its state restored) and checks what followed; returns the problems found. */
  run(context: ExplorationContext, place: Place): Promise<string[]>;
}

export interface Coverage {
  shape: Shape;
  places: number;
  interruptions: number;
  turns: number;
  problems: string[];
}

const CONVERSATION_ID = 'explored-conversation';
const USER_ID = 'explorer-admin';
const ERROR_KEYS = ['errors.turnFailed', 'security:storageUnavailable'];

export const other = (language: Language): Language => (language === 'sv' ? 'en' : 'sv');

/** Drives one conversation of the production bot in one shape, with its stored state in reach. */
export class Walker {
  turns = 0;
  private idCounter = 0;

  private constructor(
    readonly shape: Shape,
    private readonly adapter: TestAdapter,
    private readonly memory: Record<string, string>,
    readonly stores: Stores,
    readonly app: App,
  ) {}

  static async start(shape: Shape, recognizer: ReturnType<typeof createRecognizer>): Promise<Walker> {
    const memory: Record<string, string> = {};
    const stores: Stores = { ...createMemoryStores(), state: new MemoryStorage(memory) };
    const config = testConfig({ defaultLocale: 'en', storage: 'memory' });
    const app = await createApp(config, { stores, loadRecognizer: () => recognizer });
    const adapter = new TestAdapter((context) => app.runTurn(context));
    // As in production: a failed turn tells the user, and the walk counts that reply as a problem.
    adapter.onTurnError = createTurnErrorHandler(config, app.logger, app.i18n);
    useSharedMiddleware(adapter);
    return new Walker(shape, adapter, memory, stores, app);
  }

  /** The activity as this channel shape sends it: Web Chat puts the locale on it, Teams only in clientInfo. */
  activity(fields: Partial<Activity>): Partial<Activity> {
    const locale = this.shape.language === 'sv' ? 'sv-SE' : 'en-US';
    const shape: Partial<Activity> =
      this.shape.channel === 'webchat'
        ? { channelId: 'webchat', locale }
        : { channelId: 'msteams', entities: [{ type: 'clientInfo', locale }] };
    const conversationType = this.shape.channel === 'msteams' ? { conversationType: 'personal' } : {};
    return {
      id: `activity-${++this.idCounter}`,
      conversation: { id: CONVERSATION_ID, ...conversationType } as Activity['conversation'],
      from: { id: USER_ID, name: 'Admin' },
      recipient: { id: 'bot', name: 'Bot' },
      ...shape,
      ...fields,
    };
  }

  async send(fields: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.turns += 1;
    await this.adapter.receiveActivity(this.activity(fields) as Activity);
    return this.adapter.activeQueue.splice(0);
  }

  say(textToSend: string, value?: Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', text: textToSend, ...(value ? { value } : {}) });
  }

  /** The admin opens the chat: Web Chat reports the user as joined; Teams, installed in a personal chat, the bot. */
  async join(): Promise<Partial<Activity>[]> {
    const joined = this.shape.channel === 'msteams' ? { id: 'bot', name: 'Bot' } : { id: USER_ID, name: 'Admin' };
    return this.send({ type: 'conversationUpdate', membersAdded: [joined] });
  }

  snapshot(): Record<string, string> {
    return { ...this.memory };
  }

  restore(snapshot: Record<string, string>): void {
    for (const key of Object.keys(this.memory)) delete this.memory[key];
    Object.assign(this.memory, snapshot);
  }

  private conversationDocument(): { dialogState?: { dialogStack: StoredInstance[] } } | undefined {
    const key = Object.keys(this.memory).find((candidate) => candidate.includes(`/conversations/${CONVERSATION_ID}`));
    const stored = key ? this.memory[key] : undefined;
    return typeof stored === 'string' ? JSON.parse(stored) : undefined;
  }

  /** The shape of the stored dialog stack: dialog ids, waterfall steps, nested components. */
  signature(): string {
    return signatureOf(this.conversationDocument()?.dialogState?.dialogStack ?? []);
  }

  /** The innermost pending dialog's options as `localizedPrompt` stored them. */
  pendingSpec(): PromptSpec | undefined {
    // The active dialog is the last of each stack.
    let instance = this.conversationDocument()?.dialogState?.dialogStack.at(-1);
    while (instance?.state?.dialogs?.dialogStack.at(-1)) instance = instance.state.dialogs.dialogStack.at(-1);
    return instance?.state?.options?.validations?.localized;
  }

  atMenu(): boolean {
    const ids = idsOf(this.conversationDocument()?.dialogState?.dialogStack ?? []);
    return ids.length > 0 && ids.every((id) => id === 'mainMenu' || id.startsWith('mainMenu.'));
  }
}

function signatureOf(stack: StoredInstance[]): string {
  return stack
    .map((instance) => {
      const step = instance.state?.stepIndex !== undefined ? `#${instance.state.stepIndex}` : '';
      const inner = instance.state?.dialogs ? `[${signatureOf(instance.state.dialogs.dialogStack)}]` : '';
      return `${instance.id}${step}${inner}`;
    })
    .join(',');
}

function idsOf(stack: StoredInstance[]): string[] {
  return stack.flatMap((instance) => [instance.id, ...idsOf(instance.state?.dialogs?.dialogStack ?? [])]);
}

/** The buttons of the last reply that offers any: suggested actions, or card buttons (Teams' imBack/messageBack). */
export function buttonsOf(replies: Partial<Activity>[]): Action[] {
  for (const reply of [...replies].reverse()) {
    const suggested = reply.suggestedActions?.actions ?? [];
    if (suggested.length > 0) return suggested.map((action) => ({ label: action.title, text: String(action.value ?? action.title) }));
    const submits = (reply.attachments ?? []).flatMap((attachment) => cardSubmits(attachment.content));
    if (submits.length > 0) return submits;
  }
  return [];
}

function cardSubmits(node: unknown): Action[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(cardSubmits);
  const element = node as { type?: string; title?: string; data?: { msteams?: { type: string; value?: unknown; text?: string } } };
  if (element.type === 'Action.Submit' && element.data?.msteams) {
    const msteams = element.data.msteams;
    if (msteams.type === 'imBack') return [{ label: element.title ?? '', text: String(msteams.value) }];
    return [{ label: element.title ?? '', text: msteams.text ?? '', value: msteams.value as Record<string, unknown> }];
  }
  return Object.values(node).flatMap(cardSubmits);
}

/** Texts of the replies that show a problem: the error message, or a locale key shown as text. */
export function errorsIn(replies: Partial<Activity>[]): string[] {
  const errors = new Set(ERROR_KEYS.flatMap((key) => [text('sv', key), text('en', key)]));
  return replies
    .map((reply) => reply.text ?? '')
    .filter((replyText) => errors.has(replyText) || /^[a-z]+:[A-Za-z0-9_.]+$/.test(replyText) || /^[a-z][A-Za-z]+\.[A-Za-z.]+$/.test(replyText))
    .map((replyText) => `got "${replyText.slice(0, 80)}"`);
}

const render = (language: Language, entry: { key: string; args?: Record<string, unknown> }) => text(language, entry.key, entry.args);

/** The texts that ask this place's question in a language: the question, or its retry. */
export function questionTexts(spec: PromptSpec | undefined, language: Language): string[] {
  if (!spec) return [];
  return [render(language, spec.prompt), ...(spec.retryPrompt ? [render(language, spec.retryPrompt)] : [])];
}

/** Whether the replies end with this place's question, in one of the languages. */
export function endsWithQuestion(replies: Partial<Activity>[], spec: PromptSpec | undefined, languages: Language[]): boolean {
  const last = replies.at(-1)?.text ?? '';
  return languages.some((language) => questionTexts(spec, language).includes(last));
}

export interface ExplorerResult {
  coverage: Coverage;
  places: Place[];
}

/** What an interruption can use: the walker, where each action led, and the welcome. */
export interface ExplorationContext {
  walker: Walker;
  shape: Shape;
  /** Where each action of each place led (signatures, in the order of the place's actions), walked without interruption. */
  leadsTo: Map<string, string[]>;
  welcome: Place;
  /**
   * Sends the place's first action again, as it is offered now (after a language switch, in the
   * other language), and says where it led if not where it led without the interruption.
   */
  nextClick(place: Place, repliesBefore: Partial<Activity>[], language: Language): Promise<string[]>;
}

/**
 * Walks every place of one shape breadth-first. Each place is reached once (by the first route that
 * finds it); its every action is tried from its snapshot. Then every interruption runs at every place.
 */
export async function explore(shape: Shape, interruptions: Interruption[], recognizer: ReturnType<typeof createRecognizer>): Promise<ExplorerResult> {
  const walker = await Walker.start(shape, recognizer);
  const problems: string[] = [];
  const places = new Map<string, Place>();
  const queue: Place[] = [];
  const leadsTo = new Map<string, string[]>();
  const where = (route: string[]) => `${shape.language}/${shape.channel} ${route.join(' → ')}`;

  const visit = (replies: Partial<Activity>[], route: string[]) => {
    const signature = walker.signature();
    problems.push(...errorsIn(replies).map((problem) => `${where(route)}: ${problem}`));
    if (signature === '' || places.has(signature)) return signature;
    const spec = walker.pendingSpec();
    const buttons = buttonsOf(replies);
    const place: Place = { signature, snapshot: walker.snapshot(), spec, actions: buttons, atMenu: walker.atMenu(), route };
    if (buttons.length === 0) {
      if (spec?.example) place.actions = [{ label: `"${render(shape.language, spec.example)}"`, text: render(shape.language, spec.example) }];
      else problems.push(`${where(route)}: a question without buttons and without an example answer`);
    }
    if (!spec) problems.push(`${where(route)}: the bot waits without a question asked through localizedPrompt`);
    places.set(signature, place);
    queue.push(place);
    return signature;
  };

  visit(await walker.join(), ['(welcome)']);
  while (queue.length > 0) {
    const place = queue.shift()!;
    for (const action of place.actions) {
      walker.restore(place.snapshot);
      const replies = await walker.say(action.text, action.value);
      const led = visit(replies, [...place.route, action.label]);
      leadsTo.set(place.signature, [...(leadsTo.get(place.signature) ?? []), led]);
    }
  }

  const context: ExplorationContext = {
    walker,
    shape,
    leadsTo,
    welcome: [...places.values()][0]!,
    nextClick: async (place, repliesBefore, language) => {
      const offered = buttonsOf(repliesBefore.slice(-1));
      const action = offered[0] ?? (place.spec?.example ? { label: 'example', text: render(language, place.spec.example) } : undefined);
      if (!action) return ['no button or example to go on with'];
      const replies = await walker.say(action.text, action.value);
      const led = walker.signature();
      const expected = leadsTo.get(place.signature)?.[0];
      const found = errorsIn(replies);
      if (led !== expected) found.push(`the next click "${action.label}" led to [${led}], without the interruption to [${expected}]`);
      return found;
    },
  };
  let sent = 0;
  for (const place of places.values()) {
    for (const interruption of interruptions) {
      walker.restore(place.snapshot);
      sent += 1;
      const found = await interruption.run(context, place);
      problems.push(...found.map((problem) => `${where(place.route)} [${place.signature}], ${interruption.name}: ${problem}`));
    }
  }
  return { coverage: { shape, places: places.size, interruptions: sent, turns: walker.turns, problems }, places: [...places.values()] };
}

