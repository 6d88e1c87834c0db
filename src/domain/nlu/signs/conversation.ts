/*
 * The conversation itself: feedback and the reason for leaving (F05), greetings, thanks, closing the chat or
 * declining more help, being done, starting over, asking how to begin, being stuck, what the assistant can do and how to
 * use it, and asking for a language (switching language).
 */
import { type IntentName } from '../intents.js';
import { beginsAWord, holdsPhrase, openingPhrase, opensWithPhrase, phraseStartAt, tokenize, wordBegins } from '../text.js';
import { clausesOf, holdsQuestion } from '../messageShape.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { asksSomething, HOW_OR_WHERE, mentionsCancelling } from './asking.js';
import { type Ranked } from './ranking.js';
import { speaksOfOurDomain } from './scope.js';
import { AGAIN } from './reactivation.js';

// Intents feedback told as the reason for leaving leans to: help (where to write it), the path (leaving), support (its name), out of scope.
export const FEEDBACK_NEIGHBOURS: readonly IntentName[] = ['help', 'startCancellation', 'talkToSupport', 'outOfScope'];
// Inputs we recognise: beginnings of words, and phrases, of telling, writing or passing something on; of leaving; of a reason; of an opinion.
export const TELLING = ['berätt', 'skriv', 'framför', 'förmedl', 'skicka', 'tell', 'write', 'share', 'pass', 'send', 'say'];
// Wanting them to know is telling too ("vill att ni vet det", "want you to know").
export const TELLING_PHRASES = ['säga det', 'säga vad', 'säga att', 'sagt det', 'säger det', 'let you know', 'att ni vet', 'att du vet', 'att ni ska veta', 'att du ska veta', 'ni bör veta', 'du bör veta', 'want you to know', 'you should know'];
export const LEAVING = ['lämna', 'byter', 'byta', 'drar', 'slutar', 'flyttar', 'leav', 'switch', 'quit', 'going', 'moving', 'ditch'];
export const BECAUSE = ['för att', 'eftersom', 'därför', 'because', 'since', 'due to', 'thats why', 'that is why'];
export const OPINION = ['tyck', 'åsikt', 'missnöj', 'think', 'thought', 'opinion', 'unhappy', 'dissatisf'];

// Inputs we recognise: words of wanting or needing, which make a reason given the reason for a request ("vi vill säga upp eftersom …").
export const WANTING = ['vill', 'behöv', 'måste', 'ska', 'skulle', 'want', 'need', 'would', 'like', 'going', 'gonna', 'must', 'please', 'snälla', 'hjälp', 'help'];
// Beside the words of leaving: dropping or giving up the service ("we're dropping office", "vi överger det").
export const DROPPING = ['drop', 'dump', 'abandon', 'överge', 'dumpa'];
// Shortened ways of saying because, beside the words ("bc", "pga").
export const BECAUSE_SHORT = ['bc', 'bcs', 'cuz', 'coz', 'cos', 'cause', 'pga', 'because of', 'on account of', 'på grund av', 'p g a'];

/** Leaving or cancelling, with its reason: "vi drar pga kostnaden", "cancelling because the price went up". */
export function givesReasonForLeaving(words: readonly string[]): boolean {
  // Not "för att" alone: "ringa supporten för att säga upp" gives a purpose, not a reason.
  return (beginsAWord(words, LEAVING) || beginsAWord(words, DROPPING) || mentionsCancelling(words)) && (holdsPhrase(words, BECAUSE.filter((phrase) => phrase !== 'för att')) || holdsPhrase(words, BECAUSE_SHORT));
}

/** Telling why they leave, or what they think, to someone: "vi byter eftersom … kan du framföra det", "säga vad jag tycker om tjänsten". */
export function tellsWhatTheyThink(words: readonly string[]): boolean {
  const tells = beginsAWord(words, TELLING) || holdsPhrase(words, TELLING_PHRASES);
  const why = beginsAWord(words, LEAVING) && holdsPhrase(words, BECAUSE);
  return tells && (why || beginsAWord(words, OPINION));
}

/** A sentence that asks to go back to the start ("Kan vi ta allt från början igen?"), not one that tells of restarting a device. */
export function asksToStartOver(text: string): boolean {
  return text.split(/(?<=[.!?])\s+|\n+/).some((sentence) => holdsQuestion(sentence) && holdsPhrase(tokenize(sentence), STARTING_OVER));
}

// Inputs we recognise: verbs of closing, and the conversation as their object ("stänger samtalet", "end the session").
export const CLOSING_VERBS = ['stäng', 'avslut', 'sluta', 'close', 'closing', 'end', 'ending', 'quit', 'exit', 'finish'];
export const THE_CONVERSATION = ['chatt', 'chat', 'samtal', 'konversation', 'conversation', 'convo', 'session', 'dialog'];
export const CLOSING_REACH = 3;

export function closesTheConversation(words: readonly string[]): boolean {
  return words.some((word, at) => CLOSING_VERBS.some((verb) => (verb.length <= 4 ? word === verb || word === `${verb}s` : word.startsWith(verb))) && beginsAWord(words.slice(at + 1, at + 1 + CLOSING_REACH), THE_CONVERSATION));
}

// Inputs we recognise: words of cancelling, beside the chat named as what is closed.
export const CANCELLING_WORDS = ['cancel', 'uppsäg', 'säga upp', 'säger upp', 'terminat', 'avsluta abonnemang'];

/** The chat named as what is closed, and nothing a cancellation closes nor a word of cancelling: "please end this session" is no request to cancel. */
export function closesOnlyTheConversation(words: readonly string[]): boolean {
  return closesTheConversation(words) && !beginsAWord(words, WHAT_IS_CANCELLED) && !beginsAWord(words, CANCELLING_WORDS) && !holdsPhrase(words, CANCELLING_WORDS);
}

// Inputs we recognise: verbs of closing or signing off, the words that may follow them when nothing but the chat is closed, and what a cancellation closes.
export const CLOSING_HERE_VERBS = ['stäng', 'avslut', 'close', 'closing', 'sign', 'signing', 'log', 'logging', 'logga', 'loggar', 'leave', 'lämnar', 'wrap', 'wrapping'];
export const HERE = ['här', 'nu', 'det', 'detta', 'där', 'ut', 'av', 'ner', 'för', 'idag', 'this', 'here', 'there', 'it', 'now', 'off', 'out', 'up', 'today', 'for'];
export const WHAT_IS_CANCELLED = ['abonnemang', 'prenumeration', 'subscription', 'licens', 'license', 'office', 'o365', '365', 'tenant', 'konto', 'account', 'plan', 'avtal', 'contract', 'trial', 'provperiod'];
export const CLOSES_HERE_MAX_WORDS = 8;
// Verbs that close the chat with nothing after them, and the words of a farewell that may follow ("ha det bra", "have a good day").
export const CLOSING_ALONE = ['stäng', 'close'];
export const FAREWELL_WORDS = ['ha', 'have', 'a', 'en', 'good', 'bra', 'nice', 'day', 'dag', 'thanks', 'tack', 'cheers', 'bye', 'hejdå', 'det', 'great', 'one', 'evening', 'night', 'weekend', 'enjoy', 'your', 'fin', 'trevlig', 'skön', 'helg', 'kväll'];
export const CLOSES_HERE_REACH = 2;

/**
 * A verb of closing followed only by "here", "it", "off" and the like, then at most a farewell: "jag avslutar här, ha det bra", "signing off",
 * "I'll leave it there"; "stäng" and "close" also with nothing after them ("klar, stäng"). "we're leaving" or "ångra avslut" close nothing here.
 */
