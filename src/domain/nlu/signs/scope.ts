/*
 * What is out of scope: another product or destination named (withoutDestinations), everyday tasks in the apps,
 * advice on products or tools, a task asked of the assistant, an unsure guess; and speaksOfOurDomain, whether a
 * message says anything of what the assistant knows.
 */
import { type IntentName, NONE_INTENT } from '../intents.js';
import { type TopicRegistry } from '../../topics.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { beginsAWord, holdsPhrase, wordBegins } from '../text.js';
import { type EntityMatches } from '../entities.js';
import { POLITE_REQUESTS, mentionsCancelling } from './asking.js';
import { asksDeletion, takesDataOut } from './data.js';
import { describesOpenOrRetail, namesTrial } from './plans.js';
import { type Ranked, isTopic } from './ranking.js';
import { CALL_OR_DETAIL, ROLE_OR_PERMISSION, USERS } from './roles.js';
import { TOPIC_WORDS } from './subjects.js';
import { speaksOfCommitment, speaksOfRenewal } from './term.js';

// Topics whose corpus asks in generic words ("can", "is this", "will it"), unlike the data's or the domains'.
export const GENERIC_WORDED_TOPICS: readonly IntentName[] = ['appliesTo', 'whoMayCall', 'verification'];

/** No reading, or a guess below confidence at a topic or a greeting: what a message about something else gets. */
export function unsureGuess(ranked: Ranked, topics: TopicRegistry): boolean {
  const top = ranked[0];
  if (!top || top.intent === NONE_INTENT) return true;
  return top.score < CONFIDENT_SCORE && (isTopic(top.intent, topics) || top.intent === 'greeting');
}

// What is left on top when the classifier's reading was set aside for want of its sign may be feedback's scrap of the vote
// ("vilket vin passar till …" leaves it at a fifth): below this it is no reading either.
export const LEFTOVER_ACTION_SCORE = 0.35;

// Fewer words ("tja", "thx", "nothing else") are too few to tell another subject: a short unsure message stays unsure.
export const OUT_OF_SCOPE_MIN_WORDS = 4;

// Inputs we recognise: beginnings of words about subscriptions, cancelling, paying and the call, beside the signs' own.
export const DOMAIN_WORDS = [
  'abonnemang', 'prenumeration', 'licens', 'office', 'microsoft', 'admin', 'tenant', 'konto', 'uppsäg', 'säg', 'avgift', 'kost', 'betal', 'faktur', 'pengar', 'återbetal', 'återaktiv', 'reaktiv', 'återupp', 'ångra', 'period', 'avtal', 'förtid', 'support',
  'månad', 'årsvis', 'årlig', 'låst', 'mx', 'cname', 'txt', 'srv', 'post', 'produkt', 'version', 'utgåv', 'snabb', 'återkall', 'öppna', 'rader', 'längd', 'tidsperiod', 'straff',
  'subscri', 'licen', 'plan', 'month', 'year', 'annual', 'locked', 'record', 'product', 'edition', 'quick', 'recall', 'length', 'penalt', 'account', 'cancel', 'cancle', 'terminat', 'fee', 'cost', 'pay', 'bill', 'invoice', 'charge', 'refund', 'money', 'reactiv', 'restor', 'undo', 'term', 'contract', 'early',
];

// Inputs we recognise: beginnings of verbs of making or finding something for the writer, asked of the assistant, and of
// being helped to do it ("kan du hjälpa mig att göra …"). How many words after the verb the thing to be made may take ("ett mejl").
export const TASK_VERBS = ['skriv', 'gör', 'göra', 'rekommend', 'föreslå', 'berätta', 'översätt', 'räkna', 'skapa', 'formulera', 'write', 'make', 'recommend', 'suggest', 'tell', 'translate', 'calculate', 'create', 'draft', 'compose'];
export const HELPED = ['hjälpa', 'help'];
export const TASK_OBJECT_REACH = 3;
export const ASKING_WHAT = ['vad', 'hur', 'vilka', 'vilken', 'vilket', 'what', 'how', 'which'];
export const TASK_VERB_REACH = 4;

