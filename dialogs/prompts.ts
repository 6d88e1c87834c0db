import { createHash } from 'node:crypto';
import { InputHints, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ConfirmPrompt,
  ListStyle,
  TextPrompt,
  type Choice,
  type FoundChoice,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { choiceCard } from '../src/domain/cardActions.js';
import { showsChoicesOnCard } from '../src/domain/channel.js';
import { SUPPORTED_LANGUAGES } from '../src/domain/config.js';
import { promptCulture } from '../src/domain/language.js';
import { tr, turnLanguage } from '../src/domain/turn.js';

type ChoiceDefaultsChoicePrompt = NonNullable<ConstructorParameters<typeof ChoicePrompt>[3]>;
type ChoiceDefaultsConfirmPrompt = NonNullable<ConstructorParameters<typeof ConfirmPrompt>[3]>;

/** A text given by locale key, rendered in the language of the turn it is shown in. */
export interface LocalizedText {
  key: string;
  args?: Record<string, unknown>;
}

/** A choice: `value` is what the step receives; the title (and optional synonyms) come from locale keys. */
export interface LocalizedChoice {
  value: string;
  titleKey: string;
  /** A key whose value is an array of extra words that pick this choice ("E3", "provperiod"…). */
  synonymsKey?: string;
}

export interface LocalizedPromptSpec {
  prompt: LocalizedText;
  retryPrompt?: LocalizedText;
  choices?: LocalizedChoice[];
  /** Where this question stands in its path, for "help": step `number` of `total` (0: before the first). */
  step?: { number: number; total: number };
  /** At a free-text question: an answer it accepts, which "help" shows (and the conversation explorer types). */
  example?: LocalizedText;
}

/**
 * Prompt options stored as locale keys rather than finished text, so a prompt re-asked after the
 * user switches language ("in English") is asked in the new language.
 */
export function localizedPrompt(spec: LocalizedPromptSpec): PromptOptions {
  return { validations: { localized: spec } };
}

/** The spec `localizedPrompt` stored in the options, if they were made by it. */
export function localizedSpec(options: PromptOptions): LocalizedPromptSpec | undefined {
  return (options.validations as { localized?: LocalizedPromptSpec } | undefined)?.localized;
}

/**
 * Choice lists rendered per language. A prompt is rendered up to three times a turn (asked, and
 * recognized twice inside a component dialog), always from the same few lists: translating them
 * again each time was the largest cost of a turn (the benchmark's profile).
 */
const renderedChoices = new Map<string, Choice[]>();
const MAX_RENDERED_CHOICE_LISTS = 1000;

export function renderChoices(context: TurnContext, choices: LocalizedChoice[]): Choice[] {
  const { language, t } = turnLanguage(context);
  const cacheKey = `${language}\u0000${JSON.stringify(choices)}`;
  const cached = renderedChoices.get(cacheKey);
  if (cached) return cached;
  const rendered = choices.map((choice) => {
    const title = t(choice.titleKey);
    const extra = choice.synonymsKey ? (t(choice.synonymsKey, { returnObjects: true }) as unknown) : [];
    return {
      value: choice.value,
      action: { type: 'imBack', title, value: title },
      synonyms: [title, ...(Array.isArray(extra) ? (extra as string[]) : [])],
    };
  });
  if (renderedChoices.size < MAX_RENDERED_CHOICE_LISTS) renderedChoices.set(cacheKey, rendered);
  return rendered;
}

/** The card a prompt shows its choices on instead of the default, given the choices in the turn's language. */
type ChoicesCard = (choices: Choice[]) => Attachment | undefined;

const choiceTitle = (choice: Choice) => choice.action?.title ?? choice.value;

/**
 * Renders `localizedPrompt` options in the turn's language. Choices go, in this order of preference,
 * on the card `choicesCard` gives (the prompt's own card, e.g. the support summary); on our choice
 * card in Teams; as suggested actions elsewhere. Never twice: with a card, the prompt lists none.
 */
function render(context: TurnContext, options: PromptOptions, choicesCard?: ChoicesCard): PromptOptions {
  const spec = localizedSpec(options);
  if (!spec) return options;
  const t = tr(context);
  const choices: Choice[] | undefined = spec.choices ? renderChoices(context, spec.choices) : undefined;
  // The prompt and its retry each carry the card.
  const card = choices && (choicesCard?.(choices) ?? (showsChoicesOnCard(context) ? choiceCard(choices.map(choiceTitle)) : undefined));
  const message = (text: string) => (card ? withInputHint(MessageFactory.attachment(card, text)) : text);
  return {
    ...options,
    prompt: message(t(spec.prompt.key, spec.prompt.args ?? {})),
    retryPrompt: spec.retryPrompt ? message(t(spec.retryPrompt.key, spec.retryPrompt.args ?? {})) : undefined,
    ...(choices ? { choices, style: card ? ListStyle.none : ListStyle.suggestedAction } : {}),
  };
}

/** What recognizing an answer needs of `localizedPrompt` options: the choices, not the texts. */
function renderForRecognizing(context: TurnContext, options: PromptOptions): PromptOptions {
  const spec = localizedSpec(options);
  return spec?.choices ? { ...options, choices: renderChoices(context, spec.choices) } : options;
}

/**
 * The interruption check (src/bot/interruptions.ts) asks the pending prompt whether the message answers
 * it, and the prompt then reads the same message again when its dialog continues: botbuilder's
 * number and yes/no recognizers are costly, so a turn recognizes a message once per prompt.
 * What a prompt makes of a message depends only on the message's text, the culture and the choices
 * asked with, so the recent answers of each prompt are also kept across turns: admins click the same
 * buttons and type the same yes and no. They are kept under a hash of the text, never the text.
 */
const RECOGNITIONS_OF_TURN = Symbol('promptRecognitionsOfTurn');
const recentRecognitions = new WeakMap<object, Map<string, PromptRecognizerResult<unknown>>>();
const MAX_RECENT_RECOGNITIONS = 2000;

function recognizeOncePerTurn<T>(
  prompt: object,
  context: TurnContext,
  promptId: string,
  options: PromptOptions,
  recognize: () => Promise<PromptRecognizerResult<T>>,
): Promise<PromptRecognizerResult<T>> {
  let recognitions = context.turnState.get(RECOGNITIONS_OF_TURN) as Map<string, Promise<PromptRecognizerResult<unknown>>> | undefined;
  if (!recognitions) context.turnState.set(RECOGNITIONS_OF_TURN, (recognitions = new Map()));
  // The locale and the prompt's options are part of the key: after a language switch, or in a turn
  // run again on fresh state (where one prompt may ask with other choices), the message is read anew.
  const asked = JSON.stringify([options.validations ?? null, options.choices ?? null]);
  const text = createHash('sha256').update(context.activity.text ?? '', 'utf8').digest('base64');
  const key = `${promptId}\u0000${turnLanguage(context).language}\u0000${context.activity.locale ?? ''}\u0000${asked}\u0000${text}`;
  let recognized = recognitions.get(key);
  if (!recognized) {
    recognized = recognizeRemembered(prompt, key, recognize);
    recognitions.set(key, recognized);
  }
  return recognized as Promise<PromptRecognizerResult<T>>;
}

/** A copy of what `prompt` made of the same message before, or what it makes of it now. */
async function recognizeRemembered<T>(prompt: object, key: string, recognize: () => Promise<PromptRecognizerResult<T>>): Promise<PromptRecognizerResult<T>> {
  let recent = recentRecognitions.get(prompt);
  if (!recent) recentRecognitions.set(prompt, (recent = new Map()));
  const known = recent.get(key);
  // A copy: the dialog that receives the value may keep or change it.
  if (known) return structuredClone(known) as PromptRecognizerResult<T>;
  const recognized = await recognize();
  if (recent.size >= MAX_RECENT_RECOGNITIONS) recent.delete(recent.keys().next().value as string);
  recent.set(key, structuredClone(recognized));
  return recognized;
}

const withInputHint = <T extends { inputHint?: string }>(activity: T): T => ({ ...activity, inputHint: InputHints.ExpectingInput });

/**
 * botbuilder has no Swedish prompt culture: these give ChoicePrompt and ConfirmPrompt their
 * list words and yes/no in each language we speak, keyed by the cultures `promptCulture` sets.
 */
function choiceDefaults(i18n: i18n): ChoiceDefaultsChoicePrompt {
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const t = i18n.getFixedT(language, 'prompts');
      return [
        promptCulture(language),
        { inlineSeparator: t('inlineSeparator'), inlineOr: t('inlineOr'), inlineOrMore: t('inlineOrMore'), includeNumbers: true },
      ];
    }),
  );
}

