import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  ConfirmPrompt,
  Prompt,
  TextPrompt,
  type Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogState,
  type FoundChoice,
  type PromptOptions,
  type PromptRecognizerResult,
  type Recognizer,
} from 'botbuilder-dialogs';
import type { CancelSubscriptionOptions } from '../../dialogs/cancelSubscriptionDialog.js';
import { EARLIER_ANSWER_DIALOG, requestGoBack, type EarlierAnswerOptions } from '../../dialogs/earlierAnswerDialog.js';
import type { MainMenuOptions } from '../../dialogs/mainMenuDialog.js';
import { PathDialog } from '../../dialogs/pathDialog.js';
import { localizedSpec, renderChoices, type LocalizedPromptSpec } from '../../dialogs/prompts.js';
import { SUPPORT_ESCALATION_DIALOG, type SupportEscalationOptions } from '../../dialogs/supportEscalationContract.js';
import { choiceCard } from '../domain/cardActions.js';
import { showsChoicesOnCard } from '../domain/channel.js';
import { SUPPORTED_LANGUAGES, type Language } from '../domain/config.js';
import type { EarlierAnswer, EarlierQuestions } from './earlierQuestions.js';
import { isCancellationRequest, isEndConversationPhrase, type GlobalCommand } from '../domain/globalCommands.js';
import type { Translate } from '../domain/i18n.js';
import { normalizeForMatching } from '../domain/language.js';
import type { Logger } from '../domain/logger.js';
import type { IntentName, RecognizedEntities } from '../domain/nlu/intents.js';
import { interpretRecognition, type Interpretation } from '../domain/nlu/interpretation.js';
import { readsAsQuestion } from '../domain/nlu/messageShape.js';
import { isThanking } from '../domain/nlu/signs/conversation.js';
import { tokenize } from '../domain/nlu/text.js';
import type { OutcomeTracker, PathName } from '../domain/outcomes.js';
import type { PlanId } from '../domain/plans.js';
import { topicAnswer } from '../domain/topicAnswers.js';
import type { TopicRegistry } from '../domain/topics.js';
import { turnLanguage } from '../domain/turn.js';
import { pathAnswerOf } from './pathAnswers.js';

/** Intents a clarifying question can offer as buttons besides the topics (their titles: `nlu:topics.<intent>`). */
const CLARIFIABLE_ACTIONS: readonly IntentName[] = ['startCancellation', 'talkToSupport'];

/** A dialog whose own prompts take a plain "stop" (the support step: stop collecting details, back to the path). */
interface StopsItself {
  readonly stopsItself: true;
}
const stopsItself = (dialog: Dialog | undefined): dialog is Dialog & StopsItself => (dialog as Partial<StopsItself> | undefined)?.stopsItself === true;

/** One dialog on the stack, through every component: its instance and the dialog itself. */
interface StackLevel {
  instance: DialogInstance;
  dialog: Dialog | undefined;
}

/** Where the conversation is when a message arrives: read once per turn, from the dialog stack. */
export interface Position {
  /** The stack, outermost first. */
  levels: StackLevel[];
  /** No path has started: the menu (or the offer after an answer) is waiting, or nothing is. */
  atMenu: boolean;
  /** The innermost path on the stack, with its instance. */
  path?: { dialog: PathDialog; instance: DialogInstance };
  /** The innermost dialog that handles a plain "stop" itself. */
  stopsItself: boolean;
  /** The pending prompt, its options and the spec it was asked with. */
  prompt?: { dialog: Prompt<unknown>; level: StackLevel; options: PromptOptions; spec?: LocalizedPromptSpec };
  /** The pending prompt takes free text (a verification detail). */
  freeTextPrompt: boolean;
  /** The pending prompt (a choice or yes/no) recognises the message as its answer. */
  promptAccepts: boolean;
  /** The message is one of the pending prompt's choices word for word (a button was clicked). */
  choiceClicked: boolean;
  /** What the pending prompt reads the message as, when it accepts it (a choice, or true/false for yes/no). */
  promptAnswer?: unknown;
}

