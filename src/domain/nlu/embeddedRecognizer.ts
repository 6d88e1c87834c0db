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
import { toSupportedLanguage } from '../language.js';
import { turnLanguage } from '../turn.js';
import type { Corpus } from './corpus.js';
import { EntityLexicon } from './entities.js';
import { TOPIC_REGISTRY, type TopicRegistry } from '../topics.js';
import { intentsOf, isIntentName, NONE_INTENT, type IntentName } from './intents.js';
import { CONFIDENT_SCORE } from './interpretation.js';
import { clausesOf, holdsQuestion, withoutPoliteFiller } from './messageShape.js';
import { NGRAM_SETTINGS, NgramClassifier, type SavedNgramModel } from './ngramClassifier.js';
import { WordLanguageGuesser, type LanguageGuess } from './languageGuess.js';
import { ruleWords, SpellingCorrector, stripMentions, tokenize, truncateForRecognition, withCharacterNgrams } from './text.js';
import { askingSentence, asksSomething, requestsCancellation } from './signs/asking.js';
import { COLLOQUIAL_GREETINGS, GREETING_LEAD_IN_MAX_WORDS, GREETING_LEAD_INS, GREETING_OPENING_MAX_WORDS, opensWithThanks } from './signs/conversation.js';
import { withDomainNameSign } from './signs/domains.js';
import { planWithRule, ruledPlanTopic } from './signs/plans.js';
import { type Ranked, blended, clauseRank, confidentTopic, confidentlyFirst, intentFirst, isSocial, isTopic, sureness, votedRanking } from './signs/ranking.js';
import { speaksOfOurDomain, withoutDestinations } from './signs/scope.js';
import { meantTiming, withoutSetAsideTimings } from './signs/term.js';
import { readsTopicWithoutItsSign } from './signs/topicSigns.js';
import { RULES_AFTER_THE_PLAN, RULES_BEFORE_THE_PLAN, RULES_LAST } from './rules/order.js';
import { readsDescribedPlanAsItsQuestion } from './rules/plans.js';
import type { Reading } from './rules/reading.js';
import { SOCIAL_RULES, type SocialReading } from './rules/social.js';

export { RULE_STEM_LISTS } from './signs/ruleStems.js';

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
  /** sha256 of the nlp.js version, its settings and the training documents (language, corrected text, intent). */
  fingerprint: string;
  /** nlp.js's own export. */
  model: string;
  /** The second classifier's weights, per language (see `VOTE_WEIGHT`). */
  ngram: Record<Language, SavedNgramModel>;
}

const NLPJS_VERSION = (createRequire(import.meta.url)('@nlpjs/nlp/package.json') as { version: string }).version;

function modelFingerprint(documents: [Language, string, IntentName][]): string {
  return createHash('sha256').update(JSON.stringify({ nlpjs: NLPJS_VERSION, settings: NLU_SETTINGS, ngram: NGRAM_SETTINGS, documents })).digest('hex');
}

/**
 * The second classifier's (ngramClassifier.ts) share of the mean of the two score distributions, in every reading: it
 * generalises better than nlp.js (5-fold CV and the fresh sets gain most so). Its scores are flatter, so the rules
 * after the classifier read signs rather than nlp.js's confidence where they can; docs/understanding.md ("A second
 * classifier that votes", and "Voting in every reading") has the grid, with the modes measured and not kept (no vote,
 * a vote only where nlp.js is unsure), and the rules rebased on it.
 */
const VOTE_WEIGHT = 0.7;

/**
 * Swedish writes compounds as one word and inflects them ("DNS-posterna", "namnserverposten",
 * "utvärderingsabonnemanget"); nlp.js's stemmer only removes endings. Measured on the held-out sets
 * (issue 15; docs/understanding.md): letter 4-grams of the longer words as extra
 * features beat splitting compounds into training words and both together, in Swedish; English
 * lost held-out messages with them, so it keeps the stemmer alone.
 */
