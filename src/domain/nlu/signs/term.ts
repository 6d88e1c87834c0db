/*
 * The term, its renewal and the fee for leaving early (F06 cancel at the term's end, F07 term lengths, F09 early
 * termination fee): renewal and its refusal, commitment, the term's length and end, letting it lapse, leaving before
 * the end, what leaving costs (asksCostOfLeavingEarly), billing that stops, and the timings a message means (meantTiming).
 */
import { beginsAWord, holdsPhrase, wordBegins } from '../text.js';
import { type IntentName, type RecognizedEntities } from '../intents.js';
import { type EntityMatches } from '../entities.js';
import { REMAINING, asksDeletion, asksHowLong } from './data.js';

// Inputs we recognise: beginnings of words, and phrases, about the renewal (F06).
export const RENEWAL = ['förläng', 'förny', 'renew', 'autorenew', 'autoförny'];
export const RENEWAL_PHRASES = ['roll over', 'rolls over', 'rulla vidare', 'rullar vidare', 'löpa vidare', 'löper vidare'];

export function speaksOfRenewal(words: readonly string[]): boolean {
  return beginsAWord(words, RENEWAL) || holdsPhrase(words, RENEWAL_PHRASES) || deniesGoingOnAfterTheTerm(words);
}

// Inputs we recognise: beginnings of words of going on ("fortsätta", "continue"), and of the term being used up first ("tills dess", "until then").
export const GOING_ON = ['fortsätt', 'continu'];
export const UNTIL_THE_END = ['tills dess', 'till dess', 'tills det', 'until then', 'until it', 'until the end', 'hela året', 'the whole year', 'the full year'];

/** Going on denied after using the term up: "vi vill använda det tills dess, men sen ska det inte fortsätta" is not renewing (F06). */
export function deniesGoingOnAfterTheTerm(words: readonly string[]): boolean {
  return holdsPhrase(words, UNTIL_THE_END) && words.some((word, index) => wordBegins(word, GOING_ON) && words.slice(Math.max(0, index - NEGATION_REACH), index).some((before) => NO_MORE.includes(before)));
}

/** A word of the renewal denied just before it: "vi vill inte förlänga", "we won't renew". */
export function refusesRenewal(words: readonly string[]): boolean {
  return words.some((word, index) => wordBegins(word, RENEWAL) && words.slice(Math.max(0, index - NEGATION_REACH), index).some((before) => NO_MORE.includes(before)));
}

// Inputs we recognise: beginnings of words, and phrases, about being bound to a term (F07).
export const COMMITMENT = ['bind', 'bunden', 'bundna', 'åtagande', 'commitment', 'committed', 'bound'];
export const COMMITMENT_PHRASES = ['locked in', 'tied to', 'tied in', 'låsta vid', 'låsta i', 'låst vid', 'låst i', 'minimum term', 'minsta avtalstid'];

// Inputs we recognise: a term of a year or a month, in a word or a compound ("ettårsavtal", "månadsvis", "annual").
export const TERM_LENGTH = /^(?:(?:ett)?års(?:avtal|vis|abonnemang|period|bindning)|årlig|månads(?:avtal|vis|abonnemang|betalning)|fakturerings(?:period|intervall)|annual|yearly|monthly)/;
export const TERM_LENGTH_PHRASES = ['month to month', 'month by month', 'per year', 'per month', 'per månad', 'per år', 'månad för månad', 'varje månad', 'varje år', 'every month', 'every year', '12 månader', '12 månaders', '12 months', 'månad eller år', 'år eller månad', 'month or year', 'year or month', 'billing period', 'billing cycle'];

// Inputs we recognise: the generic verb of holding or applying ("gäller det …").
export const HOLDS = 'gäller';
// Beside it, its English ("does the penalty apply to us"): a fee said to hold names no audience of the guide (F16).
export const HOLDING = [HOLDS, 'appl'];

