import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Activity, RecognizerResult, TurnContext } from 'botbuilder';
import { Recognizer, type DialogContext } from 'botbuilder-dialogs';
// The two parts of nlp.js we use, not @nlpjs/basic: its entry point also loads a pino logger that
// prints a deprecation warning at import.
import nlpCore from '@nlpjs/core';
import nlpNlp from '@nlpjs/nlp';
import langEn from '@nlpjs/lang-en';
import langSv from '@nlpjs/lang-sv';
import { SUPPORTED_LANGUAGES, type Language } from '../config.js';
import type { PlanId } from '../plans.js';
import { toSupportedLanguage } from '../language.js';
import { turnLanguage } from '../turn.js';
import type { Corpus } from './corpus.js';
import { EntityLexicon } from './entities.js';
import { INTENTS, isTopicIntent, NONE_INTENT, type IntentName } from './intents.js';
import { WordLanguageGuesser, type LanguageGuess } from './languageGuess.js';
import { SpellingCorrector, stripMentions, tokenize, truncateForRecognition, withCharacterNgrams } from './text.js';

/** What the embedded recognizer adds to botbuilder's RecognizerResult. */
export interface EmbeddedRecognizerResult extends RecognizerResult {
  /** The language whose model classified the message. */
  language: Language;
  /** The text as classified: normalized, typos corrected. */
  alteredText: string;
  /** True when the message was longer than MAX_RECOGNIZED_CHARS and only its start was read. */
  truncated: boolean;
  languageGuess: LanguageGuess | undefined;
}

/** A trained model as `EmbeddedRecognizer.saveModel` gives it, with what it was trained from. */
export interface SavedModel {
  /** sha256 of the nlp.js version and the training documents (language, corrected text, intent). */
  fingerprint: string;
  /** nlp.js's own export. */
  model: string;
}

const NLPJS_VERSION = (createRequire(import.meta.url)('@nlpjs/nlp/package.json') as { version: string }).version;

function modelFingerprint(documents: [Language, string, IntentName][]): string {
  return createHash('sha256').update(JSON.stringify({ nlpjs: NLPJS_VERSION, documents })).digest('hex');
}

/**
 * Swedish writes compounds as one word and inflects them ("DNS-posterna", "namnserverposten",
 * "utvärderingsabonnemanget"); nlp.js's stemmer only removes endings. Measured on the held-out sets
 * (issue 15; README, "Understanding typed messages"): letter 4-grams of the longer words as extra
 * features beat splitting compounds into training words and both together, in Swedish; English
 * lost held-out messages with them, so it keeps the stemmer alone.
 */
const CHARACTER_NGRAMS: Record<Language, boolean> = { sv: true, en: false };

/** What the classifier of a language reads: the corrected text, with letter 4-grams where they help. */
function classifierText(language: Language, correctedText: string): string {
  return CHARACTER_NGRAMS[language] ? withCharacterNgrams(correctedText) : correctedText;
}

type Ranked = { intent: IntentName | typeof NONE_INTENT; score: number }[];

/**
 * The recognizer that runs inside the bot: nlp.js's neural classifier trained from
 * `locales/<lng>/corpus.json` (by the build, which saves it; see `SAVED_MODEL_FILE`), with our own
 * typo correction and entity lexicon. It is a botbuilder `Recognizer`, so a hosted one (CLU, LUIS)
 * can take its place by configuration.
 */
export class EmbeddedRecognizer extends Recognizer {
  private constructor(
    private readonly nlp: InstanceType<typeof nlpNlp.Nlp>,
    private readonly spelling: Record<Language, SpellingCorrector>,
    private readonly lexicon: EntityLexicon,
    readonly languageGuesser: WordLanguageGuesser,
    private readonly defaultLanguage: Language,
    private readonly origin: { fingerprint: string; loaded: boolean },
    /** Per language, the words only goodbyes use in the corpus ("hejdå", "sluta", "bye"). */
    private readonly closingOnlyWords: Record<Language, Set<string>>,
  ) {
    super();
    this.id = 'embeddedRecognizer';
  }

