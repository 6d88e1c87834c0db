import { normalizeForMatching } from './language.js';

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

/** Whether the message names the conversation itself ("end the conversation"), not only "stop". */
export function isEndConversationPhrase(text: string): boolean {
  return END_CONVERSATION_PHRASES.includes(normalizeForMatching(text));
}

export const recognizeGlobalCommand: GlobalCommandRecognizer = (text) => {
  const normalized = normalizeForMatching(text);
  if (END_CONVERSATION_PHRASES.includes(normalized)) return 'stop';
  return (Object.keys(PHRASES) as GlobalCommand[]).find((command) => PHRASES[command].includes(normalized));
};

// Words that, typed at the start, ask to cancel a subscription (see the rule above).
const CANCELLATION_WORDS = ['avbryta', 'avbryt', 'avsluta', 'säga upp', 'säg upp', 'uppsägning', 'cancel', 'cancellation'];

/** Whether a message asks to cancel a subscription ("jag vill avbryta", "I want to cancel"). */
export function isCancellationRequest(text: string | undefined): boolean {
  if (!text || recognizeGlobalCommand(text)) return false;
  const normalized = ` ${normalizeForMatching(text)} `;
  return CANCELLATION_WORDS.some((word) => normalized.includes(` ${word} `));
}