function confirmDefaults(i18n: i18n): ChoiceDefaultsConfirmPrompt {
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const t = i18n.getFixedT(language, 'prompts');
      const yes = { value: t('yes'), synonyms: t('yesSynonyms', { returnObjects: true }) as string[] };
      const no = { value: t('no'), synonyms: t('noSynonyms', { returnObjects: true }) as string[] };
      return [
        promptCulture(language),
        {
          choices: [yes, no],
          options: { inlineSeparator: t('inlineSeparator'), inlineOr: t('inlineOr'), inlineOrMore: t('inlineOrMore'), includeNumbers: true },
        },
      ];
    }),
  );
}

/**
 * A ChoicePrompt that renders `localizedPrompt` options in the turn's language. A subclass can show
 * the choices on a card of its own by overriding `choicesCard`.
 */
export class LocalizedChoicePrompt extends ChoicePrompt {
  constructor(id: string, i18n: i18n, validator?: PromptValidator<FoundChoice>) {
    super(id, validator, promptCulture('en'), choiceDefaults(i18n));
  }

  protected override onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return super.onPrompt(context, state, render(context, options, (choices) => this.choicesCard(context, options, choices)), isRetry);
  }

  protected override onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    return recognizeOncePerTurn(this, context, this.id, options, () => super.onRecognize(context, state, renderForRecognizing(context, options)));
  }

  /** The card that carries the choices' buttons, instead of the default; undefined for the default. */
  protected choicesCard(_context: TurnContext, _options: PromptOptions, _choices: Choice[]): Attachment | undefined {
    return undefined;
  }
}

