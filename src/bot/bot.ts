import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  type Dialog,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
  type Recognizer,
} from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import type { Config, Language } from '../domain/config.js';
import type { ConsistentTurns } from './consistentTurns.js';
import { recognizeGlobalCommand, type GlobalCommandRecognizer } from '../domain/globalCommands.js';
import { EarlierAnswerDialog, takeGoBackRequest } from '../../dialogs/earlierAnswerDialog.js';
import { EarlierQuestions } from './earlierQuestions.js';
import { languageSwitchRequest, promptCulture, resolveLanguage, type LanguageGuesser } from '../domain/language.js';
import { Interruptions } from './interruptions.js';
import { translator } from '../domain/i18n.js';
import type { Logger } from '../domain/logger.js';
import type { OutcomeTracker } from '../domain/outcomes.js';
import type { PrivacyControls } from './privacyControls.js';
import { isRepeatedActivity } from './repeatedActivities.js';
import type { BotStates } from './state.js';
import { TOPIC_REGISTRY, type TopicRegistry } from '../domain/topics.js';
import { DialogStepTelemetry } from '../domain/telemetry/instrumentation.js';
import { setTurnLanguage, turnLanguage } from '../domain/turn.js';

export interface BotDependencies {
  config: Pick<Config, 'defaultLocale'>;
  i18n: i18n;
  states: BotStates;
  /** The dialog a conversation starts in. */
  mainDialog: Dialog;
  guessLanguage: LanguageGuesser;
  /** The language a message is clearly written in, which wins over the channel's locale (optional). */
  guessClearLanguage?: LanguageGuesser;
  logger: Logger;
  /** Records "stopped" endings; optional so a bot can run without the report. */
  outcomes?: OutcomeTracker;
  /** Recognizes help / start over / stop at any point (default: `recognizeGlobalCommand`). */
  recognizeCommand?: GlobalCommandRecognizer;
  /** "delete my data" at any point; optional so dialog tests can leave it out. */
  privacy?: PrivacyControls;
  /** Runs each turn whole, once and in order per conversation (see consistentTurns.ts); every channel's turns go through it. */
  turns?: ConsistentTurns;
  /** Run in order before the dialogs on each message (after a language switch); the first returning true has handled it. */
  interceptors?: MessageInterceptor[];
  /** Reads typed questions and requests (RECOGNIZER); without one, only buttons and exact commands work. */
  recognizer?: Recognizer;
  /** The topics typed questions are answered from (default: the registry's). */
  topics?: TopicRegistry;
}

// Where botbuilder's DialogStateManager keeps its memory scopes for the rest of a turn.
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Handles a message before the dialogs see it (operator commands, a recognizer); true = handled. */
export type MessageInterceptor = (context: TurnContext) => Promise<boolean>;

/**
 * The cancellation assistant: resolves each turn's language, welcomes new users, and runs the
 * dialogs. State is saved once at the end of every turn.
 */