/** The words without those of holding or applying: what is left to name which plans or admins the guide covers. */
export function withoutHolding(words: readonly string[]): string[] {
  return words.filter((word) => !wordBegins(word, HOLDING));
}

// Inputs we recognise: phrases of turning the renewal off.
export const TURNING_OFF = ['turn off', 'turn it off', 'switch off', 'switch it off', 'stäng av', 'stänga av', 'slå av', 'slå ifrån', 'stänger av'];

/** How long the term is, asked with the term named: not how long the data stays or before it is deleted. */
export function asksTermLength(words: readonly string[]): boolean {
  const namesTerm = beginsAWord(words, TERM) || words.some((word) => TERM_WORDS.includes(word));
  return asksHowLong(words) && namesTerm && !beginsAWord(words, REMAINING) && !asksDeletion(words);
}

export function namesTermLength(words: readonly string[]): boolean {
  return words.some((word) => TERM_LENGTH.test(word)) || holdsPhrase(words, TERM_LENGTH_PHRASES);
}

export function speaksOfCommitment(words: readonly string[]): boolean {
  return beginsAWord(words, COMMITMENT) || holdsPhrase(words, COMMITMENT_PHRASES);
}

// Inputs we recognise: beginnings of words of a span of time or being bound (the term's length, F07); without
// any, a plan name must not make "are your instructions relevant for us on midsize business" a question of length.
export const TIME_SPANS = ['lång', 'läng', 'long', 'length', 'duration', 'period', 'avtal', 'löp', 'bind', 'bunden', 'bundna', 'term', 'contract', 'månad', 'month', 'år', 'year', 'annual', 'commit', 'åtagande', 'låst', 'lock', 'tid', 'time', 'minimum', 'minst', 'tied', 'run', 'last', 'bound', '12', 'tolv', 'twelve'];

// Inputs we recognise: words of the term (not "termination"), of its ending, and of leaving before it (the fee's, F09).
export const TERM = ['period', 'avtal', 'löptid', 'bindningstid', 'contract'];
// "året" is the year the plan runs ("när året är slut").
export const TERM_WORDS = ['term', 'terms', 'året', 'year'];
export const ENDING_WORDS = ['slut', 'slutet', 'över', 'end', 'ends', 'ended', 'over', 'expire', 'expires', 'expiry', 'utgång', 'utgången'];
export const ENDING_PHRASES = ['löper ut', 'löpa ut', 'går ut', 'gå ut', 'runs out', 'run out', 'is up', 'are up'];
export const BEFORE_THE_END = ['innan', 'before', 'prior', 'early', 'earlier', 'förtid', 'tidig'];
// "före" only as a word of its own: "föreningen" and "företaget" begin with it and leave nothing early.
export const BEFORE_THE_END_WORDS = ['före'];

// Inputs we recognise: words that deny what follows them within a few words ("inte säga upp i förtid", "no early exit").
export const NEGATIONS = ['inte', 'ej', 'inget', 'ingen', 'not', 'no', 'dont', 'never', 'aldrig', 'without', 'utan'];
export const NEGATION_REACH = 4;

/** A word of leaving before the end that no negation just before it denies. */
export function leavesBeforeTheEnd(words: readonly string[]): boolean {
  return words.some((word, index) => (wordBegins(word, BEFORE_THE_END) || BEFORE_THE_END_WORDS.includes(word)) && !words.slice(Math.max(0, index - NEGATION_REACH), index).some((before) => NEGATIONS.includes(before)));
}

// Inputs we recognise: words of letting something happen, and how far after them its ending may come ("let it just expire").
export const LETTING = ['let', 'letting'];
export const LETTING_REACH = 4;
export const LETTING_THE_WRITER = ['me', 'us'];

