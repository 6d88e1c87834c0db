import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ConfirmPrompt,
  TextPrompt,
  type Choice,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { choiceCard } from '../src/cardActions.js';
import { choiceListStyle, showsChoicesOnCard } from '../src/channel.js';
import { SUPPORTED_LANGUAGES } from '../src/config.js';
import { promptCulture } from '../src/language.js';
import { tr } from '../src/turn.js';

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
}

/**
 * Prompt options stored as locale keys rather than finished text, so a prompt re-asked after the
 * user switches language ("in English") is asked in the new language.
 */
export function localizedPrompt(spec: LocalizedPromptSpec): PromptOptions {
  return { validations: { localized: spec } };
}

function render(context: TurnContext, options: PromptOptions): PromptOptions {
  const spec = (options.validations as { localized?: LocalizedPromptSpec } | undefined)?.localized;
  if (!spec) return options;
  const t = tr(context);
  const choices: Choice[] | undefined = spec.choices?.map((choice) => {
    const title = t(choice.titleKey);
    const extra = choice.synonymsKey ? (t(choice.synonymsKey, { returnObjects: true }) as unknown) : [];
    return {
      value: choice.value,
      action: { type: 'imBack', title, value: title },
      synonyms: [title, ...(Array.isArray(extra) ? (extra as string[]) : [])],
    };
  });
  // Where choices go on a card (Teams), the prompt and its retry each carry the card.
  const onCard = choices && showsChoicesOnCard(context) ? choiceCard(choices.map((choice) => choice.action?.title ?? choice.value)) : undefined;
  const message = (text: string) => (onCard ? MessageFactory.attachment(onCard, text) : text);
  return {
    ...options,
    prompt: message(t(spec.prompt.key, spec.prompt.args ?? {})),
    retryPrompt: spec.retryPrompt ? message(t(spec.retryPrompt.key, spec.retryPrompt.args ?? {})) : undefined,
    ...(choices ? { choices, style: choiceListStyle(context) } : {}),
  };
}

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

/** A ChoicePrompt that renders `localizedPrompt` options in the turn's language. */
export class LocalizedChoicePrompt extends ChoicePrompt {
  constructor(id: string, i18n: i18n, validator?: PromptValidator<import('botbuilder-dialogs').FoundChoice>) {
    super(id, validator, promptCulture('en'), choiceDefaults(i18n));
  }

  protected override onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return super.onPrompt(context, state, render(context, options), isRetry);
  }

  protected override onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<import('botbuilder-dialogs').FoundChoice>> {
    return super.onRecognize(context, state, render(context, options));
  }
}

/** A ConfirmPrompt that speaks Swedish too ("ja", "nej", numbers) and renders `localizedPrompt` options. */
export class LocalizedConfirmPrompt extends ConfirmPrompt {
  constructor(id: string, i18n: i18n, validator?: PromptValidator<boolean>) {
    super(id, validator, promptCulture('en'), confirmDefaults(i18n));
  }

  protected override onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return super.onPrompt(context, state, render(context, options), isRetry);
  }
}

/** A TextPrompt that renders `localizedPrompt` options in the turn's language. */
export class LocalizedTextPrompt extends TextPrompt {
  protected override onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return super.onPrompt(context, state, render(context, options), isRetry);
  }
}