/**
 * A ConfirmPrompt that speaks Swedish too ("ja", "nej", numbers) and renders `localizedPrompt` options.
 * In Teams its yes/no go on the same Adaptive Card as every other choice (botbuilder would send a hero card).
 */
export class LocalizedConfirmPrompt extends ConfirmPrompt {
  constructor(id: string, i18n: i18n, validator?: PromptValidator<boolean>) {
    super(id, validator, promptCulture('en'), confirmDefaults(i18n));
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const rendered = render(context, options);
    if (!showsChoicesOnCard(context)) return super.onPrompt(context, state, rendered, isRetry);
    const prompt = isRetry && rendered.retryPrompt ? rendered.retryPrompt : rendered.prompt;
    const text = typeof prompt === 'string' ? prompt : (prompt?.text ?? '');
    const t = tr(context);
    await context.sendActivity(withInputHint(MessageFactory.attachment(choiceCard([t('prompts:yes'), t('prompts:no')]), text)));
  }

  protected override onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<boolean>> {
    return recognizeOncePerTurn(this, context, this.id, options, () => super.onRecognize(context, state, options));
  }
}

/** A TextPrompt that renders `localizedPrompt` options in the turn's language. */
export class LocalizedTextPrompt extends TextPrompt {
  protected override onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return super.onPrompt(context, state, render(context, options), isRetry);
  }
}
