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
import { WordLanguageGuesser, type LanguageGuess } from './languageGuess.js';
import { beginsAWord, holdsPhrase, ruleWords, SpellingCorrector, stripMentions, tokenize, truncateForRecognition, withCharacterNgrams } from './text.js';
import { WH_WORDS, askingParts, askingSentence, asksOtherThanTheWayToCancel, asksSomething, asksTheWay, mentionsCancelling, requestsCancellation } from './signs/asking.js';
import { AUDIENCE, asksWhetherGuideFits, asksWhetherSameForUs, leansFromAppliesTo } from './signs/audience.js';
import { CLOSES_HERE_MAX_WORDS, FEEDBACK, FEEDBACK_NEIGHBOURS, GOING_ON_IN, GREETING_OPENING_MAX_WORDS, LEAVING, OPINION, STARTING_OVER, TELLING, TELLING_PHRASES, WANTING, WHAT_IS_CANCELLED, asksForALanguage, asksHowToBegin, asksHowToUseAssistant, asksToStartOver, asksWhatAssistantCan, closesHere, closesTheConversation, declinesMoreHelp, givesReasonForLeaving, isThanking, opensWithThanks, putsALanguageToUse, restartsTheConversation, saysOnlyDone, saysStuck, tellsWhatTheyThink, unsureRestartWithoutItsSign } from './signs/conversation.js';
import { QUICK_RECALL_NAMES, QUICK_RECALL_NAME_NEIGHBOURS, REMAINING, asksDeletion, asksHowLong, asksToCancelAndDelete, asksWhatHappens, asksWhetherGoneAtOnceIn, namesRetention, showsHaste, takesDataOut } from './signs/data.js';
import { withDomainNameSign } from './signs/domains.js';
import { ASKED_BESIDE_A_PLAN, namesTrial, planWithRule, ruledPlanTopic, trialOrData } from './signs/plans.js';
import { type Ranked, blended, clauseRank, confidentTopic, decidedBySign, insteadOfTop, intentFirst, isSocial, isTopic, sureness } from './signs/ranking.js';
import { CLOSING_DOWN, REACTIVATION_NEIGHBOURS, bringsBack } from './signs/reactivation.js';
import { CALLING, PERMISSION, ROLE_OR_PERMISSION, SUFFICING, WHO_MAY_CALL_OR_DETAILS, asksWhetherBeingSuffices, asksWhoMayCallOrCancel, asksWhoseCallItIs, roleOnlyInContext, withoutOwnRole } from './signs/roles.js';
import { GENERIC_WORDED_TOPICS, OUT_OF_SCOPE_MIN_WORDS, asksAssistantForATask, asksForAdvice, namesEverydayTask, speaksOfOurDomain, unsureGuess, withoutDestinations } from './signs/scope.js';
import { FACT_SUBJECTS, SUBJECT_TOPICS, namesSubjectOf } from './signs/subjects.js';
import { BILLING_STOP_NEIGHBOURS, HOLDS, PENALTY_NEIGHBOURS, STOPPING, TERM, TERM_END_NEIGHBOURS, TERM_END_SIGNS, TERM_WORDS, TIME_SPANS, TURNING_OFF, asksBillingToStop, asksCostOfLeavingEarly, asksTermLength, leavesBeforeTheEnd, letsItEnd, meantTiming, namesTermLength, refusesRenewal, speaksOfCommitment, speaksOfRenewal, speaksOfTermEnd, withoutSetAsideTimings } from './signs/term.js';
import { ASKED_ON_THE_CALL, CALL_NOUNS, FOR_THE_CALL, IDENTITY_NEIGHBOURS, MAY_SOMEONE_NEIGHBOURS, SUPPORT_ASKS, SUPPORT_OR_PERSON, WAYS_TO_REACH, asksForAPerson, asksWayToReachSupport, asksWhetherAnotherMayCall, asksWhetherSomeoneElseMay, namesOurDetail, provesIdentity, putsThrough } from './signs/theCall.js';
import { SIGNS_OF_THEIR_OWN, lacksSignOfItsOwn, levelWithNamedRunnerUp, mailOnTheDomain, namedTopic, namesNoFactOrPerson, readsNoSignOfItsOwn, readsTopicWithoutItsSign } from './signs/topicSigns.js';

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
}

const NLPJS_VERSION = (createRequire(import.meta.url)('@nlpjs/nlp/package.json') as { version: string }).version;

function modelFingerprint(documents: [Language, string, IntentName][]): string {
  return createHash('sha256').update(JSON.stringify({ nlpjs: NLPJS_VERSION, settings: NLU_SETTINGS, documents })).digest('hex');
}

/**
 * Swedish writes compounds as one word and inflects them ("DNS-posterna", "namnserverposten",
 * "utvärderingsabonnemanget"); nlp.js's stemmer only removes endings. Measured on the held-out sets
 * (issue 15; docs/understanding.md): letter 4-grams of the longer words as extra
 * features beat splitting compounds into training words and both together, in Swedish; English
 * lost held-out messages with them, so it keeps the stemmer alone.
 */