export interface InterruptionDependencies {
  /** Reads typed questions and requests; without one, only buttons and exact commands work. */
  recognizer?: Recognizer;
  mainDialogId: string;
  /** The topics typed questions are answered from. */
  topics: TopicRegistry;
  logger: Logger;
  outcomes?: OutcomeTracker;
  /** The questions with buttons asked earlier, for old buttons clicked again. */
  earlierQuestions?: EarlierQuestions;
  /** The bot's language switch: remembers the language, says so, then resumes (see `resume`). */
  switchLanguage(dialogContext: DialogContext, language: Language): Promise<void>;
}

/**
 * Everything that may interrupt the pending question, in one place: help, start over, end the
 * conversation, a language switch, asking for support, and typed questions and requests. A question
 * about another topic gets its direct answer (the same fact texts as the dialog step), then the
 * pending question again, or at the menu the offer to guide through cancelling; unsure input gets a
 * clarifying question with the likeliest topics as buttons. Answers to the pending prompt ("E3",
 * "ja", "1", an e-mail address) are never taken for questions. Whatever interrupts, the conversation
 * goes on through `resume`.
 */
export class Interruptions {
  // The clarification buttons' titles as typed, per translator (one per language, see `translator`):
  // read for every typed message.
  private readonly clarificationTitles = new WeakMap<Translate, Map<string, IntentName>>();
  /** Intents a clarifying question can offer as buttons: the topics, then cancelling and support. */
  private readonly clarifiable: readonly IntentName[];

  constructor(private readonly deps: InterruptionDependencies) {
    this.clarifiable = [...(deps.topics.ids as IntentName[]), ...CLARIFIABLE_ACTIONS];
  }

  /**
   * The one way back after an interruption: the pending question again. `menu` is how the menu goes
   * on when it is what waits (or nothing does): "anything else?", or the offer to guide through
   * cancelling after an answer; without it the menu's own question is asked again.
   */
  async resume(dialogContext: DialogContext, position?: Position, menu?: MainMenuOptions): Promise<void> {
    const where = position ?? (await this.position(dialogContext));
    if (dialogContext.activeDialog && (!where.atMenu || !menu)) return void (await dialogContext.repromptDialog());
    // After the conversation ended nothing waits: the menu starts afresh, not with "anything else?".
    const again = menu?.again === true && dialogContext.activeDialog !== undefined;
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(this.deps.mainDialogId, { ...menu, again } satisfies MainMenuOptions);
  }

  /** Starts over: every dialog ends (each path records that it stopped), then the menu. */
  async startOver(dialogContext: DialogContext): Promise<void> {
    await dialogContext.cancelAllDialogs();
    await dialogContext.context.sendActivity(turnLanguage(dialogContext.context).t('startOver.done'));
    await dialogContext.beginDialog(this.deps.mainDialogId);
  }

  /**
   * Runs a global command: help, start over or end the conversation. Returns false when a plain
   * "stop" is left to a dialog that handles it itself (the support step), which then gets the message.
   */
  async command(dialogContext: DialogContext, command: GlobalCommand): Promise<boolean> {
    if (command === 'startOver') {
      await this.startOver(dialogContext);
      return true;
    }
    const position = await this.position(dialogContext);
    if (command === 'help') {
      await this.help(dialogContext, position);
      return true;
    }
    if (position.stopsItself && !isEndConversationPhrase(dialogContext.context.activity.text ?? '')) return false;
    await this.endConversation(dialogContext);
    return true;
  }

  /** Ends every dialog; a path on the stack records that it stopped, else the menu does. A goodbye that thanks is thanked first. */
  private async endConversation(dialogContext: DialogContext): Promise<void> {
    const context = dialogContext.context;
    const { t } = turnLanguage(context);
    await dialogContext.cancelAllDialogs();
    if (!PathDialog.stoppedThisTurn(context)) await this.deps.outcomes?.track(context, { path: 'menu', ending: 'stopped' });
    if (tokenize(context.activity.text ?? '').some(isThanking)) await context.sendActivity(t('nlu:thanks'));
    await context.sendActivity(t('cancel:stop.done'));
  }