const CHARACTER_NGRAMS: Record<Language, boolean> = { sv: true, en: false };

/** Each language's stemmer, the one its classifier uses: the typo corrector leaves other forms of known words alone. */
const STEMMERS: Record<Language, () => { stemWord(word: string): string }> = {
  sv: () => new langSv.StemmerSv(),
  en: () => new langEn.StemmerEn(),
};

/** What the classifier of a language reads: the corrected text, with letter 4-grams where they help. */
function classifierText(language: Language, correctedText: string): string {
  return CHARACTER_NGRAMS[language] ? withCharacterNgrams(correctedText) : correctedText;
}

/**
 * nlp.js's settings for each language's classifier: its defaults (nlu.js), except the neural
 * network's leak (`alpha`, default 0.07), lowered to 0.05. Measured on 5-fold cross-validation
 * (sv 74.0% to 76.1%, en 71.7% to 72.1%) and the development sets (sv 83.9% to 87.1%, en 87.6% both):
 * fewer weak word weights pull a message to an intent whose corpus merely shares a word with it.
 */
const NLU_SETTINGS = {
  keepStopwords: true,
  nonefeatureValue: 1,
  nonedeltaMultiplier: 1.2,
  spellCheck: false,
  spellCheckDistance: 1,
  filterZeros: true,
  log: false,
  alpha: 0.05,
};

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
    /** The topics it was trained for: one intent each. */
    private readonly topics: TopicRegistry,
    /** Per language, the corpus's short greetings as word lists ("hej", "god morgon"), longest first: how a message may open. */
    private readonly greetingOpenings: Record<Language, string[][]>,
    /** Per language, the second classifier that votes with nlp.js's. */
    private readonly ngram: Record<Language, NgramClassifier>,
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
    /** Per language, the words of a spelling dictionary: the typo corrector never changes them. */
    dictionaries?: Record<Language, ReadonlySet<string>>;
    defaultLanguage: Language;
    savedModel?: SavedModel;
    /** The topics to learn, one intent each (default: the registry's); the corpora hold their messages. */
    topics?: TopicRegistry;
  }): Promise<EmbeddedRecognizer> {
    const { corpora, localeTexts, dictionaries, defaultLanguage, savedModel, topics = TOPIC_REGISTRY } = options;
    const intents = intentsOf(topics) as IntentName[];
    const container = await nlpCore.containerBootstrap();
    container.use(langEn.LangEn);
    container.use(langSv.LangSv);
    for (const language of SUPPORTED_LANGUAGES) container.registerConfiguration(`nlu-${language}`, { ...NLU_SETTINGS }, true);
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
    const greetingOpenings = {} as Record<Language, string[][]>;
    const documents: [Language, string, IntentName][] = [];
    const ngramDocuments = Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, [] as [string, IntentName][]])) as Record<Language, [string, IntentName][]>;
    // A word of either language's dictionary is left as written: an English word in a Swedish message ("assistant",
    // "registrar") is not a typo of a Swedish corpus word ("assistans", "registrerar").
    const wordsOfEitherLanguage = { has: (word: string) => SUPPORTED_LANGUAGES.some((language) => dictionaries?.[language].has(word) === true) };
    for (const language of SUPPORTED_LANGUAGES) {
      const corpus = corpora[language];
      const utterances = Object.values(corpus.intents).flat();
      const lexiconPhrases = SUPPORTED_LANGUAGES.flatMap((other) =>
        Object.values(corpora[other].entities).flatMap((values) => Object.values(values as Record<string, string[]>).flat()),
      );
      const stemmer = STEMMERS[language]();
      spelling[language] = new SpellingCorrector([...utterances, ...lexiconPhrases, ...localeTexts[language]], wordsOfEitherLanguage, (word) => stemmer.stemWord(word));
      // Each training message corrected once: the closing words and the documents both read it (a start-up corrected the corpus twice).
      const correctedOf = memoized((utterance: string) => spelling[language].correct(utterance));
      const wordsOf = (intents: readonly IntentName[]) => new Set(intents.flatMap((intent) => corpus.intents[intent].flatMap((u) => correctedOf(u).split(' '))));
      const otherWords = wordsOf(intents.filter((intent) => intent !== 'endConversation'));
      closingOnlyWords[language] = new Set([...wordsOf(['endConversation'])].filter((word) => !otherWords.has(word)));
      greetingOpenings[language] = [...(corpus.intents.greeting ?? []), ...COLLOQUIAL_GREETINGS[language]]
        .map((utterance) => tokenize(utterance))
        .filter((words) => words.length > 0 && words.length <= GREETING_OPENING_MAX_WORDS)
        .sort((a, b) => b.length - a.length);
      for (const intent of intents) {
        for (const utterance of corpus.intents[intent]) {
          const corrected = correctedOf(utterance);
          documents.push([language, classifierText(language, corrected), intent]);
          ngramDocuments[language].push([corrected, intent]);
        }
      }
    }
    const fingerprint = modelFingerprint(documents);
    const loaded = savedModel?.fingerprint === fingerprint;
    let ngram: Record<Language, NgramClassifier>;
    if (savedModel && loaded) {
      nlp.import(savedModel.model);
      ngram = Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, NgramClassifier.load(savedModel.ngram[language])])) as Record<Language, NgramClassifier>;
    } else {
      for (const [language, utterance, intent] of documents) nlp.addDocument(language, utterance, intent);
      await nlp.train();
      // Saved and loaded at the rounding the saved model has, so a loaded recognizer reads exactly as a trained one.
      ngram = Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, NgramClassifier.load(NgramClassifier.train(ngramDocuments[language]).save())])) as Record<Language, NgramClassifier>;
    }
    return new EmbeddedRecognizer(
      nlp,
      spelling,
      new EntityLexicon(SUPPORTED_LANGUAGES.map((language) => corpora[language])),
      new WordLanguageGuesser(localeTexts),
      defaultLanguage,
      { fingerprint, loaded },
      closingOnlyWords,
      topics,
      greetingOpenings,
      ngram,
    );
  }

  /** Whether the model was loaded from a saved one rather than trained in this process. */
  get loadedSavedModel(): boolean {
    return this.origin.loaded;
  }

  /** The trained model, to be loaded by `train({ savedModel })` next time. */
  saveModel(): SavedModel {
    return {
      fingerprint: this.origin.fingerprint,
      model: this.nlp.export(true),
      ngram: Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, this.ngram[language].save()])) as Record<Language, SavedNgramModel>,
    };
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
    // A message in one language is read in that language. One that mixes in words of the other
    // ("kan vi få en refund om vi har product key") is read in both, its likelier language first.
    const first = languageGuess?.language ?? currentLanguage ?? this.defaultLanguage;
    const mixed = !languageGuess || SUPPORTED_LANGUAGES.some((other) => other !== first && languageGuess.evidence[other] > 0);
    const candidates: Language[] = mixed ? [first, ...SUPPORTED_LANGUAGES.filter((l) => l !== first)] : [first];

    // Another language's model must be clearly surer to win over the current one; much surer when
    // most words are of the current one.
    const margin = languageGuess?.clear ? 0.3 : 0.1;
    let best: { language: Language; alteredText: string; ranked: Ranked } | undefined;
    for (const language of candidates) {
      const alteredText = this.spelling[language].correct(readText);
      const ranked = alteredText === '' ? [] : await this.classifyWhole(language, readText, alteredText);
      if (!best || sureness(ranked) > sureness(best.ranked) + margin) best = { language, alteredText, ranked };
    }
    const chosen = best!;
    // The message's words, split once: as the classifier reads them, and as the rules do (hyphenated compounds kept whole too).
    const tokens = tokenize(readText);
    // A word typed without the Swedish letters is read with them when the corpus knows it so ("ateruppta" is "återuppta"): consultants type on any keyboard.
    const tokensForRules = ruleWords(readText).map((word) => withSwedishLetters(word, this.spelling[chosen.language].correctWord(word)));
    const { entities, instances } = withoutSetAsideTimings(withoutDestinations(this.lexicon.find(readText), tokens), tokens);
    // A message that names another product (Netflix, Azure, Office 365 Home) and none of our plans is
    // out of scope whatever it asks: "how do I cancel Azure" must not get our cancellation steps. The
    // product's name decides, so the answer is certain even when the words around it are not.
    let ranked = entities.otherProduct && !entities.plan ? intentFirst(chosen.ranked, 'outOfScope', 1) : chosen.ranked;
    // Thanks for the help ("tack för all hjälp idag") is thanks, not a request for help, when it asks nothing.
    if (ranked[0]?.intent === 'help' && opensWithThanks(readText) && !holdsQuestion(readText)) ranked = intentFirst(ranked, 'thanks');
    // Nor does a question about our subjects with closing words in it ("är uppsägningen klar nu?" asks whether it is done).
    if (ranked[0]?.intent === 'endConversation' && (!entities.closing || (holdsQuestion(readText) && speaksOfOurDomain(tokensForRules)))) ranked = await this.withoutGoodbye(chosen.language, chosen.alteredText);
    // Thanks with closing words ("we're done here, thanks for today") takes leave: it ends the conversation.
    // So does help with closing words that asks nothing ("no more help needed, we can stop here").
    // So do closing words the classifier places nowhere ("klar nu, stäng"): an unsure reading that is no topic and asks nothing.
    // The closing words decide: the goodbye is sure, not left level with the help or thanks it overrules.
    else if (entities.closing && (ranked[0]?.intent === 'thanks' || ((ranked[0]?.intent === 'help' || !ranked[0] || (!isTopic(ranked[0].intent, this.topics) && ranked[0].score < CONFIDENT_SCORE)) && !holdsQuestion(readText)))) ranked = confidentlyFirst(ranked, 'endConversation');
    const words = withDomainNameSign(readText, tokensForRules);
    // The timings the message means: "säga upp idag i stället för vid förnyelsen" leaves now, "utan att säga upp nu" does not.
    const timing = meantTiming(instances.timing, tokens);
    // The reading rules, in their order (src/domain/nlu/rules/order.ts): each may put another reading on top.
    const reading: Reading = { ranked, readText, alteredText: chosen.alteredText, tokens, words, entities, timing, topics: this.topics };
    for (const rule of RULES_BEFORE_THE_PLAN) reading.ranked = rule(reading);
    // A plan with a rule of its own, named or described ("a key from the local computer firm", "bought in a
    // box at the shop", "the free month"), is that plan's question (F01, F02, F08) whatever else its words lean
    // to: the term's end, the data, who may call. A request to cancel it stays the path, which answers the same.
    const ruledPlan = ruledPlanTopic(words, entities.plan);
    reading.ranked = readsDescribedPlanAsItsQuestion(reading, ruledPlan);
    for (const rule of RULES_AFTER_THE_PLAN) reading.ranked = rule(reading);
    reading.ranked = this.socialReading(reading.ranked, readText, words, entities, chosen.language);
    for (const rule of RULES_LAST) reading.ranked = rule(reading);
    ranked = reading.ranked;
    // A request to cancel a plan with a rule of its own, described but not named ("cancel key subscription"), carries that plan:
    // the path then answers the plan's fact first, as it does when the plan is named.
    const describedPlan = !entities.plan && ruledPlan && ranked[0]?.intent === 'startCancellation' && requestsCancellation(readText) ? planWithRule(ruledPlan) : undefined;
    const found = describedPlan ? { ...entities, plan: [describedPlan] } : entities;
    const intents: RecognizerResult['intents'] = {};
    if (ranked.length === 0) intents[NONE_INTENT] = { score: 1 };
    for (const { intent, score } of ranked) intents[intent] = { score };
    return {
      text: readText,
      alteredText: chosen.alteredText,
      intents,
      entities: { ...found, $instance: instances },
      language: chosen.language,
      truncated,
      languageGuess,
    };
  }

  /**
   * The conversational intents said in words the corpus does not hold, each by a sign of its own: the reason
   * for leaving told to be passed on (feedback), being put through to a person (support), another person
   * asked to make the call (who may call, not support or the path), closing the chat or declining more help
   * (a goodbye, never a question), thanks with well-wishing, asking what the assistant can answer (help),
   * asking how to begin (the path, not starting over). A topic read with its own subject named keeps it.
   */
  private socialReading(ranked: Ranked, readText: string, words: readonly string[], entities: EmbeddedRecognizerResult['entities'], language: Language): Ranked {
    const top = ranked[0]?.intent;
    const weak = !ranked[0] || top === NONE_INTENT || readsTopicWithoutItsSign(ranked, words, this.topics);
    const asks = asksSomething(readText);
    if (entities.otherProduct || entities.plan) return ranked;
    const reading: SocialReading = { ranked, readText, words, top, weak, asks, topics: this.topics, greetsAndNothingMore: (opening) => this.greetsAndNothingMore(language, opening) };
    for (const rule of SOCIAL_RULES) {
      const read = rule(reading);
      if (read) return read;
    }
    return ranked;
  }

  /**
   * Opens with a greeting, its letters drawn out or not ("hejsaaan"), clipped or not ("mornin", "heya"), and says nothing of our subjects after it ("greetings from the finance team").
   * A greeting of the other language counts too, after the message's own: admins mix them ("Hej! I'm the new admin"), and a message with no word of either may be read in the other.
   */
  private greetsAndNothingMore(language: Language, words: readonly string[]): boolean {
    const plain = words.map((word) => word.replace(/(\p{L})\1{2,}/gu, '$1'));
    // An interjection or intensifier may come first ("nämen hej", "mycket god kväll").
    const leadIns = Array.from({ length: GREETING_LEAD_IN_MAX_WORDS + 1 }, (_, count) => count).filter((count) => plain.slice(0, count).every((word) => GREETING_LEAD_INS.includes(word)));
    const openings = [language, ...SUPPORTED_LANGUAGES.filter((other) => other !== language)].flatMap((each) => this.greetingOpenings[each]);
    for (const start of leadIns) {
      const rest = plain.slice(start);
      const opening = openings.find((greeting) => greeting.length <= rest.length && greeting.every((word, i) => isGreetingWord(rest[i]!, word)));
      if (opening !== undefined) return !speaksOfOurDomain(rest.slice(opening.length));
    }
    return false;
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
    const ranked = rest === '' ? [] : await this.classify(language, rest);
    return ranked.filter((entry) => entry.intent !== 'endConversation');
  }

  /**
   * nlp.js answers None when no intent outweighs the other words of a message, which happens to long
   * messages that tell about the firm before asking ("Hej, … vi har flyttat allt till en annan
   * leverantör, så vi vill säga upp vårt abonnemang. Kan du guida mig?"). Such a message is read a
   * clause at a time; the clause surest of an intent answers, a greeting or thanks only when nothing else does.
   */
  private async classifyWhole(language: Language, readText: string, alteredText: string): Promise<Ranked> {
    let ranked = await this.classify(language, alteredText);
    if (ranked[0] && isSocial(ranked[0].intent)) {
      // "hjälp tack", "what can I ask you, thanks": the polite words must not make it thanks.
      const polite = withoutPoliteFiller(readText);
      if (polite !== tokenize(readText).join(' ')) {
        const rest = await this.classify(language, this.spelling[language].correct(polite));
        if (rest[0] && rest[0].intent !== NONE_INTENT && !isSocial(rest[0].intent) && rest[0].score >= CONFIDENT_SCORE && rest[0].score > ranked[0].score) return rest;
      }
    }
    // A message of several sentences that tells its situation and then asks ("Vi är en skola … Hur länge
    // kommer vi åt filerna?"): the question asks, so its reading answers when it is a topic read with
    // confidence; the whole message's words (the firm, its history) would pull anywhere. When the question
    // only asks for guidance ("Kan du hjälpa mig?"), the sentences before it tell what with.
    const question = ranked[0] && ranked[0].intent !== NONE_INTENT ? askingSentence(readText) : undefined;
    if (question) {
      const questionRanked = await this.classify(language, this.spelling[language].correct(question));
      if (questionRanked[0]?.intent === 'help') ranked = [];
      else if (confidentTopic(questionRanked, this.topics)) ranked = blended(ranked, questionRanked);
    }
    if (ranked[0] && ranked[0].intent !== NONE_INTENT) return ranked;
    const clauses = clausesOf(readText).map((clause) => this.spelling[language].correct(clause)).filter((clause) => clause.includes(' '));
    if (clauses.length < 2) return ranked;
    let best: Ranked = ranked;
    for (const clause of clauses) {
      const candidate = await this.classify(language, clause);
      const top = candidate[0];
      if (!top || top.intent === NONE_INTENT) continue;
      const current = best[0];
      const better =
        !current ||
        current.intent === NONE_INTENT ||
        clauseRank(top.intent) < clauseRank(current.intent) ||
        (clauseRank(top.intent) === clauseRank(current.intent) && top.score > current.score);
      if (better) best = candidate;
    }
    return best;
  }

  /** Reads a corrected text with both classifiers; see `VOTE_WEIGHT`. */
  private async classify(language: Language, correctedText: string): Promise<Ranked> {
    const result = await this.nlp.classify(language, classifierText(language, correctedText));
    const ranked = result.classifications
      .filter((c) => c.score > 0 && (c.intent === NONE_INTENT || isIntentName(c.intent, this.topics)))
      .sort((a, b) => b.score - a.score) as Ranked;
    const second = this.ngram[language].classify(correctedText).filter((c) => isIntentName(c.intent, this.topics));
    return votedRanking(ranked, second, VOTE_WEIGHT);
  }
}