const CHARACTER_NGRAMS: Record<Language, boolean> = { sv: true, en: false };

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
    for (const language of SUPPORTED_LANGUAGES) {
      const corpus = corpora[language];
      const utterances = Object.values(corpus.intents).flat();
      const lexiconPhrases = SUPPORTED_LANGUAGES.flatMap((other) =>
        Object.values(corpora[other].entities).flatMap((values) => Object.values(values as Record<string, string[]>).flat()),
      );
      spelling[language] = new SpellingCorrector([...utterances, ...lexiconPhrases, ...localeTexts[language]], dictionaries?.[language]);
      const wordsOf = (intents: readonly IntentName[]) => new Set(intents.flatMap((intent) => corpus.intents[intent].flatMap((u) => spelling[language].correct(u).split(' '))));
      const otherWords = wordsOf(intents.filter((intent) => intent !== 'endConversation'));
      closingOnlyWords[language] = new Set([...wordsOf(['endConversation'])].filter((word) => !otherWords.has(word)));
      greetingOpenings[language] = (corpus.intents.greeting ?? [])
        .map((utterance) => tokenize(utterance))
        .filter((words) => words.length > 0 && words.length <= GREETING_OPENING_MAX_WORDS)
        .sort((a, b) => b.length - a.length);
      for (const intent of intents) {
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
      topics,
      greetingOpenings,
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
    else if (entities.closing && (ranked[0]?.intent === 'thanks' || ((ranked[0]?.intent === 'help' || !ranked[0] || (!isTopic(ranked[0].intent, this.topics) && ranked[0].score < CONFIDENT_SCORE)) && !holdsQuestion(readText)))) ranked = intentFirst(ranked, 'endConversation');
    const words = withDomainNameSign(readText, tokensForRules);
    // The timings the message means: "säga upp idag i stället för vid förnyelsen" leaves now, "utan att säga upp nu" does not.
    const timing = meantTiming(instances.timing, tokens);
    // A reading as help of what happens to one fact's subject named ("vad händer med filerna sen") is that subject's: the subject is what is asked about.
    if (ranked[0]?.intent === 'help' && asksWhatHappens(chosen.alteredText)) {
      const named = namedTopic(words, FACT_SUBJECTS);
      if (named) ranked = insteadOfTop(ranked, named, CONFIDENT_SCORE);
    }
    // Quick recall is deleting sooner (F04); a question about deletion with no sign of haste is about
    // the data's usual 90 days (F11): "when is everything removed for good if we just leave it".
    // Asking whether it goes at once ("raderas mejlen direkt?", "is it all deleted immediately?") asks what happens (F11), not for haste.
    // So is asking how long there is before it goes ("how long do we have to move it all out before it is deleted").
    if (ranked[0]?.intent === 'quickRecall' && (((!entities.timing?.includes('now') || asksHowLong(tokens)) && !showsHaste(readText)) || asksWhetherGoneAtOnceIn(readText, tokens)))
      ranked = intentFirst(
        ranked.filter((entry) => entry.intent !== 'quickRecall'),
        'data',
        ranked[0].score,
      );
    // So is a deletion asked with no sign of haste that the classifier reads, unsure, as out of scope or a conversational intent
    // ("raderas allt för gott efter 90 dagar, stämmer det"): not the path, whose request to delete too is quick recall's.
    if (ranked[0] && ranked[0].intent !== NONE_INTENT && ranked[0].intent !== 'startCancellation' && !isTopic(ranked[0].intent, this.topics) && ranked[0].score < CONFIDENT_SCORE && !entities.otherProduct && asksDeletion(words) && !showsHaste(readText) && !namesTrial(words)) ranked = insteadOfTop(ranked, 'data', CONFIDENT_SCORE);
    ranked = trialOrData(ranked, words);
    // Cancelling and deleting everything in one request ("cancel and have it all wiped", "säga upp och radera allt") is quick recall (F04), not the path alone.
    if (ranked[0]?.intent === 'startCancellation' && !entities.otherProduct && !namesTrial(words) && asksToCancelAndDelete(words)) ranked = insteadOfTop(ranked, 'quickRecall', Math.max(ranked[0].score, CONFIDENT_SCORE));
    // Deleting everything sooner (wipe, purge, radera + quick, within, instead) is quick recall (F04),
    // however the rest leans; a trial's data is the trial's. Asking whether it goes at once is the data's (F11).
    // So is shortening the time the data is kept ("skip the retention period", "kept for 90 days … can that be sped up").
    if (!confidentTopic(ranked, this.topics, 'quickRecall') && !entities.otherProduct && (asksDeletion(words) || namesRetention(words)) && (showsHaste(readText) || asksWhetherGoneAtOnceIn(readText, words)) && !namesTrial(words) && !asksHowLong(words)) ranked = insteadOfTop(ranked, asksWhetherGoneAtOnceIn(readText, words) ? 'data' : 'quickRecall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Intents whose generic words must not take a message without a sign of their own: the next likeliest answers.
    for (const [intent, stems] of SIGNS_OF_THEIR_OWN) {
      if (ranked[0]?.intent === intent && !beginsAWord(words, stems)) ranked = ranked.filter((entry) => entry.intent !== intent);
    }
    // Nor does a goodbye come up when the intents ahead of it were set aside: "jag kommer inte vidare"
    // (I'm stuck) read as who may call, which has no person in it, must not end the conversation.
    if (!entities.closing) ranked = ranked.filter((entry) => entry.intent !== 'endConversation');
    // Getting the data out (exporting, downloading, backing up) is the data question (F11), however
    // the words around it ("anything I should know", "först") lean to help or starting over.
    // A reading with no sign of its own gives way too: backing up before the cancellation is no reactivation.
    if (readsNoSignOfItsOwn(ranked, words, this.topics) && !entities.otherProduct && takesDataOut(words)) ranked = insteadOfTop(ranked, 'data', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // So is a question about proving it on the call that the classifier places nowhere or is unsure of
    // ("hur verifierar ni att det är jag som äger kontot när jag ringer in?").
    // A reading with no sign of its own gives way too ("how does support check it's really us" is no trial's).
    if ((IDENTITY_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || (!confidentTopic(ranked, this.topics) && beginsAWord(words, CALLING)) || (confidentTopic(ranked, this.topics) && lacksSignOfItsOwn(ranked[0]!.intent, words))) && holdsQuestion(readText) && provesIdentity(words) && !beginsAWord(words, ROLE_OR_PERMISSION)) ranked = insteadOfTop(ranked, 'verification', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A question that names the details support checks (the account's details, a user ID) and no other
    // subject is about them (F14), however the words around it lean: "before we cancel, which account details do I need?".
    // Read as a request to be put through, it stays that unless the detail is ours, not support's number ("behöver de vår postadress när jag ringer?").
    if ((ranked[0]?.intent !== 'talkToSupport' || namesOurDetail(words)) && !entities.otherProduct && !entities.plan && holdsQuestion(readText) && namedTopic(words) === 'verification' && readsNoSignOfItsOwn(ranked, words, this.topics)) ranked = decidedBySign(ranked, 'verification', (other) => lacksSignOfItsOwn(other, words));
    // Being stuck ("jag kommer inte vidare", "I'm stuck on this step") asks for help, whatever the step is about.
    if (!entities.otherProduct && !entities.plan && saysStuck(words) && !speaksOfCommitment(words)) ranked = insteadOfTop(ranked, 'help', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Feedback named ("can I give some feedback", "where do I report that") offers it, however the asking leans to help.
    if ((ranked[0]?.intent === 'help' || !ranked[0] || ranked[0].intent === NONE_INTENT) && !entities.otherProduct && beginsAWord(words, FEEDBACK)) ranked = insteadOfTop(ranked, 'giveFeedback', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // So does asking how to use the assistant itself ("how does this chat work") that names no subject of ours nor cancelling.
    if (!entities.otherProduct && !entities.plan && asksHowToUseAssistant(words) && !SUBJECT_TOPICS.some((topic) => namesSubjectOf(topic, words)) && !mentionsCancelling(words)) ranked = insteadOfTop(ranked, 'help', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // How long the data stays after cancelling ("hur länge finns filerna kvar") is the data's 90 days (F11), not the term's length or the path.
    // So is how long before it is deleted, after cancelling or closing down ("how long until the mailboxes are gone once we shut down"),
    // also read as a topic whose subject it does not name, or unsure ("if we cancel now, how long do we have to move everything out before it's deleted").
    if ((ranked[0]?.intent === 'termLengths' || ranked[0]?.intent === 'startCancellation' || readsNoSignOfItsOwn(ranked, words, this.topics)) && asksHowLong(words) && (beginsAWord(words, REMAINING) || asksDeletion(words)) && (mentionsCancelling(words) || beginsAWord(words, CLOSING_DOWN)) && !beginsAWord(words, TERM) && !words.some((word) => TERM_WORDS.includes(word)) && !speaksOfCommitment(words) && !speaksOfRenewal(words)) ranked = insteadOfTop(ranked, 'data');
    // The time the data is kept, read as the term's length by its "period" ("how long is the retention period", "a grace period
    // for downloading"), is the data's 90 days (F11) when no term of a year or a month is named.
    if (ranked[0]?.intent === 'termLengths' && namesRetention(words) && !namesTermLength(words)) ranked = insteadOfTop(ranked, 'data');
    // Stopping the renewal is cancelling at the term's end (F06), not asking how long the term is.
    // Nor is it quick recall when nothing is to be deleted: "what now" is no haste ("must not roll over, what now").
    // Nor the fee when the renewal is refused and no cost of leaving early asked ("vi vill inte förlänga, men inte heller betala nåt extra").
    if ((ranked[0]?.intent === 'termLengths' || (ranked[0]?.intent === 'quickRecall' && !asksDeletion(words)) || (ranked[0]?.intent === 'earlyTerminationFee' && refusesRenewal(words) && !asksCostOfLeavingEarly(words, timing)) || readsNoSignOfItsOwn(ranked, words, this.topics)) && !entities.otherProduct && speaksOfRenewal(words) && !namesTrial(words) && !asksHowLong(words)) ranked = insteadOfTop(ranked, 'termEnd', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A renewal asked about as a length ("does it renew every month, is that allowed?"), with nothing turned off or cancelled, is the term's length (F07).
    if (ranked[0]?.intent === 'termEnd' && !entities.timing && holdsQuestion(readText) && speaksOfRenewal(words) && namesTermLength(words) && !mentionsCancelling(words) && !beginsAWord(words, STOPPING) && !holdsPhrase(words, TURNING_OFF) && !beginsAWord(words, TERM_END_SIGNS.filter((stem) => !TIME_SPANS.includes(stem)))) ranked = insteadOfTop(ranked, 'termLengths');
    // A question naming a term's length ("annual only?", "vilka har årsavtal?") read nowhere or as a topic with no sign of its own is the term's length (F07).
    // "Gäller" (does it hold) is no sign of which plans the guide covers beside a term's length: "gäller det per månad eller per år?".
    if ((!ranked[0] || ranked[0].intent === NONE_INTENT || readsNoSignOfItsOwn(ranked, words, this.topics) || (ranked[0].intent === 'appliesTo' && !namesSubjectOf('appliesTo', words.filter((word) => !word.startsWith(HOLDS))))) && !entities.otherProduct && holdsQuestion(readText) && namesTermLength(words) && !speaksOfRenewal(words) && !speaksOfTermEnd(words) && !bringsBack(words) && !asksCostOfLeavingEarly(words, timing)) ranked = insteadOfTop(ranked, 'termLengths', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Being bound (locked in, bunden, commitment) is the term's length (F07) when nothing surer is read.
    if (readsNoSignOfItsOwn(ranked, words, this.topics) && !entities.otherProduct && speaksOfCommitment(words)) ranked = insteadOfTop(ranked, 'termLengths', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A penalty for leaving is the fee for leaving early (F09), not the term's length or end that its words name:
    // "we're four months into a yearly term, what penalties apply if we leave".
    // So is a cost of leaving before the end ("an extra bill if we end before the term is over", "betala för att
    // bryta i förtid"), also read unsure, out of scope or as a topic whose subject it does not name.
    // Read as quick recall by its haste ("omedelbart", "nu") with nothing asked to be deleted, the cost of leaving at once is the fee's too.
    if ((PENALTY_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || ranked[0]?.intent === 'outOfScope' || (ranked[0]?.intent === 'quickRecall' && !asksDeletion(words)) || readsNoSignOfItsOwn(ranked, words, this.topics)) && !entities.otherProduct && asksCostOfLeavingEarly(words, timing)) ranked = decidedBySign(ranked, 'earlyTerminationFee', (other) => PENALTY_NEIGHBOURS.includes(other as IntentName) || (other === 'quickRecall' && !asksDeletion(words)) || lacksSignOfItsOwn(other, words));
    // Whether a role may call or cancel is who may call (F15), whatever else the words lean to
    // ("kan vår kontorschef ringa och säga upp eller måste det vara en admin" is not the trial's).
    // A right named is asked about even without a question's form ("behörighet att ringa supporten för uppsägning").
    // Nor is it a request to be put through to support ("permissions you need for phoning in a cancellation").
    // An unsure reading of such a question is who may call too ("kan ekonomiavdelningen ringa och avsluta?").
    // Whether a role suffices to call ("räcker det att han står som kontaktperson") is who may call, not the details it names.
    if ((!WHO_MAY_CALL_OR_DETAILS.includes(ranked[0]?.intent as IntentName) || !confidentTopic(ranked, this.topics) || (ranked[0]?.intent === 'talkToSupport' && beginsAWord(words, PERMISSION)) || (ranked[0]?.intent === 'verification' && beginsAWord(words, SUFFICING))) && (holdsQuestion(readText) || beginsAWord(words, PERMISSION)) && asksWhoMayCallOrCancel(words, withoutOwnRole(readText, words)) && !roleOnlyInContext(readText) && !namesTrial(words) && !entities.plan && !entities.otherProduct) ranked = insteadOfTop(ranked, 'whoMayCall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Whether being something suffices to cancel or call ("räcker det att jag är kontaktperson för att säga upp") asks who may (F15), whatever detail it names.
    if ((ranked[0]?.intent === 'verification' || !confidentTopic(ranked, this.topics)) && !entities.plan && !entities.otherProduct && asksWhetherBeingSuffices(words)) ranked = insteadOfTop(ranked, 'whoMayCall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Asking whether someone named by any word may make the call or cancel ("can our bookkeeper phone in", "can finance
    // call") is who may call (F15), not the path or support its verbs lean to, nor a topic with no sign of its own.
    if (ranked[0]?.intent !== 'whoMayCall' && (MAY_SOMEONE_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || readsNoSignOfItsOwn(ranked, words, this.topics)) && !entities.plan && !entities.otherProduct && asksWhetherSomeoneElseMay(tokens)) ranked = insteadOfTop(ranked, 'whoMayCall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Whether the client must call themselves or the call may be made for them ("must they call themselves", "can I call in
    // for the customer") is who may call (F15), not the details, support or the path, unless what the call asks or proves is asked too.
    if (ranked[0]?.intent !== 'whoMayCall' && !entities.plan && !entities.otherProduct && holdsQuestion(readText) && asksWhoseCallItIs(words) && !provesIdentity(words) && !namesSubjectOf('verification', words) && !beginsAWord(words, ASKED_ON_THE_CALL) && (WHO_MAY_CALL_OR_DETAILS.includes(ranked[0]?.intent as IntentName) || MAY_SOMEONE_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || readsNoSignOfItsOwn(ranked, words, this.topics))) ranked = insteadOfTop(ranked, 'whoMayCall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Cancelling when the term ends, with no plan named, is the term's end (F06: turn off the renewal),
    // not the cancellation path nor the fee for leaving early: "can I cancel at the end of the term instead of now";
    // so is an unsure reading of it ("once the contract period is over").
    // Asking what leaving at once costs instead ("säga upp direkt istället för vid förnyelsen, tillkommer avgifter?") stays the fee's.
    // Not leaving early ("vill inte säga upp i förtid", "no early exit") is letting the term run out; with no other product
    // named, neither is it out of scope ("vi går över till Google Workspace när avtalet löper ut").
    if ((timing?.includes('termEnd') || speaksOfTermEnd(words) || (letsItEnd(words) && !namesTrial(words))) && !leavesBeforeTheEnd(words) && !asksCostOfLeavingEarly(words, timing) && !entities.plan && !entities.otherProduct && (TERM_END_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || ranked[0]?.intent === 'outOfScope' || !confidentTopic(ranked, this.topics))) ranked = decidedBySign(ranked, 'termEnd', (other) => TERM_END_NEIGHBOURS.includes(other as IntentName) || other === 'outOfScope');
    // Making sure the billing stops ("how can I be certain there are no further charges", "utan fler fakturor") is the term's end (F06),
    // not help, feedback or a topic whose subject it does not name, unless it leaves early or asks what leaving costs.
    if (ranked[0]?.intent !== 'termEnd' && !entities.otherProduct && !entities.plan && asksBillingToStop(words) && !leavesBeforeTheEnd(words) && !asksCostOfLeavingEarly(words, timing) && (BILLING_STOP_NEIGHBOURS.includes(ranked[0]?.intent as IntentName) || (ranked[0]?.intent === 'whoMayCall' && !beginsAWord(words, CALLING)) || readsNoSignOfItsOwn(ranked, words, this.topics))) ranked = insteadOfTop(ranked, 'termEnd', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Cancelling with no word of the renewal or the term's end is the cancellation path, not the term's
    // end, whose corpus shares the verb ("avbryt förnyelsen"): "jag vill avbryta prenumerationen".
    // So is asking for help to cancel ("kan ni hjälpa mig att avbryta vårt abonnemang"): the request is the path.
    // Not when it asks the billing to stop ("avsluta men inga fler dragningar"): that is the term's end.
    // So is a request to cancel that tells its reason first ("we've been acquired … could you help me cancel it"), read as a topic unsure or without its subject.
    if ((ranked[0]?.intent === 'termEnd' || ranked[0]?.intent === 'help' || ((!ranked[0] || ranked[0].score < CONFIDENT_SCORE || readsTopicWithoutItsSign(ranked, words, this.topics)) && namesNoFactOrPerson(words) && !entities.closing && !closesTheConversation(words))) && !entities.timing && !entities.otherProduct && requestsCancellation(readText) && !speaksOfRenewal(words) && !speaksOfTermEnd(words) && !beginsAWord(words, TERM_END_SIGNS) && !asksBillingToStop(words)) ranked = insteadOfTop(ranked, 'startCancellation');
    // Switching language answers only a message with a sign of its own: a language put to use, or the word for one ("vem vann allsvenskan" asks for no Swedish).
    if (ranked[0]?.intent === 'switchLanguage' && !asksForALanguage(words)) ranked = ranked.slice(1);
    // A question that merely mentions cancelling is about the topic its words name ("the subscription was
    // activated with a key from the partner, how do I cancel it" is the product key's, F02).
    // So is asking what happens ("vad händer med datan sen") read as help: it asks for a fact, not for guidance.
    // So is a subject named beside cancelling with no request to cancel ("ns-poster vid uppsägning"): the subject is the topic.
    if ((ranked[0]?.intent === 'startCancellation' || (ranked[0]?.intent === 'help' && asksWhatHappens(chosen.alteredText))) && !entities.plan && !entities.otherProduct && (holdsQuestion(readText) || !requestsCancellation(readText))) {
      const named = namedTopic(words, FACT_SUBJECTS);
      if (named) ranked = insteadOfTop(ranked, named);
    }
    // A topic with a subject of its own read for a message that names none of it but another's
    // subject is that other topic: "which user ID do I give them" is no product-key question.
    // So is the trial's reading of a message that names no trial: "shop.example.net … what do I do with it",
    // and reactivation's of one that brings nothing back: "our registrar is …, what do I change there".
    else if (
      !entities.otherProduct &&
      ((SUBJECT_TOPICS.includes(ranked[0]?.intent as IntentName) && !namesSubjectOf(ranked[0]!.intent as IntentName, words)) ||
        (ranked[0]?.intent === 'trial' && !namesTrial(words) && !entities.plan) ||
        (ranked[0]?.intent === 'reactivate' && !bringsBack(words) && namedTopic(words) !== undefined))
    ) {
      const named = namedTopic(words);
      if (named) ranked = insteadOfTop(ranked, named);
      else if (ranked[0]?.intent === 'trial') ranked = ranked.slice(1);
      // Read by the generic words of who may call, the details or which plans ("will it …", "is this …"), naming
      // nothing of ours ("will it rain in stockholm this weekend"), it is about something else.
      else if (GENERIC_WORDED_TOPICS.includes(ranked[0]?.intent as IntentName) && words.length >= OUT_OF_SCOPE_MIN_WORDS && !entities.plan && !entities.timing && !speaksOfOurDomain(words)) ranked = intentFirst(ranked, 'outOfScope', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    }
    // A message that names the subject of the runner-up topic and not the top one's ("something about the fee
    // and the data") asks about both: the two readings stand level, so the admin picks which to answer.
    // Feedback read for a question that names one fact's subject and no feedback, reason or opinion ("ta bort custom domain innan cancel, är det obligatoriskt?") is that fact's.
    if (ranked[0]?.intent === 'giveFeedback' && !entities.otherProduct && holdsQuestion(readText) && !beginsAWord(words, FEEDBACK) && !beginsAWord(words, OPINION) && !tellsWhatTheyThink(words)) {
      const named = namedTopic(words, FACT_SUBJECTS);
      if (named) ranked = insteadOfTop(ranked, named);
    }
    ranked = levelWithNamedRunnerUp(ranked, words, this.topics);
    // The mail read as the data's question where it is what the domain's address is for is the domain's (F10).
    if (ranked[0]?.intent === 'data' && !entities.otherProduct && mailOnTheDomain(words)) ranked = insteadOfTop(ranked, 'domains', Math.max(ranked[0].score, CONFIDENT_SCORE));
    // Bringing back what was cancelled is reactivation (F05), unless the data is what comes back: "could it be
    // brought back" read as a topic whose subject it does not name, or read unsure, is reactivation.
    // Nor is it the term's length or the path that its "how long" or "cancelled" leans to ("how long do we have to undo the cancellation"),
    // starting the chat over ("starta om det uppsagda abonnemanget") or quick recall with nothing to delete ("cancel now, come back later").
    // An app named ("the contacts were in Outlook") makes it an everyday task only when no cancellation is named.
    if (ranked[0]?.intent !== 'reactivate' && !entities.otherProduct && bringsBack(words) && (!namesEverydayTask(words) || mentionsCancelling(words)) && !namesSubjectOf('data', words) && (!confidentTopic(ranked, this.topics) || (REACTIVATION_NEIGHBOURS.includes(ranked[0]!.intent as IntentName) && !speaksOfRenewal(words)) || ranked[0]!.intent === 'startOver' || (ranked[0]!.intent === 'quickRecall' && !asksDeletion(words)) || (SUBJECT_TOPICS.includes(ranked[0]!.intent as IntentName) && !namesSubjectOf(ranked[0]!.intent as IntentName, words)))) ranked = insteadOfTop(ranked, 'reactivate', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Going back to the start ("kan vi ta det från början igen", "once more from the top") is starting over when it says
    // nothing of ours and is read as help, unsure, or a topic whose subject (or trial) it does not name: "starta om
    // abonnemanget" is bringing it back, "problems from the start" (read as feedback) stays feedback.
    // Nor is it out of scope; and restarting the conversation named ("börja om chatten") is starting over whatever else it tells.
    if (ranked[0]?.intent !== 'startOver' && !entities.otherProduct && !entities.plan && (!speaksOfOurDomain(words) || restartsTheConversation(words)) && holdsPhrase(words, STARTING_OVER) && (!ranked[0] || ranked[0].intent === NONE_INTENT || ranked[0].intent === 'help' || (ranked[0].intent === 'outOfScope' && asksToStartOver(readText)) || ranked[0].score < CONFIDENT_SCORE || (ranked[0].intent === 'trial' && !namesTrial(words)) || (SUBJECT_TOPICS.includes(ranked[0].intent as IntentName) && !namesSubjectOf(ranked[0].intent as IntentName, words)))) ranked = insteadOfTop(ranked, 'startOver', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Whether the guide is for us ("am I in the right place", "do these steps fit us") is which plans and admins
    // it covers (F16), not help, feedback, who may call (no call named) or a plan's rule it does not name.
    if (!entities.otherProduct && asksWhetherGuideFits(words) && (!confidentTopic(ranked, this.topics) || leansFromAppliesTo(ranked, words))) ranked = insteadOfTop(ranked, 'appliesTo', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // So is asking, with our plan named, whether it goes the same way for us or whether we can use the assistant ("Vi har
    // Midsize Business, är det samma sätt för oss?"), naming no fact's subject: the plan is what the guide may not cover.
    else if (entities.plan && !entities.otherProduct && holdsQuestion(readText) && asksWhetherSameForUs(words) && namedTopic(words, FACT_SUBJECTS) === undefined && !namesTermLength(words) && !speaksOfRenewal(words) && (!confidentTopic(ranked, this.topics) || leansFromAppliesTo(ranked, words) || (ranked[0]?.intent === 'reactivate' && !bringsBack(words)))) ranked = insteadOfTop(ranked, 'appliesTo', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A question the classifier places nowhere (a long run-on, a firm's story) that names one fact's subject is
    // that fact's: "… så jag undrar hur lång tid vi har på oss att få ut filerna" names the data alone.
    if ((!ranked[0] || ranked[0].intent === NONE_INTENT) && !entities.otherProduct && holdsQuestion(readText)) {
      const named = namedTopic(words, FACT_SUBJECTS);
      if (named) ranked = intentFirst(ranked.filter((entry) => entry.intent !== NONE_INTENT), named, CONFIDENT_SCORE);
    }
    // A request naming a plan starts the cancellation path with it (see requestsCancellation).
    // Not when it asks how long the term is ("before I cancel, what is the term length of each plan"): the length is asked (F07).
    if (entities.plan && !entities.otherProduct && requestsCancellation(readText) && !(ranked[0]?.intent === 'termLengths' && asksTermLength(words))) ranked = intentFirst(ranked, 'startCancellation');
    // A plan with a rule of its own, named or described ("a key from the local computer firm", "bought in a
    // box at the shop", "the free month"), is that plan's question (F01, F02, F08) whatever else its words lean
    // to: the term's end, the data, who may call. A request to cancel it stays the path, which answers the same.
    const ruledPlan = ruledPlanTopic(words, entities.plan);
    // Read as the path but with no word that asks to cancel ("köpte det med en nyckel … nu vill vi ur"), the described plan answers, as a named one would.
    if (ruledPlan && ranked[0]?.intent !== ruledPlan && !entities.otherProduct && !requestsCancellation(readText) && (!ranked[0] || isTopic(ranked[0].intent, this.topics) || ranked[0].intent === NONE_INTENT || (ranked[0].intent === 'startCancellation' && !entities.plan) || (holdsQuestion(readText) && ASKED_BESIDE_A_PLAN.includes(ranked[0].intent as IntentName))))
      ranked = insteadOfTop(ranked, ruledPlan, Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Going on in a language named ("can we carry on på svenska") asks to switch to it, also when "fortsätta"
    // (going on with the subscription) leans to a topic.
    if (ranked[0]?.intent !== 'switchLanguage' && entities.language && (!confidentTopic(ranked, this.topics) || putsALanguageToUse(words)) && beginsAWord(words, GOING_ON_IN)) ranked = intentFirst(ranked, 'switchLanguage', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // What to give, prepare or be checked on for support ("what info to give support", "prepare for the support call"), read as a
    // request for support, asks what the call needs (F14) when no person, number or way to reach them is asked; so does a detail of ours named.
    if (ranked[0]?.intent === 'talkToSupport' && !entities.otherProduct && (beginsAWord(words, FOR_THE_CALL) || namesOurDetail(words)) && !asksForAPerson(words) && !beginsAWord(words, WAYS_TO_REACH)) ranked = insteadOfTop(ranked, 'verification');
    // Quick recall named by its name in either language ("what is this snabb återkallelse") is that fact (F04), however the
    // other language's words around it lean: to which plans the guide covers, help or a switch of language.
    if (ranked[0]?.intent !== 'quickRecall' && !entities.otherProduct && holdsPhrase(words, QUICK_RECALL_NAMES) && (readsNoSignOfItsOwn(ranked, words, this.topics) || QUICK_RECALL_NAME_NEIGHBOURS.includes(ranked[0]?.intent as IntentName))) ranked = insteadOfTop(ranked, 'quickRecall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    ranked = this.socialReading(ranked, readText, words, entities, chosen.language);
    // A message that asks about cancelling but never the way to do it ("vad förlorar vi vid uppsägning?", "ska säga upp, vad händer
    // med mejlen då?") asks for a fact: only a request to cancel starts the guide, so the path gives way to the next reading.
    if (ranked[0]?.intent === 'startCancellation' && !entities.plan && !entities.otherProduct && asksOtherThanTheWayToCancel(readText)) ranked = ranked.slice(1);
    // An unsure reading of a message that says nothing of subscriptions, cancelling or any fact ("the
    // weather tomorrow", "reset a user's password") is out of scope, not a guess among our topics.
    if (words.length >= OUT_OF_SCOPE_MIN_WORDS && !entities.plan && !entities.timing && (unsureGuess(ranked, this.topics) || unsureRestartWithoutItsSign(ranked, words)) && !speaksOfOurDomain(words)) ranked = intentFirst(ranked, 'outOfScope', CONFIDENT_SCORE);
    // Asking which product or tool is best, or what could replace one ("best tool for the migration", "a good replacement for
    // exchange"), asks for advice no fact gives: out of scope however its words lean, unless it names cancelling, a plan or any
    // subject of ours beyond the mail such products carry.
    else if (asksForAdvice(words) && !entities.plan && !mentionsCancelling(words) && !speaksOfOurDomain(words.filter((word) => !namesSubjectOf('data', [word])))) ranked = intentFirst(ranked, 'outOfScope', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // So is an everyday task in the apps (a meeting, a password, a formula), however sure the reading
    // of its generic words ("kan du … åt mig" leans to help), unless a topic is read with confidence and a sign of its own
    // ("back to back meetings today" brings nothing back).
    else if (namesEverydayTask(words) && !entities.plan && readsNoSignOfItsOwn(ranked, words, this.topics) && !speaksOfOurDomain(words)) ranked = intentFirst(ranked, 'outOfScope', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // So is asking the assistant to do a task of its own ("kan du skriva ett mejl till leverantören", "could you recommend an
    // accounting app") whose words, beyond the thing to be made, say nothing of ours, however sure the reading of its verbs.
    if (ranked[0]?.intent !== 'outOfScope' && !entities.plan && !entities.timing && !entities.language && asksAssistantForATask(words)) ranked = intentFirst(ranked, 'outOfScope', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
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
    // The reason for leaving or an opinion, told to be passed on, or feedback named: "vi byter eftersom … kan du framföra det".
    if (top !== 'giveFeedback' && (weak || FEEDBACK_NEIGHBOURS.includes(top as IntentName)) && (beginsAWord(words, FEEDBACK) || tellsWhatTheyThink(words)) && (!asks || tellsWhatTheyThink(words) || beginsAWord(words, TELLING))) return insteadOfTop(ranked, 'giveFeedback', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // The reason for leaving stated ("moving to another suite bc of the price", "vi säger upp pga priset"), naming no fact's subject and asking no way, is feedback too.
    // Stated without asking and without wanting anything ("cancelling because of the outages, thought you should know"), the reason is feedback whatever the classifier leans to.
    if (top !== 'giveFeedback' && (weak || FEEDBACK_NEIGHBOURS.includes(top as IntentName) || (askingParts(readText).length === 0 && !beginsAWord(words, WANTING))) && givesReasonForLeaving(words) && namedTopic(words, FACT_SUBJECTS) === undefined && !askingParts(readText).some((part) => asksTheWay(part) || WH_WORDS.includes(part[0]!))) return insteadOfTop(ranked, 'giveFeedback', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A request to cancel that gives its reason ("vi vill säga upp eftersom vi lägger ner") is the request, not feedback: nothing is told or offered.
    if (top === 'giveFeedback' && beginsAWord(words, WANTING) && requestsCancellation(readText) && !beginsAWord(words, FEEDBACK) && !beginsAWord(words, TELLING) && !holdsPhrase(words, TELLING_PHRASES) && !beginsAWord(words, OPINION)) return insteadOfTop(ranked, 'startCancellation');
    // Another person asked to make the call is who may call (F15): "can payroll ring them".
    if ((top === 'talkToSupport' || top === 'startCancellation' || top === 'help' || weak) && holdsQuestion(readText) && asksWhetherAnotherMayCall(words)) return insteadOfTop(ranked, 'whoMayCall', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Being put through to a person, or a person to talk to, naming no subject of a topic.
    if (top !== 'talkToSupport' && (weak || top === 'help' || (putsThrough(words) && !confidentTopic(ranked, this.topics, 'whoMayCall'))) && asksForAPerson(words) && !SUBJECT_TOPICS.some((topic) => namesSubjectOf(topic, words))) return insteadOfTop(ranked, 'talkToSupport', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Closing the chat, or being done, said outright; declining more help is no question, whatever word it opens with ("behöver ingen mer hjälp").
    const leaves = (!asks && (closesTheConversation(words) || saysOnlyDone(words))) || (!readText.includes('?') && declinesMoreHelp(readText));
    if (top !== 'endConversation' && (weak || top === 'help' || top === 'startOver' || top === 'giveFeedback' || (top === 'startCancellation' && !mentionsCancelling(words))) && leaves) return insteadOfTop(ranked, 'endConversation', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A short message that closes "here" or closes with nothing after it ("klar, stäng", "I'll leave it there", "signing off"),
    // asking nothing and naming no subscription or fact, ends the conversation: there is nothing else it could close.
    if (top !== 'endConversation' && !asks && words.length <= CLOSES_HERE_MAX_WORDS && closesHere(words) && namedTopic(words) === undefined && !beginsAWord(words, WHAT_IS_CANCELLED)) return insteadOfTop(ranked, 'endConversation', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Thanks with well-wishing, asking nothing and naming nothing of ours; a request with "tack" at its edge ("visa menyn tack") stays the request.
    if (top !== 'thanks' && top !== 'endConversation' && !asks && (weak || (top === 'help' && withoutPoliteFiller(readText) === tokenize(readText).join(' '))) && words.some(isThanking) && !speaksOfOurDomain(words)) return insteadOfTop(ranked, 'thanks', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // What the assistant can answer, naming no plan, audience or subject: not which plans the guide covers.
    if (top !== 'help' && (weak || top === 'appliesTo' || top === 'outOfScope') && asksWhatAssistantCan(words) && !mentionsCancelling(words) && !beginsAWord(words, AUDIENCE) && !asksWhetherGuideFits(words) && namedTopic(words) === undefined) return insteadOfTop(ranked, 'help', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A greeting, drawn out or followed by nothing of ours; an unsure greeting is made sure.
    if ((top === 'greeting' ? ranked[0]!.score < CONFIDENT_SCORE : weak || top === 'outOfScope' || (top === 'startOver' && !holdsPhrase(words, STARTING_OVER))) && !asks && this.greetsAndNothingMore(language, words)) return insteadOfTop(ranked, 'greeting', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // Asking how to begin, with no word of again, is the path.
    if ((top === 'startOver' || (weak && (mentionsCancelling(words) || beginsAWord(words, LEAVING)))) && asksHowToBegin(words) && !holdsPhrase(words, STARTING_OVER)) return insteadOfTop(ranked, 'startCancellation', Math.max(ranked[0]?.score ?? 0, CONFIDENT_SCORE));
    // A question about the cancellation call read as the path asks what the call needs: who may make it (a role named, F15) or what support asks (F14).
    if (top === 'startCancellation' && holdsQuestion(readText) && !requestsCancellation(readText) && (beginsAWord(words, CALLING) || beginsAWord(words, CALL_NOUNS))) {
      if (asksWhoMayCallOrCancel(words)) return insteadOfTop(ranked, 'whoMayCall');
      if (beginsAWord(words, ASKED_ON_THE_CALL)) return insteadOfTop(ranked, 'verification');
    }
    // A detail support checks (a phone number, an address) asked of the account, with no word of support or a person, is that detail (F14), not support's number.
    if (top === 'talkToSupport' && holdsQuestion(readText) && namesSubjectOf('verification', words) && !beginsAWord(words, SUPPORT_OR_PERSON) && !putsThrough(words)) return insteadOfTop(ranked, 'verification');
    // A question that names support but asks no way to reach it (no number, person, contact or way to call) asks about what support does:
    // what it asks or needs is the details (F14); anything else ("can support restore the files") is the next reading's.
    if (top === 'talkToSupport' && (holdsQuestion(readText) || namesSubjectOf('verification', words)) && !asksWayToReachSupport(words)) return beginsAWord(words, SUPPORT_ASKS) ? insteadOfTop(ranked, 'verification') : ranked.slice(1);
    // A cancelling named as a thing, not asked for ("dns-ändringar i samband med uppsägningen"), beside one fact's subject is about that subject.
    if (top === 'startCancellation' && !requestsCancellation(readText)) {
      const named = namedTopic(words, FACT_SUBJECTS);
      if (named) return insteadOfTop(ranked, named);
    }
    return ranked;
  }

  /** Opens with a greeting, its letters drawn out or not ("hejsaaan"), and says nothing of our subjects after it ("greetings from the finance team"). */
  private greetsAndNothingMore(language: Language, words: readonly string[]): boolean {
    const plain = words.map((word) => word.replace(/(\p{L})\1{2,}/gu, '$1'));
    const opening = this.greetingOpenings[language].find((greeting) => greeting.length <= plain.length && greeting.every((word, i) => plain[i] === word));
    return opening !== undefined && !speaksOfOurDomain(plain.slice(opening.length));
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
    let ranked = await this.classify(language, classifierText(language, alteredText));
    if (ranked[0] && isSocial(ranked[0].intent)) {
      // "hjälp tack", "what can I ask you, thanks": the polite words must not make it thanks.
      const polite = withoutPoliteFiller(readText);
      if (polite !== tokenize(readText).join(' ')) {
        const rest = await this.classify(language, classifierText(language, this.spelling[language].correct(polite)));
        if (rest[0] && rest[0].intent !== NONE_INTENT && !isSocial(rest[0].intent) && rest[0].score >= CONFIDENT_SCORE && rest[0].score > ranked[0].score) return rest;
      }
    }
    // A message of several sentences that tells its situation and then asks ("Vi är en skola … Hur länge
    // kommer vi åt filerna?"): the question asks, so its reading answers when it is a topic read with
    // confidence; the whole message's words (the firm, its history) would pull anywhere. When the question
    // only asks for guidance ("Kan du hjälpa mig?"), the sentences before it tell what with.
    const question = ranked[0] && ranked[0].intent !== NONE_INTENT ? askingSentence(readText) : undefined;
    if (question) {
      const questionRanked = await this.classify(language, classifierText(language, this.spelling[language].correct(question)));
      if (questionRanked[0]?.intent === 'help') ranked = [];
      else if (confidentTopic(questionRanked, this.topics)) ranked = blended(ranked, questionRanked);
    }
    if (ranked[0] && ranked[0].intent !== NONE_INTENT) return ranked;
    const clauses = clausesOf(readText).map((clause) => this.spelling[language].correct(clause)).filter((clause) => clause.includes(' '));
    if (clauses.length < 2) return ranked;
    let best: Ranked = ranked;
    for (const clause of clauses) {
      const candidate = await this.classify(language, classifierText(language, clause));
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

  private async classify(language: Language, text: string): Promise<Ranked> {
    const result = await this.nlp.classify(language, text);
    return result.classifications
      .filter((c) => c.score > 0 && (c.intent === NONE_INTENT || isIntentName(c.intent, this.topics)))
      .sort((a, b) => b.score - a.score) as Ranked;
  }
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
