import { MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, TextPrompt, type DialogContext, type FoundChoice, type PromptRecognizerResult, type Recognizer } from 'botbuilder-dialogs';
import type { CancelSubscriptionOptions } from '../dialogs/cancelSubscriptionDialog.js';
import { MAIN_MENU_DIALOG, type MainMenuOptions } from '../dialogs/mainMenuDialog.js';
import { SUPPORT_ESCALATION_DIALOG } from '../dialogs/supportEscalationContract.js';
import { choiceCard } from './cardActions.js';
import { showsChoicesOnCard } from './channel.js';
import { SUPPORTED_LANGUAGES, type Language } from './config.js';
import { activeDialogChain, runGlobalCommand } from './globalCommands.js';
import type { Translate } from './i18n.js';
import { normalizeForMatching } from './language.js';
import type { Logger } from './logger.js';
import { isTopicIntent, TOPIC_INTENTS, type IntentName, type RecognizedEntities } from './nlu/intents.js';
import { interpretRecognition, type Interpretation } from './nlu/interpretation.js';
import type { OutcomeTracker } from './outcomes.js';
import type { PlanId } from './plans.js';
import { topicAnswer } from './topicAnswers.js';
import { turnLanguage } from './turn.js';

/** Intents a clarifying question can offer as buttons (their titles: `nlu:topics.<intent>`). */
const CLARIFIABLE: readonly IntentName[] = [...TOPIC_INTENTS, 'startCancellation', 'talkToSupport'];

// Words that open a question. Inputs we recognise, not texts we show: inside a free-text prompt
// (a verification detail) only a message that reads as a question may be taken for one.
const QUESTION_WORDS = new Set([
  'what', 'how', 'why', 'when', 'where', 'who', 'which', 'can', 'could', 'do', 'does', 'is', 'are', 'will', 'would', 'should', 'may', 'must',
  'vad', 'hur', 'varför', 'när', 'var', 'vem', 'vilken', 'vilket', 'vilka', 'kan', 'kommer', 'får', 'måste', 'ska', 'går', 'finns', 'är', 'behöver', 'gäller',
]);

/** Ends with a question mark or starts with a question word. */
export function readsAsQuestion(text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  const first = normalizeForMatching(text).split(' ')[0] ?? '';
  return QUESTION_WORDS.has(first);
}

export interface InterruptionDependencies {
  recognizer: Recognizer;
  mainDialogId: string;
  logger: Logger;
  outcomes?: OutcomeTracker;
  /** The bot's own "start over" and language switch, so typed and exact commands act the same. */
  startOver(dialogContext: DialogContext): Promise<void>;
  switchLanguage(dialogContext: DialogContext, language: Language): Promise<void>;
}

/** Where the conversation is when a message arrives. */
interface Position {
  /** No path has started: the menu (or the offer after an answer) is waiting, or nothing is. */
  atMenu: boolean;
  inSupportPath: boolean;
  /** The pending prompt takes free text (a verification detail). */
  freeTextPrompt: boolean;
  /** The pending prompt (a choice or yes/no) recognises the message as its answer. */
  promptAccepts: boolean;
  /** The message is one of the pending prompt's choices word for word (a button was clicked). */
  choiceClicked: boolean;
}

/**
 * Typed messages that are not answers to the pending question: a question about another topic gets
 * its direct answer (the same fact texts as the dialog step), then the pending question again, or at
 * the menu the offer to guide through cancelling; help, start over, stop and language switches act at
 * once; unsure input gets a clarifying question with the likeliest topics as buttons. Answers to
 * the pending prompt ("E3", "ja", "1", an e-mail address) are never taken for questions.
 */
export class FreeTextInterruptions {
  constructor(private readonly deps: InterruptionDependencies) {}