/**
 * Asking the assistant to make or find something ("kan du skriva ett mejl till leverantören om priset", "can you recommend a
 * good accounting app"): a request that opens with "kan du"/"could you", a verb of making within a few words, and nothing of
 * ours said outside the thing to be made (whose "mejl" is no question about the mail) nor any cancelling.
 */
export function asksAssistantForATask(words: readonly string[]): boolean {
  const opening = words.findIndex((_, at) => POLITE_REQUESTS.includes(words.slice(at, at + 2).join(' ')));
  // "vad kan du göra för mig" asks what the assistant can do (help): no question word before the request.
  if (opening < 0 || words.slice(0, opening).some((word) => ASKING_WHAT.includes(word)) || mentionsCancelling(words)) return false;
  const after = words.slice(opening + 2, opening + 2 + TASK_VERB_REACH);
  const verbAt = after.findIndex((word) => wordBegins(word, TASK_VERBS));
  if (verbAt < 0 || after.slice(0, verbAt).some((word) => !['mig', 'oss', 'me', 'us', 'att', 'to', 'med', 'with', 'snabbt', 'quickly', ...HELPED].includes(word))) return false;
  const verb = opening + 2 + verbAt;
  const rest = [...words.slice(0, opening), ...words.slice(verb + 1 + TASK_OBJECT_REACH)];
  return !speaksOfOurDomain(rest) && !speaksOfOurDomain(words.slice(verb + 1, verb + 1 + TASK_OBJECT_REACH).filter((word) => !TOPIC_WORDS.some(([, stems]) => beginsAWord([word], stems))));
}

// Inputs we recognise: beginnings of words that ask for a recommendation, phrases that ask for a replacement, and what "best" closes a letter with.
// Not "suggest" nor "better": a suggestion, or what could be better, is feedback (F05).
export const RECOMMENDING = ['recommend'];
export const REPLACING = ['replacement for', 'alternative to', 'alternative for', 'good replacement', 'good alternative'];
export const BEST = ['best'];
export const SIGN_OFFS = ['best regards', 'best wishes', 'all the best'];

/** Asking for advice on a product or tool: "which card reader is best", "best tool?", "can you recommend …". Not asksAssistantForATask: advice needs no request to the assistant. */
export function asksForAdvice(words: readonly string[]): boolean {
  return beginsAWord(words, RECOMMENDING) || holdsPhrase(words, REPLACING) || (words.some((word) => BEST.includes(word)) && !holdsPhrase(words, SIGN_OFFS));
}

// Inputs we recognise: beginnings of words of everyday work in the apps, which the assistant does not cover.
export const EVERYDAY_TASKS = ['excel', 'powerpoint', 'onenote', 'outlook', 'lösenord', 'password', 'möte', 'meeting', 'kalender', 'calendar', 'skrivare', 'printer', 'formel', 'formula', 'kalkylblad', 'spreadsheet', 'presentation', 'wifi', 'virus', 'skärm', 'bildskärm', 'screen', 'monitor', 'tangentbord', 'keyboard', 'mouse', 'projektor', 'projector', 'dator', 'computer', 'laptop', 'headset', 'webbkamera', 'webcam', 'nätverk', 'network', 'router'];

// Swedish names the kind of device first: "etikettskrivaren", "bärbardatorn", "pekskärmen".
export const EVERYDAY_COMPOUND_ENDS = ['skrivare', 'skrivaren', 'skrivarna', 'dator', 'datorn', 'datorer', 'datorerna', 'skärm', 'skärmen', 'router', 'routern', 'tangentbord', 'tangentbordet'];

export function namesEverydayTask(words: readonly string[]): boolean {
  return beginsAWord(words, EVERYDAY_TASKS) || words.some((word) => EVERYDAY_COMPOUND_ENDS.some((end) => word.endsWith(end)));
}