  /**
   * Help says where the admin is: the path, the step ("step 2 of 3"), what can be answered, and the
   * commands that always work; then the pending question again.
   */
  private async help(dialogContext: DialogContext, position: Position): Promise<void> {
    const { t } = turnLanguage(dialogContext.context);
    const ids = position.levels.map((level) => level.instance.id).reverse();
    const where = ids.find((id) => t(`cancel:help.where.${id}`, { defaultValue: '' }) !== '');
    const step = position.prompt?.spec?.step;
    const parts = [
      where ? t(`cancel:help.where.${where}`) : undefined,
      step ? t(step.number === 0 ? 'cancel:help.beforeSteps' : 'cancel:help.step', step) : undefined,
      this.answerHint(dialogContext.context, position),
      t('cancel:help.commands'),
    ];
    await dialogContext.context.sendActivity(parts.filter(Boolean).join(' '));
    await this.resume(dialogContext, position);
  }

  /** What the pending question takes: its choices, yes or no, or what its hint says may be typed. */
  private answerHint(context: TurnContext, position: Position): string | undefined {
    const prompt = position.prompt;
    if (!prompt) return undefined;
    const t = turnLanguage(context).t;
    if (prompt.dialog instanceof ConfirmPrompt) return t('cancel:help.answerYesNo');
    const choices = prompt.spec?.choices ? renderChoices(context, prompt.spec.choices) : prompt.options.choices;
    if (choices && choices.length > 0) {
      const titles = choices.map((choice) => (typeof choice === 'string' ? choice : (choice.action?.title ?? choice.value)));
      return t('cancel:help.answerChoices', { choices: titles.map((title) => `"${title}"`).join(', ') });
    }
    const example = prompt.spec?.example;
    return example ? t('cancel:help.answerText', { example: t(example.key, example.args ?? {}) }) : undefined;
  }

  /** Handles the message if it is a typed interruption; false leaves it to the dialogs. */
  async handle(dialogContext: DialogContext, options: { firstMessage?: boolean } = {}): Promise<boolean> {
    const context = dialogContext.context;
    const text = context.activity.text?.trim() ?? '';
    if (text === '') return false;

    const position = await this.position(dialogContext);
    // A button of the pending prompt (or its exact words) is always its answer.
    if (position.choiceClicked) return false;
    // A button of an earlier question, far up the chat: never out of scope. A free-text question
    // takes any words, also those of an old button ("nej tack" declines the feedback comment).
    const earlier = position.promptAccepts || position.freeTextPrompt ? undefined : await this.deps.earlierQuestions?.find(context, text);
    // At the menu or the offer no path waits to go back into: an old plan or timing button asks for the guide with it (below).
    if (earlier && !(position.atMenu && this.deps.recognizer)) return this.offerEarlierAnswer(dialogContext, earlier, position);
    const clicked = earlier ? undefined : this.clarificationButtonIntent(context, text);
    if (clicked) return this.act(dialogContext, clicked, {}, position, options);
    if (!this.deps.recognizer) return false;

    const question = readsAsQuestion(text);
    // Answers go to the prompt that waits for them; questions may interrupt it. At the menu, a
    // cancellation request may say more than the menu's "cancel" choice (plan, timing): read it.
    if (position.freeTextPrompt && !question) return false;
    if (position.promptAccepts && !question && !position.atMenu) return false;

    const recognized = await this.deps.recognizer.recognize(dialogContext, context.activity);
    const interpretation = interpretRecognition(recognized, this.deps.topics);
    this.deps.logger.debug('free text recognised', {
      conversationId: context.activity.conversation?.id,
      kind: interpretation.kind,
      intent: interpretation.kind === 'confident' ? interpretation.intent : undefined,
    });
    // Where no path waits, a path's answer (a plan, a timing) asks for the guide with it; a "no" to the offer stays no.
    const pathAnswer = position.atMenu && position.promptAnswer !== false ? pathAnswerOf(text, recognized, interpretation) : undefined;
    if (pathAnswer) return this.startMenuTopic(dialogContext, { topic: 'cancel', cancel: pathAnswer });
    if (earlier) return this.offerEarlierAnswer(dialogContext, earlier, position);
    if (interpretation.kind === 'confident') {
      const { intent, entities } = interpretation;
      if (position.promptAccepts) {
        // A question the prompt matched by one word ("vad gör jag nu?" at the timing question has
        // "nu") is still a question: about a topic, or asking for help.
        const topicQuestion = question && (this.deps.topics.has(intent) || intent === 'help');
        const detailedCancellation = position.atMenu && intent === 'startCancellation' && Object.keys(cancelOptions(entities)).length > 0;
        // The menu matches any message with "cancel" in it; a sentence about a topic or another
        // product ("we want our data deleted right away when we cancel") is read for what it is.
        // A single word the menu accepts ("2", "avbryt") stays the menu's answer.
        const menuTopic = position.atMenu && /\s/.test(text) && (this.deps.topics.has(intent) || intent === 'outOfScope');
        if (!topicQuestion && !detailedCancellation && !menuTopic) return false;
      }
      return this.act(dialogContext, intent, entities, position, options);
    }
    // "jag vill avbryta" the recognizer is unsure of is still a request to cancel: the menu starts it.
    if (interpretation.kind === 'unsure' && (position.atMenu || question) && !position.promptAccepts && !isCancellationRequest(text)) {
      return this.clarify(context, interpretation);
    }
    return false;
  }