export class CancellationBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly interruptions: Interruptions;
  private readonly earlierQuestions: EarlierQuestions;
  /**
   * The dialog memory scopes, built by the first turn. botbuilder builds them anew each turn (a
   * service container and a dozen scope objects); they keep nothing of a turn, so one set serves
   * every turn, as botbuilder's own DialogManager does.
   */
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.dialogs = new DialogSet(deps.states.dialogState);
    this.dialogs.add(deps.mainDialog);
    if (deps.privacy) this.dialogs.add(deps.privacy.dialog);
    this.dialogs.add(new EarlierAnswerDialog({ i18n: deps.i18n }));
    // Every waterfall reports its steps to it, and they become events on the turn's span.
    this.dialogs.telemetryClient = new DialogStepTelemetry();
    this.earlierQuestions = new EarlierQuestions(deps.states, deps.i18n);
    this.interruptions = new Interruptions({
      recognizer: deps.recognizer,
      mainDialogId: deps.mainDialog.id,
      topics: deps.topics ?? TOPIC_REGISTRY,
      logger: deps.logger,
      outcomes: deps.outcomes,
      earlierQuestions: this.earlierQuestions,
      switchLanguage: (dialogContext, language) => this.switchLanguage(dialogContext, language),
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (joined) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await this.goBackIfAsked(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.turns) return this.deps.turns.run(context, () => this.runOnce(context));
    return this.runOnce(context);
  }

  private async runOnce(context: TurnContext): Promise<void> {
    if (await isRepeatedActivity(context, this.deps.states, this.deps.logger)) return;
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
    await this.applyTurnLanguage(context);
    await super.run(context);
    await this.earlierQuestions.remember(context);
    this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION) as DialogStateManagerConfiguration | undefined;
    await this.deps.states.conversationState.saveChanges(context);
    await this.deps.states.userState.saveChanges(context);
    await this.deps.privacy?.afterTurn(context);
  }

  /** Resolves the language, and sets the prompt culture so botbuilder's prompts speak it too. */
  private async applyTurnLanguage(context: TurnContext): Promise<void> {
    const chosen = await this.deps.states.chosenLanguage(context);
    const flags = await this.deps.states.conversationFlags.get(context, {});
    const { language, source } = resolveLanguage({
      chosen,
      activity: context.activity,
      guess: this.deps.guessLanguage,
      defaultLanguage: this.deps.config.defaultLocale,
      clearGuess: this.deps.guessClearLanguage,
      conversationLanguage: flags.textLanguage,
    });
    if (source === 'clearText') flags.textLanguage = language;
    this.useLanguage(context, language);
  }

  private useLanguage(context: TurnContext, language: Language): void {
    // Replies copy the incoming locale, and prompts pick their culture from it.
    context.activity.locale = promptCulture(language);
    setTurnLanguage(context, { language, t: translator(this.deps.i18n, language) });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const flags = await this.deps.states.conversationFlags.get(context, {});
    const dialogContext = await this.dialogs.createContext(context);

    const switchTo = languageSwitchRequest(context.activity.text);
    if (switchTo) return this.switchLanguage(dialogContext, switchTo);

    if (this.deps.privacy?.isRequest(context.activity.text)) {
      flags.welcomed = true;
      return void (await dialogContext.beginDialog(this.deps.privacy.dialog.id));
    }
    for (const intercept of this.deps.interceptors ?? []) if (await intercept(context)) return;

    if (!flags.welcomed) return this.welcome(context);

    const command = (this.deps.recognizeCommand ?? recognizeGlobalCommand)(context.activity.text ?? '');
    if (command && (await this.interruptions.command(dialogContext, command))) return;
    if (await this.interruptions.handle(dialogContext)) return;

    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.deps.mainDialog.id);
  }

  /** An old button's "go back": the earlier question's stack again, answered with the button's choice. */
  private async goBackIfAsked(context: TurnContext): Promise<void> {
    const request = takeGoBackRequest(context);
    if (!request) return;
    const earlier = await this.earlierQuestions.withSignature(context, request.signature);
    if (!earlier) return;
    await this.deps.states.dialogState.set(context, JSON.parse(JSON.stringify(earlier.stack)) as DialogState);
    // The choice as the earlier question's prompt recognises it.
    context.activity.text = request.choice;
    const dialogContext = await this.dialogs.createContext(context);
    await dialogContext.continueDialog();
  }

  /** Switches to the language asked for, remembers it, and asks the pending question again in it. */
  private async switchLanguage(dialogContext: DialogContext, language: Language): Promise<void> {
    const context = dialogContext.context;
    const flags = await this.deps.states.conversationFlags.get(context, {});
    await this.deps.states.chooseLanguage(context, language);
    this.useLanguage(context, language);
    await context.sendActivity(turnLanguage(context).t('language.switched'));
    if (!flags.welcomed) return this.welcome(context);
    await this.interruptions.resume(dialogContext);
  }

  /** Says who the bot is and what it helps with, then offers the main topics. */
  private async welcome(context: TurnContext): Promise<void> {
    const flags = await this.deps.states.conversationFlags.get(context, {});
    flags.welcomed = true;
    await context.sendActivity({ type: ActivityTypes.Message, text: turnLanguage(context).t('welcome.intro') });
    const dialogContext = await this.dialogs.createContext(context);
    await dialogContext.cancelAllDialogs();
    // The first message may already say what the user wants ("jag vill avbryta", "will we get a refund?").
    const utterance = context.activity.type === ActivityTypes.Message ? context.activity.text : undefined;
    const handled = utterance && !languageSwitchRequest(utterance) && (await this.interruptions.handle(dialogContext, { firstMessage: true }));
    if (handled) return;
    await dialogContext.beginDialog(this.deps.mainDialog.id, { utterance });
  }
}