export function closesHere(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (!CLOSING_HERE_VERBS.some((verb) => (verb.length <= 4 ? word === verb || word === `${verb}s` : word.startsWith(verb)))) return false;
    const after = words.slice(at + 1);
    const leading = after.findIndex((next) => !HERE.includes(next));
    const here = Math.min(leading < 0 ? after.length : leading, CLOSES_HERE_REACH);
    const rest = after.slice(here);
    // "here" may come after the reach too ("I'll wrap it up here").
    return (here > 0 || (after.length === 0 && CLOSING_ALONE.includes(word))) && rest.every((next) => FAREWELL_WORDS.includes(next) || HERE.includes(next));
  });
}

// Inputs we recognise: a letter's sign-off before the writer's name ("best wishes", "med vänlig hälsning"), and how many words a name takes.
export const SIGN_OFFS = ['best wishes', 'kind regards', 'best regards', 'warm regards', 'regards', 'yours sincerely', 'yours faithfully', 'sincerely', 'all the best', 'take care', 'med vänlig hälsning', 'med vänliga hälsningar', 'vänliga hälsningar', 'vänligen', 'hälsningar', 'mvh', 'allt gott'];
export const SIGNATURE_MAX_WORDS = 3;

/** A clause that closes the chat here ("I'll sign off now"), followed only by clauses that part, sign off or name the writer: "… Farewell and best wishes, Margaret". */
export function closesHereThenSignsOff(text: string): boolean {
  const clauses = clausesOf(text).map(tokenize).filter((clause) => clause.length > 0);
  const partsOrSigns = (clause: readonly string[]) => saysFarewell(clause) || holdsPhrase(clause, SIGN_OFFS) || clause.length <= SIGNATURE_MAX_WORDS;
  return clauses.some((clause, at) => clause.length <= CLOSES_HERE_MAX_WORDS && closesHere(clause) && clauses.slice(at + 1).every(partsOrSigns));
}

// Inputs we recognise: farewells and leaving now ("ok bye", "cya", "måste sticka", "ha det gött"), which in a short message that
// asks nothing and names nothing of ours end the conversation however the classifier leans ("bye for now" is no fee).
export const FAREWELLS = ['bye', 'byebye', 'goodbye', 'cya', 'ciao', 'farewell', 'hejdå', 'adjö', 'farväl', 'see you', 'see ya', 'talk later', 'ttyl', 'gotta go', 'gotta run', 'have to go', 'have to run', 'need to go', 'must go', 'got to go', 'gotta dash', 'have to dash', 'got to dash', 'must dash', 'need to dash', 'hej då', 'vi ses', 'vi hörs', 'ha det bra', 'ha det gött', 'tack och hej', 'måste gå', 'måste sticka', 'måste dra', 'behöver gå'];
export const FAREWELL_MAX_WORDS = 8;

/** A farewell or leaving now in a short message: "ok bye", "gotta run, thanks", "måste sticka, hej". */
export function saysFarewell(words: readonly string[]): boolean {
  return words.length <= FAREWELL_MAX_WORDS && (holdsPhrase(words, FAREWELLS) || (holdsPhrase(words, WISHING_WELL_AT_PARTING) && !words.some(isThanking)) || (words.length <= SHORT_FAREWELL_MAX_WORDS && holdsPhrase(words, SHORT_FAREWELLS)));
}

// Inputs we recognise: wishing a good day, evening or weekend, which closes a chat ("ha en fin helg", "trevlig kväll"); with thanks it is thanks.
export const WISHING_WELL_AT_PARTING = ['ha en fin', 'ha en trevlig', 'ha en skön', 'ha en bra', 'trevlig helg', 'trevlig kväll', 'trevlig dag', 'fin helg', 'skön helg'];
// Colloquial farewells that are a farewell only when they are nearly the whole message ("ses!", "hörs", "adjöss med dig").
export const SHORT_FAREWELLS = ['ses', 'hörs', 'adjöss', 'hejsvejs', 'hej svejs', 'hej så länge', 'tjingeling', 'över och ut', 'tjolahopp'];
export const SHORT_FAREWELL_MAX_WORDS = 4;

/** Restarting with the conversation named: "börja om chatten", "restart the chat". */
export function restartsTheConversation(words: readonly string[]): boolean {
  return beginsAWord(words, THE_CONVERSATION);
}

// Inputs we recognise: words of more, and of what more is declined (help, questions, anything from the writer).
export const NO_MORE_WORDS = ['inte', 'inga', 'inget', 'ingen', 'ingenting', 'no', 'nothing', 'not', 'dont'];
export const MORE = ['mer', 'mera', 'fler', 'more', 'further'];
export const DECLINED = ['hjälp', 'frågor', 'help', 'questions', 'från', 'from'];

/** Declining more: "behöver ingen mer hjälp", "no more help needed"; a clause ending on it ("inget mer"), not "inga fler fakturor". */
export function declinesMoreHelp(text: string): boolean {
  return clausesOf(text).some((clause) => {
    const words = tokenize(clause);
    return words.some((word, at) => MORE.includes(word) && words.slice(Math.max(0, at - 2), at).some((before) => NO_MORE_WORDS.includes(before)) && (at === words.length - 1 || DECLINED.includes(words[at + 1]!)));
  });
}

// Inputs we recognise: words of being done, which alone ("färdigt slut", "all finished") end the conversation.
// Beside them, the words of when that add nothing ("klart för idag", "done for today").
export const DONE_WORDS = ['klar', 'klart', 'slut', 'färdig', 'färdigt', 'done', 'finished', 'over', 'nu', 'now', 'helt', 'all'];
export const DONE_WHEN = ['nu', 'now', 'helt', 'all', 'för', 'for', 'idag', 'today'];
export const DONE_ALONE_MAX_WORDS = 3;

export function saysOnlyDone(words: readonly string[]): boolean {
  return words.length >= 2 && words.length <= DONE_ALONE_MAX_WORDS && words.every((word) => DONE_WORDS.includes(word) || DONE_WHEN.includes(word)) && words.some((word) => !DONE_WHEN.includes(word));
}

/** A word that thanks, also inside a compound ("jättetack", "tacksam") or typed short ("thnks"). */
export function isThanking(word: string): boolean {
  return word.startsWith('tack') || word.endsWith('tack') || word.startsWith('thank') || ['thx', 'thnx', 'thnks', 'thanx', 'tnx', 'ty', 'tysm', 'tyvm', 'cheers', 'obliged', 'grateful'].includes(word);
}

// Inputs we recognise: the words that go along with thanks and add nothing ("ty so much", "thanks a lot mate", "tack så mycket").
export const ALONG_WITH_THANKS = ['so', 'very', 'much', 'a', 'lot', 'many', 'you', 'u', 'mate', 'all', 'again', 'heaps', 'really', 'så', 'mycket', 'stort', 'tusen', 'igen', 'för', 'det'];

/** Thanks and nothing more: every word thanks or goes along with it. */
export function thanksAndNothingMore(words: readonly string[]): boolean {
  return words.some(isThanking) && words.every((word) => isThanking(word) || ALONG_WITH_THANKS.includes(word));
}

// Inputs we recognise: beginnings of words of praise, and the words that make praise an exclamation ("vad bra", "how lovely").
export const PRAISE = ['perfekt', 'perfect', 'toppen', 'great', 'awesome', 'nice', 'fint', 'schysst', 'jättebra', 'bra', 'kanon', 'super', 'excellent', 'lovely', 'brilliant', 'wonderful', 'underbar', 'härlig', 'skönt', 'snällt', 'kind'];
export const EXCLAIMING = ['vad', 'så', 'how', 'what', 'oh', 'åh', 'ok', 'okej', 'okay', 'that', 'thats', 'is', 'det', 'var', 'was'];