  /**
   * Trains one model per language, or loads `savedModel` instead when it was trained from exactly
   * the same documents (training takes most of a start-up; loading takes a few ms). `localeTexts`
   * are all texts of each language (used to tell the languages apart); the corpora are part of them too.
   */
  static async train(options: {
    corpora: Record<Language, Corpus>;
    localeTexts: Record<Language, string[]>;
    defaultLanguage: Language;
    savedModel?: SavedModel;
  }): Promise<EmbeddedRecognizer> {
    const { corpora, localeTexts, defaultLanguage, savedModel } = options;
    const container = await nlpCore.containerBootstrap();
    container.use(langEn.LangEn);
    container.use(langSv.LangSv);
    const nlp = new nlpNlp.Nlp({
      container,
      languages: [...SUPPORTED_LANGUAGES],
      autoLoad: false,
      autoSave: false,
      calculateSentiment: false,
      // Silences the per-epoch training log.
      nlu: { log: false },
    });
    const spelling = {} as Record<Language, SpellingCorrector>;
    const closingOnlyWords = {} as Record<Language, Set<string>>;
    const documents: [Language, string, IntentName][] = [];
    for (const language of SUPPORTED_LANGUAGES) {
      const corpus = corpora[language];
      const utterances = Object.values(corpus.intents).flat();
      const lexiconPhrases = SUPPORTED_LANGUAGES.flatMap((other) =>
        Object.values(corpora[other].entities).flatMap((values) => Object.values(values as Record<string, string[]>).flat()),
      );
      spelling[language] = new SpellingCorrector([...utterances, ...lexiconPhrases, ...localeTexts[language]]);
      const wordsOf = (intents: readonly IntentName[]) => new Set(intents.flatMap((intent) => corpus.intents[intent].flatMap((u) => spelling[language].correct(u).split(' '))));
      const otherWords = wordsOf(INTENTS.filter((intent) => intent !== 'endConversation'));
      closingOnlyWords[language] = new Set([...wordsOf(['endConversation'])].filter((word) => !otherWords.has(word)));
      for (const intent of INTENTS) {
        for (const utterance of corpus.intents[intent]) documents.push([language, classifierText(language, spelling[language].correct(utterance)), intent]);
      }
    }
    const fingerprint = modelFingerprint(documents);
    const loaded = savedModel?.fingerprint === fingerprint;
    if (savedModel && loaded) {
      nlp.import(savedModel.model);
    } else {
      for (const [language, utterance, intent] of documents) nlp.addDocument(language, utterance, intent);
      await nlp.train();
    }
    return new EmbeddedRecognizer(
      nlp,
      spelling,
      new EntityLexicon(SUPPORTED_LANGUAGES.map((language) => corpora[language])),
      new WordLanguageGuesser(localeTexts),
      defaultLanguage,
      { fingerprint, loaded },
      closingOnlyWords,
    );
  }

  /** Whether the model was loaded from a saved one rather than trained in this process. */
  get loadedSavedModel(): boolean {
    return this.origin.loaded;
  }

  /** The trained model, to be loaded by `train({ savedModel })` next time. */
  saveModel(): SavedModel {
    return { fingerprint: this.origin.fingerprint, model: this.nlp.export(true) };
  }

  /** botbuilder's Recognizer contract: reads the activity's text in the turn's language. */
  override async recognize(dialogContext: DialogContext, activity: Partial<Activity>): Promise<RecognizerResult> {
    return this.recognizeText(activity.text ?? '', languageOfTurn(dialogContext.context, activity));
  }