// A greeting word this long may lose one letter ("mornin", "helo"); one this long may take one more at its end ("heya").
const CLIPPED_GREETING_MIN_LETTERS = 5;
const EXTENDED_GREETING_MIN_LETTERS = 3;

/**
 * The word is the greeting's word, or it clipped by one letter, or with one more letter at its end: never another letter in its place ("hellp" is help).
 * A letter doubled in stretching ("heej", "hallåå") is the greeting's one letter.
 */
function isGreetingWord(word: string, greeting: string): boolean {
  if (word === greeting || withoutDoubledLetters(word) === withoutDoubledLetters(greeting)) return true;
  if (greeting.length >= CLIPPED_GREETING_MIN_LETTERS && word.length === greeting.length - 1) return [...greeting].some((_, at) => greeting.slice(0, at) + greeting.slice(at + 1) === word);
  return greeting.length >= EXTENDED_GREETING_MIN_LETTERS && word.length === greeting.length + 1 && word.startsWith(greeting);
}

function withoutDoubledLetters(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

function memoized(read: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) known.set(text, (result = read(text)));
    return result;
  };
}

/** The corrector's reading of a word when it differs from the word only by letters written without their marks ("maste" for "måste"); else the word. */
function withSwedishLetters(word: string, corrected: string): string {
  return corrected !== word && withoutMarks(corrected) === word ? corrected : word;
}

function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

function languageOfTurn(context: TurnContext, activity: Partial<Activity>): Language | undefined {
  try {
    return turnLanguage(context).language;
  } catch {
    return toSupportedLanguage(activity.locale);
  }
}