/** Letting it end by itself ("can I just let it expire", "let the plan lapse"): the term's end, with nothing cancelled early (F06). */
export function letsItEnd(words: readonly string[]): boolean {
  return words.some((word, at) => {
    // "let me start over" lets the writer do something: only something else let run ends.
    if (!LETTING.includes(word) || LETTING_THE_WRITER.includes(words[at + 1] ?? '')) return false;
    const after = words.slice(at + 1, at + 1 + LETTING_REACH);
    return after.some((later) => ENDING_WORDS.includes(later) || later.startsWith('laps')) || holdsPhrase(after, ENDING_PHRASES);
  });
}

/** A term and its ending named together: "när avtalsperioden är slut", "once the term is over". */
export function speaksOfTermEnd(words: readonly string[]): boolean {
  // Swedish puts the period last in a compound: "faktureringsperioden", "avtalsperioden".
  const namesTerm = beginsAWord(words, TERM) || words.some((word) => TERM_WORDS.includes(word) || word.includes('period'));
  return (namesTerm && (words.some((word) => ENDING_WORDS.includes(word)) || holdsPhrase(words, ENDING_PHRASES))) || words.some(namesTermEndInACompound);
}

// Swedish also puts the term and its end in one compound ("periodslut", "avtalsslutet"); not "beslut" or "avslut", whose "slut" ends no term.
export const TERM_PARTS = ['period', 'avtal', 'löptid', 'bindningstid', 'års'];
export const ENDING_PARTS = ['slut', 'slutet', 'utgång', 'utgången'];

export function namesTermEndInACompound(word: string): boolean {
  return ENDING_PARTS.some((end) => word.endsWith(end) && wordBegins(word.slice(0, word.length - end.length), TERM_PARTS));
}

// Inputs we recognise: beginnings of words of turning off the renewal or of billing that goes on (F06).
export const TERM_END_SIGNS = ['automat', 'auto', 'inaktiv', 'disabl', 'recurring', 'fakturer', 'bill', 'charg', 'betal', 'pay', 'slut', 'expir', 'löper', 'år', 'year', 'period', 'avtal', 'contract'];

// Inputs we recognise: beginnings of words of a penalty ("straffavgiften", "vitet", "penalties").
// "ETF" is the early termination fee by its initials.
export const PENALTY = ['penalt', 'penalis', 'penaliz', 'straffavgift', 'vite', 'vitet', 'etf'];
// Inputs we recognise: beginnings of words of a cost, and of leaving before the term is over (a break, halfway, at once).
export const COST = ['avgift', 'kost', 'betal', 'faktur', 'dyr', 'skyldig', 'ekonomisk', 'fee', 'cost', 'charg', 'bill', 'pay', 'invoice', 'extra', 'expensive', 'owe', 'financial', 'damage', 'pricey'];
export const PRICE = ['avgift', 'kost', 'skyldig', 'dyr', 'extra', 'ekonomisk', 'fee', 'cost', 'owe', 'expensive', 'financial', 'liab'];
// Owing said as an idiom: "are we on the hook for the months left"; so is a charge asked of ("is there a charge", "any charges").
export const OWING = ['on the hook', 'a charge', 'any charge', 'any charges'];
export const LEAVING_EARLY = ['förtid', 'early', 'earlier', 'halfway', 'halvvägs', 'midway', 'bryt', 'break', 'omedelbar', 'immediat', 'direkt'];

// Inputs we recognise: phrases of leaving in the middle of the term ("säga upp mitt i året").
export const MIDWAY = ['mitt i', 'in the middle of', 'part way', 'partway'];

// Inputs we recognise: phrases that set aside the timing after them ("idag i stället för vid förnyelsen"), and that deny the one after them ("utan att säga upp nu").
export const INSTEAD_OF = ['i stället för', 'istället för', 'snarare än', 'hellre än', 'instead of', 'rather than'];
export const WITHOUT = ['utan att', 'without'];
// How many words may stand between such a phrase and the timing it sets aside ("utan att säga upp nu").
export const SET_ASIDE_REACH = 4;

