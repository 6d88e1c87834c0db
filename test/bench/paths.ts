import type { Language } from '../../src/domain/config.js';
import { daysFromToday, formatDate } from '../../src/domain/dates.js';
import { createI18n } from '../../src/domain/i18n.js';

/**
 * What the simulated admins say, turn by turn: whole paths through the bot as it stands. Edit these
 * when the conversation changes (each entry is one conversation from its first message to its end).
 * A turn is a typed text, or `{ key }`: the text of a locale key (a button title) in the path's language.
 * A turn only counts as answered when the bot replies with at least one activity and none of them
 * is the turn-failed apology.
 */
export interface BenchPath {
  name: string;
  locale: string;
  turns: string[];
}

type Turn = string | { key: string };

const i18n = createI18n();
const TERM_END = (language: Language) => formatDate(daysFromToday('Europe/Stockholm', 200), language);

function path(name: string, language: Language, locale: string, turns: Turn[]): BenchPath {
  const t = i18n.getFixedT(language);
  return { name, locale, turns: turns.map((turn) => (typeof turn === 'string' ? turn : t(turn.key))) };
}

export const BENCH_PATHS: BenchPath[] = [
  path('sv: Small Business, cancel now, feedback', 'sv', 'sv-SE', [
    'jag vill avbryta', 'småföretag', 'nu', 'ja', 'ja', 'fortsätt', 'Ja, jag hittade det', 'Tekniska problem', 'nej tack',
  ]),
  path('en: Enterprise, end of term with a date, feedback declined', 'en', 'en-US', [
    'hello', { key: 'cancel:menu.cancel' }, { key: 'cancel:plan.choices.enterprise' }, { key: 'cancel:when.termEnd' },
    'yes', TERM_END('en'), { key: 'cancel:feedback.noThanks' },
  ]),
  path('en: Enterprise, cancel now, support case', 'en', 'en-US', [
    'hello', { key: 'cancel:menu.cancel' }, 'E3', 'now', 'yes', 'no', { key: 'cancel:now.continue' }, 'yes',
    'asa.oberg@contoso.se', '+46 70 123 45 67', 'Åsa Öberg-Lindqvist', 'Contoso AB', 'Storgatan 1, 123 45 Stockholm',
    { key: 'support:review.confirm' }, { key: 'feedback:reasons.movingToAnotherProduct' }, 'Moving to another suite',
  ]),
  path('sv: questions from the menu, language switch', 'sv', 'sv-SE', ['hej', 'in English', '5', 'svenska', 'börja om']),
];