  private async act(
    dialogContext: DialogContext,
    intent: IntentName,
    entities: RecognizedEntities,
    position: Position,
    { firstMessage = false }: { firstMessage?: boolean },
  ): Promise<boolean> {
    const context = dialogContext.context;
    const { t, language } = turnLanguage(context);
    const topic = this.deps.topics.find(intent);
    if (topic) {
      await context.sendActivities(topicAnswer(context, topic));
      await this.deps.outcomes?.topicAnswered(context, topic);
      await this.resume(dialogContext, position, { again: true, offerCancel: true });
      return true;
    }
    switch (intent) {
      case 'startCancellation':
        if (!position.atMenu) return false;
        return this.startMenuTopic(dialogContext, { topic: 'cancel', cancel: cancelOptions(entities) });
      case 'talkToSupport':
        if (position.stopsItself) return false;
        if (!position.atMenu && (await this.handToSupport(dialogContext, position))) return true;
        return this.startMenuTopic(dialogContext, { topic: 'support' });
      case 'help':
        if (firstMessage) return false;
        await this.help(dialogContext, position);
        return true;
      case 'startOver':
        if (firstMessage) return false;
        await this.startOver(dialogContext);
        return true;
      case 'endConversation':
        // Inside a dialog that handles stopping itself (support), only an explicit "end the conversation" ends everything.
        return this.command(dialogContext, 'stop');
      case 'switchLanguage': {
        const asked = entities.language?.[0] ?? SUPPORTED_LANGUAGES.find((other) => other !== language)!;
        await this.deps.switchLanguage(dialogContext, asked);
        return true;
      }
      case 'outOfScope':
        // A request to cancel that names no other product ("Cancel a subscription", the menu's own
        // button typed as the first message) is about the subscriptions this assistant covers.
        if (position.atMenu && !entities.otherProduct?.length && isCancellationRequest(context.activity.text)) {
          return this.startMenuTopic(dialogContext, { topic: 'cancel', cancel: cancelOptions(entities) });
        }
        await context.sendActivities([
          { type: 'message', text: t('nlu:outOfScope') },
          { type: 'message', text: t('facts:F16.appliesTo') },
        ]);
        await this.resume(dialogContext, position, { again: true });
        return true;
      case 'giveFeedback':
        if (!position.atMenu) return false;
        await context.sendActivity(t('nlu:feedback'));
        await this.resume(dialogContext, position, { again: true });
        return true;
      case 'greeting':
        // The welcome already greets a first message; mid-path a greeting is not worth interrupting for.
        if (firstMessage || !position.atMenu) return false;
        await context.sendActivity(t('nlu:greeting'));
        // Greeted before anything was asked (the welcome's menu waits), the menu asks afresh, not "anything else?".
        await this.resume(dialogContext, position, { again: position.prompt?.spec?.prompt.key !== 'menu.prompt' });
        return true;
      case 'thanks':
        if (firstMessage) return false;
        await context.sendActivity(t('nlu:thanks'));
        await this.resume(dialogContext, position, { again: true });
        return true;
      default:
        return false;
    }
  }

