import type { TurnContext } from 'botbuilder';
import type { Language } from './config.js';
import type { Translate } from './i18n.js';

/** What the bot resolved at the start of a turn and the dialogs read: the language and its texts. */
export interface TurnLanguage {
  language: Language;
  t: Translate;
}

const TURN_LANGUAGE = Symbol('turnLanguage');

export function setTurnLanguage(context: TurnContext, value: TurnLanguage): void {
  context.turnState.set(TURN_LANGUAGE, value);
}

export function turnLanguage(context: TurnContext): TurnLanguage {
  const value = context.turnState.get(TURN_LANGUAGE) as TurnLanguage | undefined;
  if (!value) throw new Error('The turn language is set by the bot before any dialog runs.');
  return value;
}

/** The translate function of this turn's language. */
export function tr(context: TurnContext): Translate {
  return turnLanguage(context).t;
}

/** How a turn ended, for telemetry: set by whoever answers in place of the bot (the rate limit). */
export type TurnOutcome = 'ok' | 'error' | 'storage_unavailable' | 'rate_limited';

const TURN_OUTCOME = Symbol('turnOutcome');

export function setTurnOutcome(context: TurnContext, outcome: TurnOutcome): void {
  context.turnState.set(TURN_OUTCOME, outcome);
}

export function turnOutcome(context: TurnContext): TurnOutcome | undefined {
  return context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
}

/** The turn's language once the bot resolved it; undefined before (or when the bot did not run). */
export function resolvedTurnLanguage(context: TurnContext): Language | undefined {
  return (context.turnState.get(TURN_LANGUAGE) as TurnLanguage | undefined)?.language;
}