/** Praise and thanks and nothing more, with no question mark: "vad bra, tack!", "oh lovely, thanks". Not "hjälp tack". */
export function praisesAndThanksOnly(text: string): boolean {
  const words = tokenize(text);
  return !text.includes('?') && words.some(isThanking) && words.some((word) => beginsAWord([word], PRAISE)) && words.every((word) => isThanking(word) || ALONG_WITH_THANKS.includes(word) || EXCLAIMING.includes(word) || beginsAWord([word], PRAISE));
}

// Inputs we recognise: beginnings of words that praise an answer or the assistant without thanks ("grymt förklarat", "du är guld värd"),
// what is praised (the answer, the explanation, the help), and the words that may go along ("verkligen", "du är en").
export const PRAISING_THE_ANSWER = [...PRAISE, 'grym', 'klockren', 'tydlig', 'jättetydlig', 'supertydlig', 'suverän', 'strålande', 'utmärkt', 'fantastisk', 'guld', 'bäst', 'pärla', 'stjärna', 'ängel', 'hjälte', 'klippa', 'pedagogisk'];
export const THE_ANSWER = ['förklar', 'svar', 'hjälp', 'beskriv', 'genomgång', 'guid', 'instruktion'];
export const ALONG_WITH_PRAISE = ['du', 'är', 'en', 'ett', 'så', 'verkligen', 'mycket', 'riktigt', 'vad', 'det', 'var', 'värd', 'helt', 'jätte', 'super', 'sjukt', 'asså'];
export const PRAISE_ALONE_MAX_WORDS = 6;

/** Praise of the answer or of the assistant, and nothing more: "grymt förklarat", "klockrent svar", "du är en stjärna"; not "bra, men hur …". */
export function praisesTheAnswerOnly(text: string): boolean {
  const words = tokenize(text);
  const praising = (word: string) => beginsAWord([word], PRAISING_THE_ANSWER);
  const ofTheAnswer = words.some((word) => THE_ANSWER.some((stem) => word.includes(stem))) || words.some((word) => YOU.includes(word));
  return !text.includes('?') && words.length <= PRAISE_ALONE_MAX_WORDS && words.some(praising) && ofTheAnswer && words.every((word) => praising(word) || ALONG_WITH_PRAISE.includes(word) || THE_ANSWER.some((stem) => word.startsWith(stem)));
}

// Inputs we recognise: whose thanks and how warm, before "tack för" or "thanks for" ("mitt varma tack för …", "our sincere thanks for …").
export const THANKS_LEAD_INS = ['mitt', 'mina', 'vårt', 'våra', 'ett', 'my', 'our', 'varmt', 'varma', 'stort', 'stora', 'hjärtligt', 'hjärtliga', 'innerligt', 'warm', 'warmest', 'sincere', 'sincerest', 'heartfelt', 'deepest', 'many'];
export const THANKS_LEAD_IN_MAX_WORDS = 2;

/** A clause without the words of whose thanks and how warm before its thanks: "mitt varma tack för …" → "tack för …". */
function withoutThanksLeadIn(clause: readonly string[]): readonly string[] {
  let start = 0;
  while (start < THANKS_LEAD_IN_MAX_WORDS && THANKS_LEAD_INS.includes(clause[start] ?? '')) start += 1;
  return clause.slice(start);
}

// Inputs we recognise: the words a clause of thanks may open with before "tack för" ("men tack för tålamodet").
export const BEFORE_THANKS = ['men', 'och', 'så', 'but', 'and', 'so'];

/** A clause that thanks for something, the first or after an apology ("tack för tipset om …, det hade jag missat", "förlåt …, men tack för tålamodet"), with no "men" after it. */
export function thanksForSomethingTold(text: string): boolean {
  const clauses = clausesOf(text).map(tokenize).filter((clause) => clause.length > 0);
  const at = clauses.findIndex((clause) => opensWithThanks(withoutThanksLeadIn(BEFORE_THANKS.includes(clause[0]!) ? clause.slice(1) : clause).join(' ')));
  const contrasts = (clause: readonly string[]) => clause.includes('men') || clause.includes('but');
  return at >= 0 && !clauses.slice(at).some((clause, i) => contrasts(i === 0 && BEFORE_THANKS.includes(clause[0]!) ? clause.slice(1) : clause));
}

// Inputs we recognise: the assistant addressed, being able, and what it may be asked (answering, helping, questions).
export const YOU = ['du', 'dig', 'ni', 'er', 'you'];
export const ABLE = ['kan', 'klarar', 'can', 'could'];
export const ASKED_OF_IT = ['svar', 'hjälp', 'fråg', 'ställ', 'answer', 'help', 'ask', 'question'];

/** Asking what the assistant can answer or help with: "vad kan du svara på", "what can you help with". */
export function asksWhatAssistantCan(words: readonly string[]): boolean {
  return words.some((word) => YOU.includes(word)) && words.some((word) => ABLE.includes(word)) && beginsAWord(words, ASKED_OF_IT);
}
// Inputs we recognise: the words that ask what something is for ("vad är boten till för", "what's the point of this chat").
export const WHAT = ['vad', 'what', 'whats'];
export const MEANT_FOR = ['för', 'for'];
export const PURPOSE = ['purpose', 'syfte', 'point'];

/** Asking what the assistant, named, is for: "vad är boten till för", "what is this bot for", "what's the purpose of this chat"; or what it is ("vad är det här för chatt"). */
export function asksWhatAssistantIsFor(words: readonly string[]): boolean {
  const whatKindOf = words.at(-2) === 'för' && beginsAWord(words.slice(-1), THE_ASSISTANT);
  return (WHAT.includes(words[0] ?? '') && beginsAWord(words, THE_ASSISTANT) && (MEANT_FOR.includes(words.at(-1) ?? '') || beginsAWord(words, PURPOSE) || whatKindOf)) || asksWhatItIsForWithFiller(words, THE_ASSISTANT);
}
export const BEGINNING = ['börj', 'start', 'begin'];
export const BEGIN_REACH = 3;

export function asksHowToBegin(words: readonly string[]): boolean {
  if (words.some((word) => AGAIN.includes(word) || word === 'om' || word === 'over')) return false;
  return words.some((word, at) => HOW_OR_WHERE.includes(word) && beginsAWord(words.slice(at + 1, at + 1 + BEGIN_REACH), BEGINNING));
}

// Inputs we recognise: openings that thank for something ("tack för hjälpen", "thanks for your time").
export const THANKS_FOR = ['tack för', 'tack så mycket för', 'stort tack för', 'tusen tack för', 'thanks for', 'thanks so much for', 'thank you for', 'thank you so much for', 'many thanks for'];

export function opensWithThanks(text: string): boolean {
  const opening = ` ${tokenize(text).join(' ')}`;
  return THANKS_FOR.some((phrase) => opening.startsWith(` ${phrase} `));
}

// Inputs we recognise: words for a language, the languages' names, and the words that put one to use
// ("på svenska", "in English"): "the swedish football league" names Swedish but asks for no language.
export const LANGUAGE_WORDS = ['språk', 'language', 'lang'];
export const LANGUAGE_NAMES = ['svenska', 'engelska', 'swedish', 'english'];
export const IN_A_LANGUAGE = ['på', 'in', 'till', 'to', 'into'];
// Inputs we recognise: beginnings of words of going on, switching, speaking or writing in a language.
export const GOING_ON_IN = ['continu', 'fortsätt', 'carry', 'keep', 'switch', 'byt', 'change', 'ändra', 'speak', 'talk', 'prata', 'tala', 'write', 'skriv', 'reply', 'answer', 'respond', 'svara', 'kör'];
// Beside them, preferring, using or understanding one ("jag föredrar engelska", "I don't understand swedish").
export const LANGUAGE_VERBS = [...GOING_ON_IN, 'föredr', 'prefer', 'använd', 'use', 'förstå', 'understand', 'want', 'like', 'vill'];
// A language named alone, or with a word of thanks ("svenska tack", "english please").
export const LANGUAGE_ALONE_MAX_WORDS = 3;

