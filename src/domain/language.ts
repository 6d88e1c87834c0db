import type { Activity } from 'botbuilder';
import type { Language } from './config.js';

/** Maps a channel locale ("sv-SE", "en-us", "fr-FR") to a language we speak: Swedish, else English. */
export function toSupportedLanguage(locale: string | undefined | null): Language | undefined {
  const tag = locale?.trim().toLowerCase();
  if (!tag) return undefined;
  return tag === 'sv' || tag.startsWith('sv-') || tag.startsWith('sv_') ? 'sv' : 'en';
}

/** `sv` or `en` when the tag's primary language is one of ours ("sv-SE", "en_GB"), else undefined. */
function ourPrimaryLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'sv' || primary === 'en' ? primary : undefined;
}

/**
 * The language of a page we serve (Web Chat, the feedback report): `?lang=` when it names one of
 * ours; else the browser's Accept-Language, by preference, where the first of our languages wins
 * and a browser asking only for others gets English (as the bot answers any other locale); else
 * the default.
 */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined, defaultLanguage: Language): Language {
  const asked = typeof query === 'string' ? ourPrimaryLanguage(query) : undefined;
  if (asked) return asked;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter(({ tag, quality }) => tag !== '' && tag !== '*' && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  if (preferences.length === 0) return defaultLanguage;
  for (const { tag } of preferences) {
    const ours = ourPrimaryLanguage(tag);
    if (ours) return ours;
  }
  return 'en';
}

/** Teams puts the client's locale in a `clientInfo` entity, and not always in `activity.locale`. */
export function clientInfoLocale(activity: Partial<Activity>): string | undefined {
  const entity = activity.entities?.find((e) => e.type === 'clientInfo');
  const locale = entity?.['locale'];
  return typeof locale === 'string' ? locale : undefined;
}

/** A guess at the language of a message; the free-text recognizer plugs in here. */
export type LanguageGuesser = (text: string) => Language | undefined;
export const noLanguageGuess: LanguageGuesser = () => undefined;

export type LanguageSource = 'choice' | 'clearText' | 'conversation' | 'activity' | 'clientInfo' | 'text' | 'default';

export interface LanguageInputs {
  chosen: Language | undefined;
  activity: Partial<Activity>;
  guess: LanguageGuesser;
  defaultLanguage: Language;
  /** The language the message is clearly written in, if it is (several words of one language). */
  clearGuess?: LanguageGuesser;
  /** The language an earlier message of this conversation was clearly written in. */
  conversationLanguage?: Language;
}

/**
 * The language of a turn, in this order: the user's explicit choice, the language the message is
 * clearly written in, the language an earlier message clearly was (so "ok" or "1" keep it),
 * `activity.locale`, the Teams `clientInfo` locale, a weaker guess from the text, then the default.
 */
export function resolveLanguage({ chosen, activity, guess, defaultLanguage, clearGuess, conversationLanguage }: LanguageInputs): {
  language: Language;
  source: LanguageSource;
} {
  if (chosen) return { language: chosen, source: 'choice' };
  const clear = activity.text && clearGuess ? clearGuess(activity.text) : undefined;
  if (clear) return { language: clear, source: 'clearText' };
  if (conversationLanguage) return { language: conversationLanguage, source: 'conversation' };
  const fromActivity = toSupportedLanguage(activity.locale);
  if (fromActivity) return { language: fromActivity, source: 'activity' };
  const fromClientInfo = toSupportedLanguage(clientInfoLocale(activity));
  if (fromClientInfo) return { language: fromClientInfo, source: 'clientInfo' };
  const fromText = activity.text ? guess(activity.text) : undefined;
  if (fromText) return { language: fromText, source: 'text' };
  return { language: defaultLanguage, source: 'default' };
}

/** The prompt culture botbuilder's ChoicePrompt/ConfirmPrompt look up (lowercase, as their defaults are keyed). */
export function promptCulture(language: Language): string {
  return language === 'sv' ? 'sv-se' : 'en-us';
}

// What a user types to switch language. These are inputs we recognise, not texts we show.
const SWITCH_PHRASES: Record<Language, string[]> = {
  sv: ['svenska', 'på svenska', 'swedish', 'in swedish', 'byt till svenska', 'prata svenska'],
  en: ['english', 'in english', 'engelska', 'på engelska', 'byt till engelska', 'speak english'],
};

export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The language a message asks to switch to ("svenska", "in English"…), if that is all it says. */
export function languageSwitchRequest(text: string | undefined): Language | undefined {
  if (!text) return undefined;
  const normalized = normalizeForMatching(text);
  for (const [language, phrases] of Object.entries(SWITCH_PHRASES) as [Language, string[]][]) {
    if (phrases.includes(normalized)) return language;
  }
  return undefined;
}