/** Whether one of `phrases` stands just before the word at `start`, a few words between at most ("utan att säga upp nu"). */
export function setAsideAt(words: readonly string[], start: number, phrases: readonly string[]): boolean {
  return holdsPhrase(words.slice(Math.max(0, start - SET_ASIDE_REACH - 2), start), phrases);
}

/** The timings found, without those set aside or denied by a phrase just before them: what the message means to do. */
export function meantTiming(found: readonly { startWord: number; value: string }[] | undefined, tokens: readonly string[]): string[] | undefined {
  if (!found) return undefined;
  const meant = found.filter(({ startWord }) => !setAsideAt(tokens, startWord, [...INSTEAD_OF, ...WITHOUT])).map(({ value }) => value);
  return meant.length > 0 ? [...new Set(meant)] : undefined;
}

/**
 * A penalty for leaving (without the renewal, whose stopping is the term's end), or a cost of leaving
 * before the end: a word of leaving early, leaving now ("what will it cost us to cancel now"), or
 * "before"/"innan" with the term's end ("före periodens slut") that no negation denies ("periodens slut, inte tidigare").
 */
export function asksCostOfLeavingEarly(words: readonly string[], timing: readonly string[] | undefined): boolean {
  if ((beginsAWord(words, PENALTY) && !speaksOfRenewal(words)) || namesTerminationCost(words)) return true;
  // Leaving now weighed by its price against leaving later ("is it cheaper to cancel now or at renewal"): what leaving early costs, whatever other timing is named.
  if ((timing?.includes('now') ?? false) && comparesCost(words)) return true;
  // Leaving now asks the price only with a word of what it costs or is owed: "disable recurring billing now" asks no price.
  // A bill for the rest of the term is such a price too ("an extra invoice for the months left if we stop today").
  const leavingNowCosts = (timing?.includes('now') ?? false) && !timing?.includes('termEnd') && (beginsAWord(words, PRICE) || holdsPhrase(words, OWING) || speaksOfBeingCharged(words) || (beginsAWord(words, COST) && namesRestOfTerm(words)));
  return leavingNowCosts || (beginsAWord(words, COST) && (leavesEarlyUndenied(words) || (leavesBeforeTheEnd(words) && speaksOfTermEnd(words))));
}

/** A word of leaving early that "utan att"/"without" does not deny: "slutar betala när året är slut utan att säga upp nu direkt" leaves at the end. */
export function leavesEarlyUndenied(words: readonly string[]): boolean {
  if (holdsPhrase(words, MIDWAY)) return true;
  // Nor does "i stället för att säga upp direkt" (instead of leaving at once): the leaving early is set aside.
  return words.some((word, at) => wordBegins(word, LEAVING_EARLY) && !setAsideAt(words, at, [...WITHOUT, ...INSTEAD_OF]));
}

// Inputs we recognise: beginnings of words, and phrases, that weigh one price against another ("billigare", "costs more", "skillnad i kostnad").
export const COMPARED_PRICE = ['cheaper', 'dearer', 'pricier', 'billigare', 'dyrare', 'prisskillnad', 'kostnadsskillnad'];
export const COMPARED_PRICE_PHRASES = ['more expensive', 'less expensive', 'costs more', 'cost more', 'costs less', 'cost less', 'cost difference', 'difference in cost', 'difference in price', 'kostar mer', 'kostar mindre', 'skillnad i kostnad', 'skillnaden i kostnad', 'skillnad i pris', 'skillnaden i pris'];

export function comparesCost(words: readonly string[]): boolean {
  return beginsAWord(words, COMPARED_PRICE) || holdsPhrase(words, COMPARED_PRICE_PHRASES);
}

// Inputs we recognise: beginnings of words of what is left of the term ("the remaining months", "återstående månader").
export const REST_OF_TERM = ['remaining', 'remainder', 'återstående', 'resterande'];
export const REST_OF_TERM_PHRASES = ['rest of the', 'rest of our', 'rest of this', 'resten av'];