  /**
   * Classifies a message. The language of its words wins over `currentLanguage` when they tell
   * one; when they don't ("dns", "E3"), both models are asked and the surer one answers.
   */
  async recognizeText(text: string, currentLanguage?: Language): Promise<EmbeddedRecognizerResult> {
    const { text: readText, truncated } = truncateForRecognition(stripMentions(text ?? '').trim());
    const languageGuess = this.languageGuesser.guess(readText);
    const candidates: Language[] = languageGuess
      ? [languageGuess.language]
      : currentLanguage
        ? [currentLanguage, ...SUPPORTED_LANGUAGES.filter((l) => l !== currentLanguage)]
        : [this.defaultLanguage, ...SUPPORTED_LANGUAGES.filter((l) => l !== this.defaultLanguage)];

    let best: { language: Language; alteredText: string; ranked: Ranked } | undefined;
    for (const language of candidates) {
      const alteredText = this.spelling[language].correct(readText);
      const ranked = alteredText === '' ? [] : await this.classifyWhole(language, readText, alteredText);
      // Another language's model must be clearly surer to win over the current one.
      if (!best || (ranked[0]?.score ?? 0) > (best.ranked[0]?.score ?? 0) + 0.1) best = { language, alteredText, ranked };
    }
    const chosen = best!;
    const { entities, instances } = this.lexicon.find(readText);
    let ranked = entities.otherProduct && !entities.plan ? outOfScopeFirst(chosen.ranked) : chosen.ranked;
    if (ranked[0]?.intent === 'endConversation' && !entities.closing) ranked = await this.withoutGoodbye(chosen.language, chosen.alteredText);
    if (ranked[0]?.intent === 'startCancellation' && asksWhatHappens(chosen.alteredText)) ranked = topicFirst(ranked);
    const planTopic = entities.plan?.map((plan) => PLAN_TOPIC[plan]).find(Boolean);
    if (entities.plan && !entities.otherProduct && requestsCancellation(readText)) ranked = cancellationFirst(ranked);
    else if (planTopic && ranked[0]?.intent === 'startCancellation' && readsAsQuestion(readText)) ranked = intentFirst(ranked, planTopic);
    const intents: RecognizerResult['intents'] = {};
    if (ranked.length === 0) intents[NONE_INTENT] = { score: 1 };
    for (const { intent, score } of ranked) intents[intent] = { score };
    return {
      text: readText,
      alteredText: chosen.alteredText,
      intents,
      entities: { ...entities, $instance: instances },
      language: chosen.language,
      truncated,
      languageGuess,
    };
  }

  /**
   * A message without closing words ("hejdå", "that's all") never ends the conversation, however
   * the classifier reads it ("måste vi ändra namnserverposten?"): it is read again without the
   * words only goodbyes use ("stoppar", "slut"), and never as a goodbye.
   */
  private async withoutGoodbye(language: Language, alteredText: string): Promise<Ranked> {
    const closing = this.closingOnlyWords[language];
    const isClosingWord = (word: string) => closing.has(word) || [...closing].some((known) => known.length >= 4 && word.startsWith(known));
    const rest = alteredText
      .split(' ')
      .filter((word) => !isClosingWord(word))
      .join(' ');
    const ranked = rest === '' ? [] : await this.classify(language, classifierText(language, rest));
    return ranked.filter((entry) => entry.intent !== 'endConversation');
  }

  /**
   * nlp.js answers None when no intent outweighs the other words of a message, which happens to long
   * messages that tell about the firm before asking ("Hej, … vi har flyttat allt till en annan
   * leverantör, så vi vill säga upp vårt abonnemang. Kan du guida mig?"). Such a message is read a
   * clause at a time; the clause surest of an intent answers, a greeting or thanks only when nothing else does.
   */
  private async classifyWhole(language: Language, readText: string, alteredText: string): Promise<Ranked> {
    const ranked = await this.classify(language, classifierText(language, alteredText));
    if (ranked[0] && ranked[0].intent !== NONE_INTENT) return ranked;
    const clauses = readText.split(/[.,;:!?\n]+/).map((clause) => this.spelling[language].correct(clause)).filter((clause) => clause.includes(' '));
    if (clauses.length < 2) return ranked;
    let best: Ranked = ranked;
    for (const clause of clauses) {
      const candidate = await this.classify(language, classifierText(language, clause));
      const top = candidate[0];
      if (!top || top.intent === NONE_INTENT) continue;
      const current = best[0];
      const social = (intent: string) => intent === 'greeting' || intent === 'thanks';
      const better =
        !current || current.intent === NONE_INTENT || (social(current.intent) && !social(top.intent)) || (social(current.intent) === social(top.intent) && top.score > current.score);
      if (better) best = candidate;
    }
    return best;
  }

  private async classify(language: Language, text: string): Promise<Ranked> {
    const result = await this.nlp.classify(language, text);
    return result.classifications
      .filter((c) => c.score > 0 && (c.intent === NONE_INTENT || (INTENTS as readonly string[]).includes(c.intent)))
      .sort((a, b) => b.score - a.score) as Ranked;
  }
}

