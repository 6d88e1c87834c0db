import type { DialogContext } from 'botbuilder-dialogs';
import { normalizeForMatching } from './language.js';
import type { OutcomeTracker, PathName } from './outcomes.js';
import { tr } from './turn.js';

/** What a user can say at any point of the conversation. */
export type GlobalCommand = 'help' | 'startOver' | 'stop';

/** Recognizes a global command in a message; a free-text recognizer can be put in front of this one. */
export type GlobalCommandRecognizer = (text: string) => GlobalCommand | undefined;

// Inputs we recognise, not texts we show. The rule for Swedish "avbryta"/"avsluta" (and English
// "cancel"): on their own or with the subscription they mean cancelling the SUBSCRIPTION, the topic of
// this bot, so they are never "stop". Ending the conversation needs words that name the conversation
// ("avsluta samtalet", "end the conversation") or an unmistakable stop word ("stopp", "quit").
const PHRASES: Record<GlobalCommand, string[]> = {
  help: ['help', 'help me', 'what can i say', 'hjälp', 'hjälp mig', 'vad kan jag säga', 'vad kan jag skriva'],
  startOver: ['start over', 'restart', 'börja om', 'starta om', 'omstart'],
  stop: ['stop', 'quit', 'exit', 'goodbye', 'bye', 'stopp', 'stoppa', 'sluta', 'hejdå', 'hej då'],
};

// Stop phrases that name the conversation itself: they end it even inside a dialog with its own "stop".
const END_CONVERSATION_PHRASES = [
  'end conversation',
  'end the conversation',
  'end chat',
  'avsluta samtalet',
  'avbryt samtalet',
  'avsluta chatten',
  'avbryt chatten',
  'jag vill avsluta samtalet',
];

export const recognizeGlobalCommand: GlobalCommandRecognizer = (text) => {
  const normalized = normalizeForMatching(text);
  if (END_CONVERSATION_PHRASES.includes(normalized)) return 'stop';
  return (Object.keys(PHRASES) as GlobalCommand[]).find((command) => PHRASES[command].includes(normalized));
};

/**
 * The dialog contexts with an active dialog, outermost first, through every component dialog. Each
 * `child` builds a new DialogContext (and its state manager): walk the chain once and keep it.
 */
export function activeDialogChain(dialogContext: DialogContext): DialogContext[] {
  const chain: DialogContext[] = [];
  for (let dc: DialogContext | undefined = dialogContext; dc?.activeDialog; dc = dc.child) chain.push(dc);
  return chain;
}

/** The ids of the dialogs on the stack, outermost first, through every component dialog. */
export function activeDialogIds(dialogContext: DialogContext): string[] {
  return activeDialogChain(dialogContext).map((dc) => dc.activeDialog!.id);
}

// Which path of the outcome funnel a dialog belongs to, for the "stopped" milestone.
const PATH_OF_DIALOG: Record<string, PathName> = {
  termEndCancellation: 'termEnd',
  immediateCancellation: 'immediate',
  quickRecall: 'immediate',
  productKeyCancellation: 'productKey',
};
// Dialogs that record their own cancellation (the support dialog tracks "stopped" when cancelled).
const SELF_TRACKING_DIALOGS = new Set(['supportEscalation']);
// Dialogs whose prompts offer their own "stop" (the support dialog stops collecting details and
// returns to the path): a plain stop word goes to them; only END_CONVERSATION_PHRASES end everything.
const SELF_STOPPING_DIALOGS = new Set(['supportEscalation']);

export interface GlobalCommandContext {
  dialogContext: DialogContext;
  mainDialogId: string;
  outcomes?: OutcomeTracker;
}

/**
 * Runs a global command. help: where the user is (the innermost dialog with a help text) and what
 * they can say, then the pending question again; stop: ends every dialog and says so.
 * (start over stays in the bot, which also says it.) Returns false when the command is left to the
 * active dialog, which then gets the message.
 */
export async function runGlobalCommand(
  command: Exclude<GlobalCommand, 'startOver'>,
  { dialogContext, mainDialogId, outcomes }: GlobalCommandContext,
): Promise<boolean> {
  const t = tr(dialogContext.context);
  const ids = activeDialogIds(dialogContext);
  const text = normalizeForMatching(dialogContext.context.activity.text ?? '');
  if (command === 'stop' && !END_CONVERSATION_PHRASES.includes(text) && ids.some((id) => SELF_STOPPING_DIALOGS.has(id))) return false;
  if (command === 'help') {
    const where = [...ids].reverse().find((id) => t(`cancel:help.where.${id}`, { defaultValue: '' }) !== '');
    await dialogContext.context.sendActivity([where ? t(`cancel:help.where.${where}`) : undefined, t('cancel:help.commands')].filter(Boolean).join(' '));
    if (dialogContext.activeDialog) await dialogContext.repromptDialog();
    else await dialogContext.beginDialog(mainDialogId);
    return true;
  }
  const path = [...ids].reverse().map((id) => PATH_OF_DIALOG[id]).find(Boolean) ?? 'menu';
  await dialogContext.cancelAllDialogs();
  if (!ids.some((id) => SELF_TRACKING_DIALOGS.has(id))) await outcomes?.track(dialogContext.context, { path, ending: 'stopped' });
  await dialogContext.context.sendActivity(t('cancel:stop.done'));
  return true;
}

// Words that, typed at the start, ask to cancel a subscription (see the rule above).
const CANCELLATION_WORDS = ['avbryta', 'avbryt', 'avsluta', 'säga upp', 'säg upp', 'uppsägning', 'cancel', 'cancellation'];

/** Whether a message asks to cancel a subscription ("jag vill avbryta", "I want to cancel"). */
export function isCancellationRequest(text: string | undefined): boolean {
  if (!text || recognizeGlobalCommand(text)) return false;
  const normalized = ` ${normalizeForMatching(text)} `;
  return CANCELLATION_WORDS.some((word) => normalized.includes(` ${word} `));
}