export function namesRestOfTerm(words: readonly string[]): boolean {
  return beginsAWord(words, REST_OF_TERM) || holdsPhrase(words, REST_OF_TERM_PHRASES);
}

// Inputs we recognise: the words that make a word of billing after them passive ("will they be charged", "get billed").
export const PASSIVE_MAKERS = ['be', 'being', 'been', 'get', 'getting', 'got'];
export const BILLED = ['charg', 'bill', 'invoic'];

/** Being charged or billed, asked of leaving: a price ("will they be charged for it"), unlike a bill that stops. */
export function speaksOfBeingCharged(words: readonly string[]): boolean {
  return words.some((word, at) => PASSIVE_MAKERS.includes(word) && beginsAWord(words.slice(at + 1, at + 2), BILLED));
}

/** A cost named as the termination's ("termination charges", "a termination fee"): the fee for leaving early (F09) by its name. */
export function namesTerminationCost(words: readonly string[]): boolean {
  return words.some((word, at) => word.startsWith('terminat') && beginsAWord(words.slice(at + 1, at + 2), COST));
}

// Inputs we recognise: beginnings of words of being billed, of stopping, and words that deny or stop what follows them.
// Also the everyday "dragningar" (charges drawn from the card), money that "dras" (is drawn) or a card that "belastas".
export const BILLING = ['fakturer', 'faktura', 'fakturor', 'debiter', 'dragning', 'dras', 'belast', 'bill', 'charg', 'invoic'];
export const STOPPING = ['upphör', 'sluta', 'slutar', 'stop', 'cease', 'ceases'];
export const NO_MORE = [...NEGATIONS, 'inga', 'arent', 'isnt', 'wont'];

/**
 * Billing that stops ("no further charges once the year is up", "so that the invoices cease", "att faktureringen
 * upphör") is turning off the renewal (F06): a word of billing with a word of stopping, or denied just before it.
 */
export function asksBillingToStop(words: readonly string[]): boolean {
  if (!beginsAWord(words, BILLING)) return false;
  if (beginsAWord(words, STOPPING)) return true;
  return words.some((word, index) => wordBegins(word, BILLING) && words.slice(Math.max(0, index - NEGATION_REACH), index).some((before) => NO_MORE.includes(before)));
}

// Intents a question whether the billing stops leans to: help and feedback (its words of making sure), the path, the term's length (its year);
// also who may call with no call named ("roll over" begins like the Swedish "roll", a role).
export const BILLING_STOP_NEIGHBOURS: readonly IntentName[] = ['help', 'giveFeedback', 'startCancellation', 'termLengths'];

// Intents a question about a penalty for leaving leans to: the term's length and end, and the path.
export const PENALTY_NEIGHBOURS: readonly IntentName[] = ['termLengths', 'termEnd', 'startCancellation'];

// Intents a message about cancelling at the term's end leans to: the path, the fee for leaving early, the term's length.
export const TERM_END_NEIGHBOURS: readonly IntentName[] = ['startCancellation', 'earlyTerminationFee', 'termLengths'];

/**
 * A timing set aside for another ("cancel today instead of at renewal") is not the one the admin
 * chooses: it is dropped when the message names another timing, so "today" alone decides.
 */
export function withoutSetAsideTimings(found: EntityMatches, words: readonly string[]): EntityMatches {
  const timings = found.instances.timing;
  if (!timings || new Set(timings.map((instance) => instance.value)).size < 2) return found;
  const kept = timings.filter((instance) => !setAsideAt(words, instance.startWord, INSTEAD_OF));
  if (kept.length === 0 || kept.length === timings.length) return found;
  const values = [...new Set(kept.map((instance) => instance.value))] as NonNullable<RecognizedEntities['timing']>;
  return { entities: { ...found.entities, timing: values }, instances: { ...found.instances, timing: kept } };
}