/**
 * A message that names another product (Netflix, Azure, Office 365 Home) and none of our plans is
 * out of scope whatever it asks: "how do I cancel Azure" must not get our cancellation steps. The
 * product's name decides, so the answer is certain even when the words around it are not.
 */
function outOfScopeFirst(ranked: Ranked): Ranked {
  return [{ intent: 'outOfScope', score: 1 }, ...ranked.filter((entry) => entry.intent !== 'outOfScope')];
}

// Openings of a question about what cancelling does (inputs we recognise, not texts we show): such a
// message asks for a fact even when it says "cancel" ("what happens to our files when we cancel?").
const WHAT_HAPPENS = ['what happens', 'what will happen', 'what becomes of', 'vad händer', 'vad sker', 'vad blir det av', 'hur blir det med', 'vad gör vi med'];

function asksWhatHappens(normalizedText: string): boolean {
  const text = ` ${normalizedText} `;
  return WHAT_HAPPENS.some((opening) => text.includes(` ${opening} `));
}

/** The likeliest topic of the fact inventory first, with the top score: the question gets its fact. */
function topicFirst(ranked: Ranked): Ranked {
  const topic = ranked.find((entry) => entry.intent !== NONE_INTENT && isTopicIntent(entry.intent));
  if (!topic) return ranked;
  return [{ intent: topic.intent, score: ranked[0]!.score }, ...ranked.filter((entry) => entry !== topic)];
}

// Inputs we recognise: words that ask to cancel, and openings of a question.
const CANCEL_WORDS = ['cancel', 'terminate', 'end', 'stop', 'discontinue', 'unsubscribe', 'avsluta', 'avbryt', 'avbryta', 'säg upp', 'säga upp', 'stoppa', 'stäng'];
const QUESTION_OPENINGS = new Set([
  'what', 'how', 'why', 'when', 'where', 'who', 'which', 'can', 'could', 'do', 'does', 'is', 'are', 'will', 'would', 'should', 'may', 'must',
  'vad', 'hur', 'varför', 'när', 'var', 'vem', 'vilken', 'vilket', 'vilka', 'kan', 'kommer', 'får', 'måste', 'ska', 'går', 'finns', 'är', 'behöver', 'gäller',
]);

/** Has a question mark, or a clause that opens with a question word ("gratisperioden, måste jag…"). */
function readsAsQuestion(text: string): boolean {
  return text.includes('?') || text.split(/[.,;:!\n]+/).some((clause) => QUESTION_OPENINGS.has(tokenize(clause)[0] ?? ''));
}

/**
 * A request (not a question) with a word that asks to cancel: "avsluta provperiod", "säg upp E5
 * omedelbart". Naming a plan, it starts the cancellation path with that plan (and timing), even when
 * its words lean to a topic ("avsluta provperiod" to the trial's, "omedelbart" to quick recall's).
 */
function requestsCancellation(text: string): boolean {
  if (readsAsQuestion(text)) return false;
  const padded = ` ${tokenize(text).join(' ')} `;
  return CANCEL_WORDS.some((word) => padded.includes(` ${word} `));
}

/** The cancellation path first, with the top score: it starts with the plan the request names. */
function cancellationFirst(ranked: Ranked): Ranked {
  return intentFirst(ranked, 'startCancellation');
}

function intentFirst(ranked: Ranked, intent: IntentName): Ranked {
  return [{ intent, score: ranked[0]?.score ?? 1 }, ...ranked.filter((entry) => entry.intent !== intent)];
}

// Plans whose rules are facts of their own: a question about cancelling one gets that fact
// ("we're on the free trial, how do I stop it?" gets F01, which says it cannot be cancelled).
const PLAN_TOPIC: Partial<Record<PlanId, IntentName>> = { trial: 'trial', productKey: 'productKey', openFpp: 'openFpp' };

function languageOfTurn(context: TurnContext, activity: Partial<Activity>): Language | undefined {
  try {
    return turnLanguage(context).language;
  } catch {
    return toSupportedLanguage(activity.locale);
  }
}