  /**
   * Support asked for in the middle of a path: the support step starts on top of the pending question,
   * with the path's plan and name for its case, and the path records that it was handed to support.
   * When the support step ends (or the admin stops it), the pending question is asked again.
   * False when the pending question's dialog cannot host it (then support starts from the menu).
   */
  private async handToSupport(dialogContext: DialogContext, position: Position): Promise<boolean> {
    const host = position.prompt ? innermostContext(dialogContext) : undefined;
    if (!host || !host.dialogs.find(SUPPORT_ESCALATION_DIALOG)) return false;
    const plan = planOnStack(position);
    const path: PathName = position.path?.dialog.path ?? 'support';
    if (position.path) await this.deps.outcomes?.track(host.context, { path, ending: 'handedToSupport', ...(plan ? { plan } : {}) });
    await host.beginDialog(SUPPORT_ESCALATION_DIALOG, { reason: 'asked', path, ...(plan ? { plan } : {}) } satisfies SupportEscalationOptions);
    return true;
  }

  /**
   * Says the button answers an earlier question and offers to go back there with it, or to carry
   * on. With nothing pending there is nothing to carry on with: it goes back at once.
   */
  private async offerEarlierAnswer(dialogContext: DialogContext, earlier: EarlierAnswer, position: Position): Promise<boolean> {
    const { signature, question } = earlier.question;
    if (position.levels.length === 0) {
      requestGoBack(dialogContext.context, { signature, choice: earlier.title });
      return true;
    }
    const t = turnLanguage(dialogContext.context).t;
    await dialogContext.beginDialog(EARLIER_ANSWER_DIALOG, {
      question: t(question.key, question.args ?? {}),
      choice: earlier.title,
      signature,
    } satisfies EarlierAnswerOptions);
    return true;
  }

  private async startMenuTopic(dialogContext: DialogContext, options: MainMenuOptions): Promise<boolean> {
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(this.deps.mainDialogId, options);
    return true;
  }

  /** The intent whose clarification button title (in the turn's language) the message repeats. */
  private clarificationButtonIntent(context: TurnContext, text: string): IntentName | undefined {
    const { t } = turnLanguage(context);
    let titles = this.clarificationTitles.get(t);
    if (!titles) {
      titles = new Map(this.clarifiable.map((intent) => [normalizeForMatching(t(`nlu:topics.${intent}`)), intent] as const).reverse());
      this.clarificationTitles.set(t, titles);
    }
    return titles.get(normalizeForMatching(text));
  }

  /** "Is it about one of these?" with the 2–3 likeliest topics as buttons; the pending prompt keeps waiting. */
  private async clarify(context: TurnContext, interpretation: Extract<Interpretation, { kind: 'unsure' }>): Promise<boolean> {
    const candidates = interpretation.candidates.filter((candidate) => this.clarifiable.includes(candidate.intent));
    if (candidates.length === 0) return false;
    const t = turnLanguage(context).t;
    const titles = candidates.map((candidate) => t(`nlu:topics.${candidate.intent}`));
    const prompt = t('nlu:clarify.prompt');
    await context.sendActivity(
      showsChoicesOnCard(context) ? MessageFactory.attachment(choiceCard(titles), prompt) : MessageFactory.suggestedActions(titles, prompt),
    );
    return true;
  }