  /** Handles the message if it is an interruption; false leaves it to the dialogs. */
  async handle(dialogContext: DialogContext, options: { firstMessage?: boolean } = {}): Promise<boolean> {
    const context = dialogContext.context;
    const text = context.activity.text?.trim() ?? '';
    if (text === '') return false;

    const position = await this.position(dialogContext);
    // A button of the pending prompt (or its exact words) is always its answer.
    if (position.choiceClicked) return false;
    const clicked = clarificationButtonIntent(context, text);
    if (clicked) return this.act(dialogContext, clicked, {}, position, options);

    const question = readsAsQuestion(text);
    // Answers go to the prompt that waits for them; questions may interrupt it. At the menu, a
    // cancellation request may say more than the menu's "cancel" choice (plan, timing): read it.
    if (position.freeTextPrompt && !question) return false;
    if (position.promptAccepts && !question && !position.atMenu) return false;

    const interpretation = interpretRecognition(await this.deps.recognizer.recognize(dialogContext, context.activity));
    this.deps.logger.debug('free text recognised', {
      conversationId: context.activity.conversation?.id,
      kind: interpretation.kind,
      intent: interpretation.kind === 'confident' ? interpretation.intent : undefined,
    });
    if (interpretation.kind === 'confident') {
      const { intent, entities } = interpretation;
      if (position.promptAccepts) {
        // A question the prompt matched by one word ("vad gör jag nu?" at the timing question has
        // "nu") is still a question: about a topic, or asking for help.
        const topicQuestion = question && (isTopicIntent(intent) || intent === 'help');
        const detailedCancellation = position.atMenu && intent === 'startCancellation' && Object.keys(cancelOptions(entities)).length > 0;
        // The menu matches any message with "cancel" in it; a sentence about a topic or another
        // product ("we want our data deleted right away when we cancel") is read for what it is.
        // A single word the menu accepts ("2", "avbryt") stays the menu's answer.
        const menuTopic = position.atMenu && /\s/.test(text) && (isTopicIntent(intent) || intent === 'outOfScope');
        if (!topicQuestion && !detailedCancellation && !menuTopic) return false;
      }
      return this.act(dialogContext, intent, entities, position, options);
    }
    if (interpretation.kind === 'unsure' && (position.atMenu || question) && !position.promptAccepts) {
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
    if (isTopicIntent(intent)) {
      await context.sendActivities(topicAnswer(context, intent));
      await this.deps.outcomes?.track(context, { path: 'question', step: intent, ending: 'questionAnswered' });
      return this.resume(dialogContext, position, { offerCancel: true });
    }
    switch (intent) {
      case 'startCancellation':
        if (!position.atMenu) return false;
        return this.startMenuTopic(dialogContext, { topic: 'cancel', cancel: cancelOptions(entities) });
      case 'talkToSupport':
        if (position.inSupportPath) return false;
        return this.startMenuTopic(dialogContext, { topic: 'support' });
      case 'help':
        if (firstMessage) return false;
        return runGlobalCommand('help', { dialogContext, mainDialogId: this.deps.mainDialogId, outcomes: this.deps.outcomes });
      case 'startOver':
        if (firstMessage) return false;
        await this.deps.startOver(dialogContext);
        return true;
      case 'endConversation':
        // Inside a dialog that handles stopping itself (support), runGlobalCommand leaves it to that dialog.
        return runGlobalCommand('stop', { dialogContext, mainDialogId: this.deps.mainDialogId, outcomes: this.deps.outcomes });
      case 'switchLanguage': {
        const asked = entities.language?.[0] ?? SUPPORTED_LANGUAGES.find((other) => other !== language)!;
        await this.deps.switchLanguage(dialogContext, asked);
        return true;
      }
      case 'outOfScope':
        await context.sendActivities([
          { type: 'message', text: t('nlu:outOfScope') },
          { type: 'message', text: t('facts:F16.appliesTo') },
        ]);
        return this.resume(dialogContext, position, {});
      case 'giveFeedback':
        if (!position.atMenu) return false;
        await context.sendActivity(t('nlu:feedback'));
        return this.resume(dialogContext, position, {});
      case 'greeting':
        // The welcome already greets a first message; mid-path a greeting is not worth interrupting for.
        if (firstMessage || !position.atMenu) return false;
        await context.sendActivity(t('nlu:greeting'));
        return this.resume(dialogContext, position, {});
      case 'thanks':
        if (firstMessage) return false;
        await context.sendActivity(t('nlu:thanks'));
        return this.resume(dialogContext, position, {});
      default:
        return false;
    }
  }

  /** Mid-path: the pending question again. At the menu: the menu, or the offer to guide through cancelling. */
  private async resume(dialogContext: DialogContext, position: Position, menu: MainMenuOptions): Promise<boolean> {
    if (!position.atMenu && dialogContext.activeDialog) {
      await dialogContext.repromptDialog();
      return true;
    }
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(this.deps.mainDialogId, { again: true, ...menu } satisfies MainMenuOptions);
    return true;
  }

  private async startMenuTopic(dialogContext: DialogContext, options: MainMenuOptions): Promise<boolean> {
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(this.deps.mainDialogId, options);
    return true;
  }

  /** "Is it about one of these?" with the 2–3 likeliest topics as buttons; the pending prompt keeps waiting. */
  private async clarify(context: TurnContext, interpretation: Extract<Interpretation, { kind: 'unsure' }>): Promise<boolean> {
    const candidates = interpretation.candidates.filter((candidate) => CLARIFIABLE.includes(candidate.intent));
    if (candidates.length === 0) return false;
    const t = turnLanguage(context).t;
    const titles = candidates.map((candidate) => t(`nlu:topics.${candidate.intent}`));
    const prompt = t('nlu:clarify.prompt');
    await context.sendActivity(
      showsChoicesOnCard(context) ? MessageFactory.attachment(choiceCard(titles), prompt) : MessageFactory.suggestedActions(titles, prompt),
    );
    return true;
  }

  private async position(dialogContext: DialogContext): Promise<Position> {
    const chain = activeDialogChain(dialogContext);
    const ids = chain.map((dc) => dc.activeDialog!.id);
    const leaf = chain.at(-1) ?? dialogContext;
    const active = leaf.activeDialog;
    const dialog = active ? leaf.findDialog(active.id) : undefined;
    const freeTextPrompt = dialog instanceof TextPrompt;
    let promptAccepts = false;
    let choiceClicked = false;
    if (dialog instanceof Prompt && !freeTextPrompt && active) {
      // Ask the pending prompt itself whether the message answers it (its choices, synonyms, numbers, yes/no).
      const state = active.state as { state: object; options: object };
      const recognized = await (dialog as unknown as PromptRecognizing).onRecognize(dialogContext.context, state.state, state.options);
      promptAccepts = recognized.succeeded;
      const found = recognized.value as Partial<FoundChoice> | undefined;
      const typed = normalizeForMatching(dialogContext.context.activity.text ?? '');
      choiceClicked = promptAccepts && typeof found?.synonym === 'string' && normalizeForMatching(found.synonym) === typed;
    }
    return {
      atMenu: ids.every((id) => id.startsWith(MAIN_MENU_DIALOG)),
      inSupportPath: ids.includes(SUPPORT_ESCALATION_DIALOG),
      freeTextPrompt,
      promptAccepts,
      choiceClicked,
    };
  }
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

// The clarification buttons' titles as typed, per translator (one per i18n instance and language,
// see `translator`): read for every typed message.
const clarificationTitles = new WeakMap<Translate, Map<string, IntentName>>();

/** The intent whose clarification button title (in the turn's language) the message repeats. */
function clarificationButtonIntent(context: TurnContext, text: string): IntentName | undefined {
  const { t } = turnLanguage(context);
  let titles = clarificationTitles.get(t);
  if (!titles) {
    titles = new Map(CLARIFIABLE.map((intent) => [normalizeForMatching(t(`nlu:topics.${intent}`)), intent] as const).reverse());
    clarificationTitles.set(t, titles);
  }
  return titles.get(normalizeForMatching(text));
}