/** A language named after "på", "in", "till" or "to". */
export function putsALanguageToUse(words: readonly string[]): boolean {
  return words.some((word, at) => LANGUAGE_NAMES.includes(word) && IN_A_LANGUAGE.includes(words[at - 1] ?? ''));
}

/** Whether the message asks for a language: names the word for one, or a language put to use or alone. */
export function asksForALanguage(words: readonly string[]): boolean {
  if (beginsAWord(words, LANGUAGE_WORDS)) return true;
  if (!words.some((word) => LANGUAGE_NAMES.includes(word))) return false;
  return words.length <= LANGUAGE_ALONE_MAX_WORDS || putsALanguageToUse(words) || beginsAWord(words, LANGUAGE_VERBS);
}
// Inputs we recognise: Swedish greetings of a time of day, a weekday or a season, written apart or as one word ("godmiddag", "trevlig onsdag").
export const WEEKDAYS_SV = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
export const SWEDISH_TIME_GREETINGS = ['god middag', 'godmiddag', 'god förmiddag', 'godförmiddag', 'godeftermiddag', 'godkväll', 'god afton', 'godafton', 'god dag', 'god fortsättning', 'hejhej', 'hallihallå', 'halloj', ...WEEKDAYS_SV.flatMap((day) => [`trevlig ${day}`, `glad ${day}`])];
// Inputs we recognise: interjections and intensifiers that may come before a greeting ("men hej", "nämen hej", "mycket god kväll", "oh hi").
export const GREETING_LEAD_INS = ['men', 'nämen', 'nej', 'ja', 'åh', 'oj', 'och', 'mycket', 'riktigt', 'en', 'oh', 'well', 'and', 'a', 'very'];
// How many such words may come before it.
export const GREETING_LEAD_IN_MAX_WORDS = 2;
// Inputs we recognise: colloquial and regional greetings that open a message beside the corpus's ("gomorron", "mojn"); known
// to the greeting readings only, as taught to the classifier they shifted its reading of unrelated short questions.
export const COLLOQUIAL_GREETINGS: Record<'sv' | 'en', readonly string[]> = { sv: ['gomorron', 'gomorrn', 'mors', 'goddagens', 'mojn', 'morjens', 'tjenixen', 'tjenare tjenare', ...SWEDISH_TIME_GREETINGS], en: ['evening', 'afternoon', 'gday', 'hullo', 'salutations', 'sup', 'wassup', 'whassup', 'whats up', 'alright', 'hi all', 'hello all', 'hi everyone', 'hi folks', 'hey folks', 'hey all', 'merry christmas', 'happy holidays', ...weekdayWishes()] };
// A day's wish opens a message as a greeting does ("happy friday!").
function weekdayWishes(): string[] {
  return ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => `happy ${day}`);
}
// A greeting that opens a message is a word or two ("hej", "good morning").
export const GREETING_OPENING_MAX_WORDS = 2;

// Inputs we recognise: a pleasantry after a greeting ("hope you're well", "hur är läget"), and a question announced but
// not yet asked ("I've got a question about our plan", "jag undrar en sak"): the assistant greets and invites the question.
export const PLEASANTRIES = ['how are you', 'how are u', 'how r u', 'hows it going', 'how is it going', 'how are things', 'hows things', 'hope you are well', 'hope youre well', 'hope all is well', 'hope youre doing well', 'hope you are doing well', 'hope youre having a good day', 'hope your day', 'finds you well', 'find you well', 'trust you are well', 'trust youre well', 'trust you are keeping well', 'hope you are keeping well', 'hope youre keeping well', 'saying hello', 'say hello', 'saying hi', 'say hi', 'hur mår du', 'hur mår ni', 'hur är läget', 'hur går det', 'hur har du det', 'läget', 'hoppas allt är bra', 'hoppas du mår bra', 'hoppas ni mår bra', 'hoppas du har en bra dag'];
export const QUESTION_ANNOUNCED = ['have a question', 'have a quick question', 'got a question', 'got a quick question', 'a question for you', 'quick question', 'wondering about something', 'need help with something', 'need some help with something', 'har en fråga', 'har en snabb fråga', 'har en liten fråga', 'en fråga till dig', 'undrar en sak', 'undrar över en sak', 'undrar lite', 'behöver hjälp med en sak', 'behöver lite hjälp med en sak', 'frågan kommer', 'frågorna kommer', 'kommer med en fråga', 'återkommer med frågan', 'en fråga på gång'];

// Inputs we recognise: Swedish pleasantries of hoping or of saying hello ("hoppas veckan har varit bra", "ville bara säga hej"), and questions
// announced in the plural or for later ("jag har ett par funderingar", "ska ställa en fråga sen", "tänkte fråga en grej").
export const PLEASANTRIES_SV = ['hoppas allt', 'hoppas du', 'hoppas ni', 'hoppas det', 'hoppas att du', 'hoppas att ni', 'hoppas att allt', 'hoppas att det', 'hoppas dagen', 'hoppas veckan', 'säga hej', 'säga hallå', 'hälsa på dig', 'hälsa på er', 'vilken fin dag', 'vilket väder', 'härligt väder', 'fint väder', 'trevligt att prata', 'kul att prata'];
export const QUESTION_ANNOUNCED_SV = ['har några frågor', 'har ett par frågor', 'har lite frågor', 'har några funderingar', 'har ett par funderingar', 'har en fundering', 'har en grej', 'ställa en fråga', 'ställa några frågor', 'ställa ett par frågor', 'fråga en sak', 'fråga en grej', 'fråga dig en sak', 'fråga er en sak', 'fråga något', 'fråga om en sak', 'fråga om en grej', 'undrar en grej', 'återkommer med min fråga', 'kommer med min fråga', 'min fråga kommer', 'rätt ställe', 'rätt chatt', 'rätt plats', 'rätt kanal'];
// Longest first, so that the phrase an announcement opens with is read whole ("har ett par frågor", not a shorter one inside it).
const QUESTION_ANNOUNCED_SV_LONGEST_FIRST = [...QUESTION_ANNOUNCED_SV].sort((a, b) => b.split(' ').length - a.split(' ').length);