// "id" is a word of its own here: as a beginning it takes "idag" and "idé", which say nothing of our subjects.
// "redo" is Swedish "ready" and also the English verb: "redo the whole thing" names none of our subjects. It stays a sign
// of the details to have ready (CALL_OR_DETAIL), where the call or a detail asked for decides.
export const DETAIL_STEMS = CALL_OR_DETAIL.filter((stem) => stem !== 'id' && stem !== 'redo');
// Swedish "redo" with what it is said of: the details to have ready ("vad ska jag ha redo").
const HAVING_READY = ['ha redo', 'vara redo', 'redo när', 'redo inför'];

// "kontoret" (the office, the premises) begins with "konto" (the account) and says nothing of it.
export const PREMISES = 'kontor';

/** Whether a message says anything of what the assistant knows: a subscription, cancelling, a fact's subject. */
export function speaksOfOurDomain(words: readonly string[]): boolean {
  return (
    beginsAWord(words.filter((word) => !word.startsWith(PREMISES)), DOMAIN_WORDS) ||
    // Cancelling in any form ("vi sagt upp", "avslutade"): the vote's flatter scores leave such readings unsure more often.
    mentionsCancelling(words) ||
    TOPIC_WORDS.some(([, stems]) => beginsAWord(words, stems)) ||
    namesTrial(words) ||
    // The Open channel by its name ("open licensing", "Open agreement"), not "open" alone: "when I open pivot tables" says nothing of ours.
    describesOpenOrRetail(words) ||
    speaksOfRenewal(words) ||
    speaksOfCommitment(words) ||
    asksDeletion(words) ||
    takesDataOut(words) ||
    beginsAWord(words, DETAIL_STEMS) ||
    holdsPhrase(words, HAVING_READY) ||
    words.includes('id') ||
    beginsAWord(words, ROLE_OR_PERMISSION.filter((stem) => !USERS.includes(stem)))
  );
}

// Inputs we recognise: words of moving that, before "to"/"till", make the product after them where the admin is going.
export const MOVING = ['moving', 'move', 'moved', 'switch', 'switching', 'migrate', 'migrating', 'go', 'going', 'over', 'change', 'changing', 'flytta', 'flyttar', 'byta', 'byter', 'över', 'migrera', 'migrerar'];
export const TOWARDS = ['to', 'till'];
// How many words may stand between the moving and the "to" ("moving the whole team to …", "switch our users to …").
export const MOVED_REACH = 4;
// Inputs we recognise: our own product and what it holds, named outside another product's name with a cancelling: the message is
// then about ours ("we chose google workspace, so cancel office 365", "do we lose the onedrive files when we cancel"), not so
// "dropbox as a replacement for onedrive", which asks advice.
export const OUR_PRODUCT = ['office 365', 'microsoft 365', 'o365', 'm365', 'tenant', 'onedrive', 'sharepoint'];

/**
 * Another product named as where the admin is going ("we're moving to Google Workspace when the
 * term ends", "vi går över till Google Workspace", "moving the whole team to Google Workspace") is no other product's
 * question: the message is about leaving our subscription. So is one named beside ours and its cancelling ("we chose Google
 * Workspace, so cancel Office 365"). Named otherwise ("end our Vodafone contract", "cancel game pass on my microsoft account") it stays.
 */
export function withoutDestinations(found: EntityMatches, words: readonly string[]): EntityMatches {
  const products = found.instances.otherProduct;
  const isDestination = (start: number) => TOWARDS.includes(words[start - 1] ?? '') && words.slice(Math.max(0, start - 2 - MOVED_REACH), start - 1).some((word) => MOVING.includes(word));
  const outsideProducts = words.filter((_, at) => !products?.some((product) => at >= product.startWord && at < product.endWord));
  if (!products || (!products.every((product) => isDestination(product.startWord)) && !(holdsPhrase(outsideProducts, OUR_PRODUCT) && mentionsCancelling(words)))) return found;
  const { otherProduct: _entity, ...entities } = found.entities;
  const { otherProduct: _instances, ...instances } = found.instances;
  return { entities, instances };
}