  /** Where the conversation is: the stack read once, and what the pending prompt makes of the message. */
  async position(dialogContext: DialogContext): Promise<Position> {
    const levels = stackLevels(dialogContext);
    const pathLevel = [...levels].reverse().find((level) => level.dialog instanceof PathDialog);
    const leaf = levels.at(-1);
    const position: Position = {
      levels,
      atMenu:
        levels.length === 0 ||
        (levels[0]!.instance.id === this.deps.mainDialogId && levels.slice(1).every((level) => !(level.dialog instanceof ComponentDialog))),
      ...(pathLevel ? { path: { dialog: pathLevel.dialog as PathDialog, instance: pathLevel.instance } } : {}),
      stopsItself: levels.some((level) => stopsItself(level.dialog)),
      freeTextPrompt: false,
      promptAccepts: false,
      choiceClicked: false,
    };
    if (leaf && leaf.dialog instanceof Prompt) {
      const state = leaf.instance.state as { state: object; options: PromptOptions };
      position.prompt = { dialog: leaf.dialog as Prompt<unknown>, level: leaf, options: state.options, spec: localizedSpec(state.options) };
      position.freeTextPrompt = leaf.dialog instanceof TextPrompt;
      if (!position.freeTextPrompt) {
        // Ask the pending prompt itself whether the message answers it (its choices, synonyms, numbers, yes/no).
        const context = dialogContext.context;
        const recognized = await (leaf.dialog as unknown as PromptRecognizing).onRecognize(context, state.state, state.options);
        position.promptAccepts = recognized.succeeded;
        if (recognized.succeeded) position.promptAnswer = recognized.value;
        const found = recognized.value as Partial<FoundChoice> | undefined;
        const typed = normalizeForMatching(context.activity.text ?? '');
        position.choiceClicked = position.promptAccepts && typeof found?.synonym === 'string' && normalizeForMatching(found.synonym) === typed;
      }
    }
    return position;
  }
}

/**
 * The stack through every component, read from the stored state: a component keeps its own stack
 * under `dialogs` in its instance's state, and a dialog id is looked up in the innermost component's
 * dialogs first, then outwards, as DialogContext.findDialog does. Walking it with `dc.child` built a
 * DialogContext per level, and botbuilder a memory manager and a component registration with each,
 * on every message, before the dialogs built them all again to continue.
 */
function stackLevels(dialogContext: DialogContext): StackLevel[] {
  const levels: StackLevel[] = [];
  let find = (id: string) => dialogContext.findDialog(id);
  let stack = dialogContext.stack;
  for (let instance = stack.at(-1); instance; instance = stack.at(-1)) {
    const dialog = find(instance.id);
    levels.push({ instance, dialog });
    // Our only dialog containers are component dialogs (paths, the menu, the support step).
    if (!(dialog instanceof ComponentDialog)) break;
    const outer = find;
    find = (id) => dialog.findDialog(id) ?? outer(id);
    stack = (instance.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack ?? [];
  }
  return levels;
}

/** The dialog context whose active dialog is the innermost one (the pending prompt's). */
function innermostContext(dialogContext: DialogContext): DialogContext {
  let dc = dialogContext;
  for (let child = dc.child; child; child = dc.child) dc = child;
  return dc;
}

/** The plan the admin is on: the innermost path's, else the one a question of the path was asked for. */
function planOnStack(position: Position): PlanId | undefined {
  if (position.path) {
    const plan = PathDialog.planOf(position.path.instance);
    if (plan) return plan;
  }
  for (const level of [...position.levels].reverse()) {
    const plan = (level.instance.state as { options?: { plan?: PlanId } } | undefined)?.options?.plan;
    if (plan) return plan;
  }
  return undefined;
}

/** Prompt.onRecognize is protected; the interruption check calls it to read the message as the prompt would. */
interface PromptRecognizing {
  onRecognize(context: TurnContext, state: object, options: object): Promise<PromptRecognizerResult<unknown>>;
}

function cancelOptions(entities: RecognizedEntities): CancelSubscriptionOptions {
  const plan: PlanId | undefined = entities.plan?.length === 1 ? entities.plan[0] : undefined;
  const timing = entities.timing?.length === 1 ? entities.timing[0] : undefined;
  return { ...(plan ? { plan } : {}), ...(timing ? { timing } : {}) };
}