/** Where the first pleasantry or announced question begins, or -1: "hi, hope you're well" → 1. */
export function pleasantryOrAnnouncedQuestionAt(words: readonly string[]): number {
  const found = [phraseStartAt(words, [...PLEASANTRIES, ...QUESTION_ANNOUNCED]), hopesOrSaysHelloAt(words), announcesWithoutTellingAt(words), questionAnnouncedAt(words)].filter((at) => at >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

// Inputs we recognise: asking leave to introduce oneself, a pleasantry of its own ("får jag presentera mig?", "may I introduce myself?").
export const INTRODUCING_ONESELF = ['presentera mig', 'presentera oss', 'introduce myself', 'introduce ourselves'];

/** A part of a message that asks only a pleasantry, leave to introduce oneself, or announces a question: "how's it going?", "jag undrar en sak". */
export function asksOnlyAPleasantry(part: readonly string[]): boolean {
  return holdsPhrase(part, PLEASANTRIES) || holdsPhrase(part, INTRODUCING_ONESELF) || holdsPhrase(part, QUESTION_ANNOUNCED) || announcesWithoutTellingAt(part) >= 0 || hopesOrSaysHelloAt(part) >= 0;
}

// Inputs we recognise: the Swedish words that open what a question is about ("om", "kring"), the words that ask within it
// ("… om hur vi får tillbaka pengarna"), and how many words after them tell it.
export const ABOUT_SV = ['om', 'kring', 'angående', 'gällande', 'runt'];
export const ASKING_WITHIN_SV = ['hur', 'vad', 'vem', 'vilka', 'vilken', 'vilket', 'varför', 'när', 'huruvida', 'ifall'];
export const ABOUT_REACH = 4;

/**
 * Where a Swedish question announced but not told begins, or -1: what it is about names at most what is cancelled ("har ett par frågor om
 * vårt abonnemang"), not a subject of ours or the question itself ("har ett par frågor om hur vi får tillbaka pengarna", "… om förnyelsen").
 */
function announcesWithoutTellingAt(words: readonly string[]): number {
  const at = phraseStartAt(words, QUESTION_ANNOUNCED_SV);
  if (at < 0) return -1;
  const after = at + openingPhrase(words.slice(at), QUESTION_ANNOUNCED_SV_LONGEST_FIRST)!.length;
  if (!ABOUT_SV.includes(words[after] ?? '')) return at;
  const about = words.slice(after + 1, after + 1 + ABOUT_REACH).filter((word) => !beginsAWord([word], WHAT_IS_CANCELLED));
  return about.some((word) => ASKING_WITHIN_SV.includes(word)) || speaksOfOurDomain(about) ? -1 : at;
}

/** Where a Swedish hope or hello begins that names nothing of ours after it, or -1: "hoppas ni kan förklara avgiften" asks of the fee. */
function hopesOrSaysHelloAt(words: readonly string[]): number {
  const at = phraseStartAt(words, PLEASANTRIES_SV);
  return at >= 0 && !speaksOfOurDomain(words.slice(at)) ? at : -1;
}

// Inputs we recognise: a question announced in words of its own beside QUESTION_ANNOUNCED's: having questions, or going to ask
// something, the question itself still to come ("got a couple questions", "I'll ask something about our plan in a bit").
export const HAVING_QUESTIONS = ['have', 'got', 'ive'];
export const QUESTIONS = ['question', 'questions', 'query', 'queries'];
export const ASKING_VERBS = ['ask', 'asking'];
export const SOMETHING_ASKED = [...QUESTIONS, 'something', 'smth', 'sth', 'somethin', 'thing', 'things'];
export const ANNOUNCING_REACH = 4;

/** Where a question announced by having questions or going to ask something begins, or -1: "hey got a few questions" → 1. */
export function questionAnnouncedAt(words: readonly string[]): number {
  return words.findIndex((word, at) => {
    const next = words.slice(at + 1, at + 1 + ANNOUNCING_REACH);
    return (HAVING_QUESTIONS.includes(word) && next.some((later) => QUESTIONS.includes(later))) || (ASKING_VERBS.includes(word) && next.some((later) => SOMETHING_ASKED.includes(later)));
  });
}

// Inputs we recognise: asking the assistant to wait, or telling the question comes later ("bear with me", "one sec", "before I ask").
export const WAITING = ['bear with me', 'one sec', 'a sec', 'one second', 'one moment', 'a moment', 'one min', 'a min', 'a minute', 'one minute', 'hang on', 'hold on', 'in a bit', 'shortly', 'before i ask', 'before asking'];

export function asksToWait(words: readonly string[]): boolean {
  return holdsPhrase(words, WAITING);
}

// Inputs we recognise: who or what may be there, and the words that end a check that someone is ("anybody home", "is this thing on", "you awake").
export const WHO_MAY_BE_THERE = ['anyone', 'anybody', 'someone', 'somebody', 'you', 'u', 'this', 'it', 'thing', 'bot'];
export const BEING_THERE = ['there', 'around', 'home', 'on', 'working', 'awake', 'live', 'online', 'alive', 'listening', 'here'];
export const PRESENCE_CHECK_MAX_WORDS = 4;

/** A short clause that checks someone, or the chat, is there: "anybody home", "is this working", "are you awake". */
export function checksSomeoneIsThere(clause: readonly string[]): boolean {
  return clause.length <= PRESENCE_CHECK_MAX_WORDS && clause.some((word) => WHO_MAY_BE_THERE.includes(word)) && BEING_THERE.includes(clause.at(-1) ?? '');
}

// A person or the assistant checked for alone ("are you awake?", "anyone online?"); not "it" or "this", which may be the subscription ("is it still on?").
export const SOMEONE = ['anyone', 'anybody', 'someone', 'somebody', 'you', 'u', 'bot'];

/** The whole message checks only that someone is there: "are you awake?", "is anybody around?". */
export function checksOnlyThatSomeoneIsThere(words: readonly string[]): boolean {
  return checksSomeoneIsThere(words) && words.some((word) => SOMEONE.includes(word));
}

/** Whatever the message asks (a part with a question mark, or one worded as a question) only greets, passes a pleasantry or checks someone is there: "Hello? Is this thing on?". */
export function asksOnlyWhetherSomeoneIsThere(text: string, greetsAndNothingMore: (words: readonly string[]) => boolean): boolean {
  const parts = text.split(/(?<=\?)|[.,;:!\n]+/).filter((part) => part.includes('?') || holdsQuestion(part)).map(tokenize).filter((part) => part.length > 0);
  return parts.every((part) => greetsAndNothingMore(part) || asksOnlyAPleasantry(part) || checksSomeoneIsThere(part));
}

// A clause beside an introduction that tells no matter: a role, the firm or its size ("the administrator at …", "tiny team"), at most this many words.
export const ASIDE_MAX_WORDS = 5;

// Inputs we recognise: a letter's salutation, a word of address and the addressee in a few words ("Dear Support", "Bästa kundtjänst",
// "Ärade mottagare"), or the addressee unknown ("to whom it may concern").
export const SALUTING = ['dear', 'bästa', 'kära', 'ärade', 'käre', 'bäste'];
export const SALUTATION_MAX_WORDS = 4;
export const ADDRESSEE_UNKNOWN = ['to whom it may concern', 'dear sir or madam', 'dear sir madam', 'till den det berör'];

/**
 * A clause that salutes as a letter opens: "Dear Support", "Bästa Microsoft", "to whom it may concern". The addressee may be support or
 * Microsoft, words of our domain; what the letter asks is read from its other clauses.
 */
export function salutesAsALetter(clause: readonly string[]): boolean {
  return (SALUTING.includes(clause[0] ?? '') && clause.length >= 2 && clause.length <= SALUTATION_MAX_WORDS && !holdsQuestion(clause.join(' '))) || ADDRESSEE_UNKNOWN.includes(clause.join(' '));
}

// Inputs we recognise: the writer sending greetings, the verb last or before a word of manner ("en ny kassör hälsar", "… hälsar vänligen", "Tom sends his regards").
export const SENDING_GREETINGS = ['hälsar', 'hälsar vänligen', 'hälsar så gott', 'hälsar hjärtligt', 'sends greetings', 'sends regards', 'sends his regards', 'sends her regards', 'sends their regards', 'send my regards', 'send greetings'];

/** A clause that ends sending greetings: "en pensionerad kassör hälsar", "hälsar vänligen". */
export function sendsGreetings(clause: readonly string[]): boolean {
  const text = ` ${clause.join(' ')}`;
  return SENDING_GREETINGS.some((phrase) => text.endsWith(` ${phrase}`));
}

/** A clause that introduces the writer or the firm, passes a pleasantry, announces a question not yet asked, asks leave to go on or to wait, checks someone is there, or sends greetings. */
export function prefacesAQuestion(clause: readonly string[]): boolean {
  return introducesTheWriter(clause) || asksOnlyAPleasantry(clause) || questionAnnouncedAt(clause) >= 0 || LEAVE_TO_GO_ON.includes(clause.join(' ')) || asksToWait(clause) || checksSomeoneIsThere(clause) || sendsGreetings(clause);
}

/**
 * A greeting as the first clause, or opening it with a preface after it, then only prefaces (introducing the writer, a pleasantry, a question
 * announced, leave to go on, a request to wait, a check that someone is there) and short asides beside them: "Hej! Jag heter Per och sköter
 * kontoret. Jag har ett par frågor, om det går bra.", "Good day to you. I am writing on behalf of …; my name is …", "hey! Sam here, I do the IT (tiny team)".
 */
export function greetsThenOnlyPrefaces(text: string, greetsAndNothingMore: (words: readonly string[]) => boolean): boolean {
  const clauses = clausesOf(text).map(tokenize).filter((clause) => clause.length > 0);
  if (clauses.length < 2) return false;
  const [first, ...rest] = clauses as [string[], ...string[][]];
  // The greeting's own clause may go on with a preface ("hej, jag heter Per").
  const greetingThenPreface = GREETING_CLAUSE_OPENINGS.some((at) => at < first.length && greetsAndNothingMore(first.slice(0, at)) && prefacesAQuestion(first.slice(at)));
  // A letter may open with its salutation ("Dear Support,") and greet in the clause after it ("To whom it may concern, good day.").
  if (!greetingThenPreface && !greetsAndNothingMore(first) && !salutesAsALetter(first)) return false;
  const prefaces = (clause: readonly string[]) => prefacesAQuestion(clause) || greetsAndNothingMore(clause) || salutesAsALetter(clause);
  const aside = (clause: readonly string[]) => clause.length <= ASIDE_MAX_WORDS && !beginsAWord(clause, WANTING) && !beginsAWord(clause, LEAVING);
  return (greetingThenPreface || rest.some(prefaces)) && rest.every((clause) => prefaces(clause) || aside(clause));
}

// Inputs we recognise: beginnings of words that name the assistant.
export const THE_ASSISTANT = ['chatt', 'chat', 'bot', 'assistent', 'assistant'];

// Inputs we recognise: phrases of starting the conversation over.
// Also the less common "afresh", "anew", "square one", "ruta ett".
export const STARTING_OVER = ['restart', 'reset', 'från början', 'från noll', 'börja om', 'starta om', 'ta om', 'startsidan', 'huvudmenyn', 'start over', 'start again', 'begin again', 'from the beginning', 'from the start', 'from scratch', 'from the top', 'start page', 'main menu', 'afresh', 'anew', 'square one', 'ruta ett', 'börja på nytt', 'starta på nytt'];

// Inputs we recognise: beginnings of words of feedback (F05: why the admin is leaving).
export const FEEDBACK = ['feedback', 'synpunkt', 'återkoppl', 'klagomål', 'klaga', 'omdöme', 'complain', 'complaint', 'review', 'opinion', 'report', 'rapporter', 'comment', 'kommentar'];

// Inputs we recognise: phrases of being stuck in the conversation.
// Not "stuck" alone: "stuck with a yearly commitment" is about the term.
export const STUCK_PHRASES = ['kommer inte vidare', 'kommer ingenstans', 'kommer inte framåt', 'sitter fast', 'kört fast', 'fastnat', 'im stuck', 'i am stuck', 'stuck on', 'stuck here', 'stuck at', 'cant get any further', 'cant go any further', 'getting nowhere', 'not getting anywhere'];

export function saysStuck(words: readonly string[]): boolean {
  return holdsPhrase(words, STUCK_PHRASES);
}

// Inputs we recognise: beginnings of words that thank or praise. Without any, thanks must not take a message
// whose other words ("was", "hos vår") its corpus happens to share: "a subscription that was activated with a key".
export const THANKING = ['tack', 'thank', 'thx', 'cheers', 'appreciat', 'grateful', 'uppskatt', 'hjälp', 'help', 'perfekt', 'perfect', 'toppen', 'great', 'awesome', 'nice', 'fint', 'schysst', 'jättebra', 'bra', 'kanon', 'super', 'excellent', 'lovely', 'brilliant'];

// Inputs we recognise: beginnings of words of starting again ("börja", "om", "igen", "reset"), beside the phrases of starting over.
export const RESTARTING_SIGNS = ['börj', 'start', 'restart', 'reset', 'början', 'nytt', 'tillbaka', 'again', 'igen', 'over', 'om', 'back', 'fresh', 'scratch'];

/** Starting over read unsure for a message with no word of starting again ("migrera från exchange till exo, bästa verktyget?"). */
export function unsureRestartWithoutItsSign(ranked: Ranked, words: readonly string[]): boolean {
  const top = ranked[0];
  return top?.intent === 'startOver' && top.score < CONFIDENT_SCORE && !holdsPhrase(words, STARTING_OVER) && !words.some((word) => RESTARTING_SIGNS.some((sign) => (sign.length <= 4 ? word === sign : word.startsWith(sign))));
}

// The assistant asked for its own opinion ("vad tycker du om …", "what do you think of …"): no opinion of the writer's to pass on (F05).
export const YOUR = ['din', 'ditt', 'dina', 'your'];

export function asksTheAssistantsOpinion(words: readonly string[]): boolean {
  return words.some((word, at) => OPINION.some((stem) => word.startsWith(stem)) && (YOU.includes(words[at + 1] ?? '') || YOU.includes(words[at - 1] ?? '') || YOUR.includes(words[at - 1] ?? '')));
}

/** Words of feedback's own: feedback named, telling, leaving or its reason, or an opinion of the writer's. */
export function speaksOfFeedback(words: readonly string[]): boolean {
  return beginsAWord(words, FEEDBACK) || beginsAWord(words, TELLING) || holdsPhrase(words, TELLING_PHRASES) || beginsAWord(words, LEAVING) || beginsAWord(words, DROPPING) || holdsPhrase(words, BECAUSE) || holdsPhrase(words, BECAUSE_SHORT) || (beginsAWord(words, OPINION) && !asksTheAssistantsOpinion(words));
}

/**
 * Feedback or help read unsure for a question that asks the assistant's own opinion, with no word of feedback's own ("vad
 * tycker du om fotboll"): the vote leaves such a question between the two, where only a topic's unsure guess went out of scope.
 * Widened to any unsure help or feedback without its words, it gained Swedish (fresh, dev, CV) but cost the sealed English floor (pass/fail).
 */
export function unsureReadingOfTheAssistantsOpinion(ranked: Ranked, words: readonly string[], text: string): boolean {
  const top = ranked[0];
  return (top?.intent === 'giveFeedback' || top?.intent === 'help') && top.score < CONFIDENT_SCORE && asksSomething(text) && asksTheAssistantsOpinion(words) && !speaksOfFeedback(words);
}

// Inputs we recognise: the writer telling that they close now ("stänger", "avslutar", "closing"), not asking it done ("avsluta" is the subscription's);
// what may follow (the chat, the window, now), and the words that may open the clause ("jag", "I'm", "I'll").
export const CLOSING_NOW = ['stänger', 'avslutar', 'closing', 'close'];
export const CLOSING_NOW_OBJECTS = [...HERE, 'ner', 'the', 'den', 'this', 'window', 'fönstret', 'tab', 'fliken', ...THE_CONVERSATION, 'chatten', 'samtalet', 'konversationen'];
export const CLOSER = ['jag', 'i', 'im', 'ill', 'will', 'we', 'were', 'vi', 'you', 'du', 'ni', 'can', 'kan', 'may', 'får', 'now', 'nu', 'ok', 'okay', 'so', 'så', 'då'];
export const CLOSING_NOW_MAX_WORDS = 5;
// Inputs we recognise: a clause of being done or having what was needed ("klart här", "all sorted", "got what I came for", "nöjd för den här gången").
// Whole words, not the words of when beside them ("nu" would begin "numret").
export const BEING_DONE = [...DONE_WORDS.filter((word) => !DONE_WHEN.includes(word)), 'färdiga', 'klara', 'nöjd', 'nöjda', 'sorted', 'sorterat'];
export const BEING_DONE_PHRASES = ['all set', 'good to go'];
export const HAVING_WHAT_WAS_NEEDED = ['what i needed', 'what i need', 'all i needed', 'det jag behövde', 'det jag behöver', 'allt jag behövde', 'thats all', 'thats everything', 'that is all', 'det var allt', 'det var det', 'thats it'];

/** A clause that tells the writer closes now: "stänger", "avslutar nu", "I'm closing the chat", "you may close the chat". */
function tellsClosingNow(words: readonly string[]): boolean {
  const at = words.findIndex((word) => CLOSING_NOW.includes(word));
  return at >= 0 && words.length <= CLOSING_NOW_MAX_WORDS && words.slice(0, at).every((word) => CLOSER.includes(word)) && words.slice(at + 1).every((word) => CLOSING_NOW_OBJECTS.includes(word));
}

/**
 * Being done, declining more or leaving now in one clause, and closing now or a farewell in a later one: "klart här, avslutar chatten",
 * "behöver ingenting mer, avslutar nu", "got what I came for, closing now", "that was all I needed today. Goodbye and take care".
 */
export function closesAfterBeingDone(text: string): boolean {
  const clauses = clausesOf(text).map(tokenize).filter((clause) => clause.length > 0);
  const beingDone = (clause: readonly string[]) => clause.some((word) => BEING_DONE.includes(word)) || holdsPhrase(clause, BEING_DONE_PHRASES) || holdsPhrase(clause, HAVING_WHAT_WAS_NEEDED) || declinesMoreHelp(clause.join(' ')) || holdsPhrase(clause, FAREWELLS);
  return clauses.some((clause, at) => at > 0 && (tellsClosingNow(clause) || saysFarewell(clause)) && clauses.slice(0, at).some(beingDone));
}

// Inputs we recognise: the imperative of cancelling alone, with at most words of now or please ("avsluta nu"): the subscription, not the chat.
export const CANCELLING_IMPERATIVES = ['avsluta', 'avbryt'];
export const NOW_OR_PLEASE = ['nu', 'direkt', 'genast', 'tack', 'snälla', 'nu tack'];

export function ordersCancellingAlone(words: readonly string[]): boolean {
  return CANCELLING_IMPERATIVES.includes(words[0] ?? '') && words.length <= 3 && words.slice(1).every((word) => NOW_OR_PLEASE.includes(word));
}

// Inputs we recognise: how a writer introduces themselves or their firm after a greeting ("I'm the IT admin", "det är Anna från ekonomi",
// "Tom here", "new admin here", "hello from a small law office"), and how many words such an introduction takes at most.
export const INTRODUCING = ['im', 'i am', 'this is', 'my name', 'its', 'it is', 'jag är', 'det är', 'jag heter', 'mitt namn', 'här är', 'i run', 'i work', 'i look after', 'i handle', 'i manage', 'i do the', 'i do it', 'jag jobbar', 'jag arbetar', 'jag sköter', 'jag ansvarar', 'jag har hand', 'from', 'från'];
// Beside them, Swedish as typed in chat ("e admin för …", "ja e ny här"), writing from a firm ("jag skriver från …"), the firm as "vi"
// ("vi är en förskola …"), and having taken over or being new ("jag har tagit över efter …", "nyanställd på …").
export const INTRODUCING_SV = ['jag e', 'ja e', 'e', 'jag skriver från', 'skriver från', 'vi är', 'vi e', 'jag har tagit över', 'har tagit över', 'jag är ny', 'nyanställd', 'jag representerar', 'undertecknad', 'ny som', 'nyvald', 'nybliven', 'nytillträdd'];
// A letter's writer as "the undersigned", having taken over a role or an account, or being newly in one ("I've recently taken over …", "newly appointed treasurer").
export const INTRODUCING_IN_A_LETTER = ['the undersigned', 'newly appointed', 'newly elected', 'new as', 'recently appointed'];
export const TAKING_OVER = ['taken over', 'took over', 'taking over', 'tagit över', 'övertagit', 'tar över', 'tog över'];
export const TAKING_OVER_REACH = 4;
export const TAKING_OVER_MAX_WORDS = 20;
export const INTRODUCED_HERE = ['here', 'här'];
// Writing for someone introduces the writer ("I'm writing on behalf of the board").
export const WRITING_FOR = ['writing', 'messaging', 'contacting'];
// A name, then where the writer comes from ("Ruth from Pemberton Legal"); not from the writer ("that's it from me").
export const INTRODUCED_FROM = ['from', 'från'];
export const THE_WRITER = ['me', 'us', 'mig', 'oss'];
export const INTRODUCED_HERE_REACH = 3;
export const INTRODUCTION_MAX_WORDS = 14;

/** Words after a greeting that introduce the writer or the firm and ask nothing: "I'm the IT admin at a small firm", "Anna här". */
export function introducesTheWriter(after: readonly string[]): boolean {
  // Taking over may name from whom and what at length ("I've recently taken over the account for our co-op from the previous treasurer").
  const takesOver = holdsPhrase(after.slice(0, TAKING_OVER_REACH), TAKING_OVER);
  if (after.length === 0 || after.length > (takesOver ? TAKING_OVER_MAX_WORDS : INTRODUCTION_MAX_WORDS)) return false;
  // "I'm trying to …", "jag är osäker på …" tell a matter, not who writes; "I'm writing for the parish office" tells who writes.
  if (/ing$/.test(after[1] ?? '') && after[0] === 'im' && !WRITING_FOR.includes(after[1]!)) return false;
  // Nor do "jag är osäker på hur länge …", "vi vet inte vad …": a question told inside, not who writes.
  if (after.some((word) => ASKING_WITHIN_SV.includes(word))) return false;
  const opens = opensWithPhrase(after, INTRODUCING) || opensWithPhrase(after, INTRODUCING_SV) || opensWithPhrase(after, INTRODUCING_IN_A_LETTER) || takesOver;
  // A name or a role and "here" ("Dave here, I do the IT", "ny admin här").
  return opens || INTRODUCED_HERE.includes(after.at(-1) ?? '') || after.slice(1, INTRODUCED_HERE_REACH).some((word) => INTRODUCED_HERE.includes(word)) || (INTRODUCED_FROM.includes(after[1] ?? '') && !THE_WRITER.includes(after[2] ?? ''));
}

// Inputs we recognise: beginnings of words of using the assistant or how it works ("how do I use you", "hur funkar assistenten").
export const USING = ['use', 'använd', 'funk', 'funger', 'work'];

/** How to use the assistant, or where to begin with it, the assistant named or addressed: "where do I start with you", "hur funkar den här assistenten". */
export function asksHowToUseTheAssistant(words: readonly string[]): boolean {
  const addressed = words.some((word) => YOU.includes(word) || word === 'dig') || beginsAWord(words, THE_ASSISTANT);
  const using = words.some((word, at) => (HOW_OR_WHERE.includes(word) || WHAT.includes(word)) && beginsAWord(words.slice(at + 1), USING));
  return addressed && (using || asksHowToBegin(words));
}

/** What the assistant, addressed, is for: "what are you for", "vad är du till för", "what are you here for". */
export function asksWhatYouAreFor(words: readonly string[]): boolean {
  return (WHAT.includes(words[0] ?? '') && words.length <= 6 && words.some((word) => YOU.includes(word)) && MEANT_FOR.includes(words.at(-1) ?? '')) || asksWhatItIsForWithFiller(words, YOU);
}

// Inputs we recognise: the words that may trail a question of what something is for ("what are you for then", "what is this bot for anyway").
export const TRAILING_FILLER = ['anyway', 'then', 'really', 'exactly', 'please', 'pls', 'plz', 'tbh', 'again', 'actually', 'egentligen', 'då', 'nu', 'tack'];
export const WHAT_FOR_MAX_WORDS = 6;

/**
 * "What" then the assistant (or "you") then "for", with at most filler after it, anywhere in the message: "tell me what this bot is for",
 * "so what are you for then". Not "what is the fee for the plan": the assistant is named between "what" and "for".
 */
export function asksWhatItIsForWithFiller(words: readonly string[], named: readonly string[]): boolean {
  const what = words.findIndex((word) => WHAT.includes(word));
  if (what < 0) return false;
  let end = words.length;
  while (end > what && TRAILING_FILLER.includes(words[end - 1]!)) end -= 1;
  const question = words.slice(what + 1, end);
  return question.length >= 2 && question.length <= WHAT_FOR_MAX_WORDS && MEANT_FOR.includes(question.at(-1)!) && beginsAWord(question.slice(0, -1), named);
}

// Inputs we recognise: the opening of thanks for something told ("thanks for pointing out …", "appreciate you explaining …"), and the words
// of a request that make such a message more than thanks ("thanks for that, now I want to cancel").
export const APPRECIATING = ['appreciat', 'uppskatt'];
export const THANKS_FOR_REACH = 3;
// Words of degree that may come before the thanks without moving it from the opening ("I'm very grateful for …", "so thankful for …").
export const DEGREE = ['very', 'so', 'really', 'truly', 'most', 'extremely', 'incredibly', 'super', 'verkligen', 'väldigt', 'så', 'mycket'];
export const THE_WRITER_BEING = ['i', 'am', 'we', 'are', 'jag', 'är', 'vi'];
export const REQUESTING = ['vill', 'behöver', 'måste', 'want', 'need', 'please', 'pls', 'would', 'must', 'gonna', 'snälla', 'but', 'men'];

/**
 * Thanks for something the assistant told, opening the message: "thanks for clarifying the refund part", "appreciate you explaining the trial
 * rules". Naming a subject here names what was answered, not a new question; a request beside it ("but", "please", "I want") is that request.
 */
export function thanksForWhatWasTold(words: readonly string[]): boolean {
  const at = words.findIndex((word) => isThanking(word) || wordBegins(word, APPRECIATING));
  if (at < 0 || words.slice(0, at).filter((word) => !DEGREE.includes(word) && !THE_WRITER_BEING.includes(word)).length > 1) return false;
  const next = words.slice(at + 1, at + 1 + THANKS_FOR_REACH);
  const thanksFor = next.includes('for') || next.includes('för') || (wordBegins(words[at]!, APPRECIATING) && (next[0] === 'you' || next[0] === 'att'));
  return thanksFor && !words.some((word) => REQUESTING.includes(word));
}

// Inputs we recognise: a clause that only asks leave to go on ("om det går bra", "om det är okej").
export const LEAVE_TO_GO_ON = ['om det går bra', 'om det går för sig', 'om det är okej', 'om det är ok', 'om det passar'];
// A greeting, or a greeting with what follows it in its clause, is a word or three ("hej", "hallå där", "god morgon allihop").
export const GREETING_CLAUSE_OPENINGS = [3, 2, 1];

// Inputs we recognise: checking in Swedish whether anyone is there or awake ("är det nån som läser?", "är ni vakna"): a hello, answered by a greeting.
export const CHECKING_FOR_SOMEONE_SV = ['är du vaken', 'är ni vakna', 'är du där', 'är ni där', 'någon där', 'nån där', 'någon här', 'nån här', 'någon hemma', 'nån hemma', 'någon som svarar', 'nån som svarar', 'någon som läser', 'nån som läser', 'är du igång', 'lever du', 'hör du mig', 'sitter du där', 'sitter ni där', 'är du kvar', 'är ni kvar', 'finns du där', 'finns ni där'];
export const CHECKING_FOR_SOMEONE_MAX_WORDS = 8;

/** A short message that checks whether anyone is there, and nothing of ours: "e det nån som läser eller", "är ni där?". */
export function checksWhetherSomeoneIsThere(words: readonly string[]): boolean {
  return words.length <= CHECKING_FOR_SOMEONE_MAX_WORDS && holdsPhrase(words, CHECKING_FOR_SOMEONE_SV) && !speaksOfOurDomain(words);
}

// Inputs we recognise: a hand waved or raised, the whole message ("👋", "🙋‍♀️"), with its skin tone, gender and presentation marks.
export const WAVING_HANDS = /^(?:[\u{1F44B}\u{1F64B}\u{1F590}\u{270B}\u{1F91A}][\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{2640}\u{2642}]*\s*)+$/u;

/** A wave and nothing else: "👋", "👋🏽👋🏽". */
export function onlyWaves(text: string): boolean {
  return WAVING_HANDS.test(text.trim());
}

// "redo", the one word both languages write: Swedish "ready" ("jag är redo", "vad ska jag ha redo"), a sign of the details to have
// ready for the call (CALL_OR_DETAIL), and the English verb of doing again ("can we redo this"). Which one it is shows in the words
// around it, since both languages' rules read every message.
export const REDO = 'redo';
// Inputs we recognise: what stands before the English verb: who is to redo, a request or a wish ("let's redo", "can we
// redo", "want to redo"). Swedish "redo" follows what is ready ("är redo", "ha redo"), none of these.
export const BEFORE_THE_ENGLISH_VERB = ['lets', 'let', 'us', 'me', 'we', 'i', 'you', 'can', 'could', 'may', 'might', 'shall', 'should', 'to', 'please', 'pls', 'just', 'rather', 'wanna', 'gotta', 'and'];
// And what follows it when the whole exchange is done again: the conversation, all of it, the steps and answers in it, from
// the start, or nothing ("redo the whole thing", "redo it all from the top"). "redo the identity check" names its object.
export const REDONE = ['it', 'this', 'that', 'these', 'everything', 'all', 'of', 'the', 'our', 'my', 'whole', 'thing', 'lot', 'again', 'from', 'start', 'beginning', 'top', 'scratch', 'please', 'now', 'steps', 'answers', 'questions', 'then'];
// How many words after the verb are read for what is redone.
export const REDONE_REACH = 5;

/** Whether the message asks in English to do the conversation again: "redo" as the verb, with nothing but the exchange redone. */
export function asksToRedoTheConversation(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (word !== REDO || !BEFORE_THE_ENGLISH_VERB.includes(words[at - 1] ?? '')) return false;
    return words.slice(at + 1, at + 1 + REDONE_REACH).every((later) => REDONE.includes(later) || wordBegins(later, THE_CONVERSATION));
  });
}
