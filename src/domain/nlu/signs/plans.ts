/*
 * The plans with a rule of their own (F01 trial, F02 product key, F08 Open and FPP): their names and descriptions
 * ("a key from the shop", "the free month"), ruledPlanTopic and planWithRule, and whether a trial or the data is meant
 * (trialOrData).
 */
import { beginsAWord, holdsPhrase, withClosedCompounds } from '../text.js';
import { type PlanId } from '../../plans.js';
import { type IntentName, NONE_INTENT, PLAN_RULE_TOPIC } from '../intents.js';
import { type Ranked, intentFirst } from './ranking.js';
import { namesSubjectOf } from './subjects.js';
import { CONFIDENT_SCORE } from '../interpretation.js';

// Inputs we recognise: beginnings of words that name a trial ("provperioden", "testversionen",
// "evaluation"), and phrases ("på prov"). Not "test" alone: "vi har testat" is having tried.
// Matched also against the words as closed compounds: "test version", "try-out".
// A subscription is also a "prenumeration", as the admin center's Prenumerationer page names it ("testprenumerationen").
// The trial's time is its period too ("när testtiden är över", "provtiden").
export const TRIAL_WORDS = ['provperiod', 'provversion', 'provabonnemang', 'provprenumeration', 'provkonto', 'testperiod', 'testversion', 'testkonto', 'testabonnemang', 'testprenumeration', 'utvärdering', 'gratisperiod', 'gratisversion', 'gratisprenumeration', 'trial', 'evaluation', 'tryout', 'testtid', 'provtid'];
export const TRIAL_PHRASES = ['på prov', 'prova på', 'testet', 'provet', 'free period', 'test period', 'test tenant', 'testtenant', 'testmiljö'];

// Words that may stand around a plan or timing typed as the answer to the guide's questions ("vi kör Midsize", "ours is
// Enterprise", "the one with a product key", "det är en provperiod", "Small Business, tack"): who has it, which one, and
// politeness. Any other word ("Enterprise fees", "tell me about Enterprise") says something the recognizer's reading answers.
export const WORDS_AROUND_A_PLAN_ANSWER = [
  'vi', 'jag', 'vår', 'vårt', 'våra', 'min', 'mitt', 'har', 'kör', 'använder', 'är', 'det', 'den', 'en', 'ett', 'med', 'på', 'plan', 'planen', 'abonnemang', 'abonnemanget', 'licens', 'licensen', 'tack', 'ja', 'nog', 'alltså', 'just', 'typ',
  'we', 'were', 'i', 'im', 'our', 'ours', 'my', 'have', 'got', 'use', 'using', 'run', 'is', 'are', 'its', 'it', 'the', 'a', 'an', 'one', 'with', 'on', 'subscription', 'license', 'licence', 'please', 'thanks', 'yes',
];

// Inputs we recognise: a free month is how admins speak of the trial ("vi testar gratis en månad", "the free month").
export const FREE_WORDS = ['gratis', 'kostnadsfri', 'kostnadsfritt', 'free'];
export const MONTH_WORDS = ['månad', 'månaden', 'month'];
// So is a free subscription or version named as such ("one of those free try-out subscriptions"): Office 365 for business is otherwise paid for.
export const FREE_OFFER_STEMS = ['subscription', 'version', 'abonnemang'];
// How far after "free" the offer may come: "a free try-out subscription".
export const FREE_OFFER_REACH = 3;

export function namesFreeOffer(words: readonly string[]): boolean {
  return words.some((word, at) => FREE_WORDS.includes(word) && beginsAWord(words.slice(at + 1, at + 1 + FREE_OFFER_REACH), FREE_OFFER_STEMS));
}

// Inputs we recognise: a key (F02), whole or as the last part of a Swedish compound ("office 365-nyckel", "licensnyckeln").
export const KEY_WORDS = ['key', 'keys', 'productkey', 'licensekey'];
export const KEY_PARTS = ['nyckel', 'nyckl', 'produktkod'];
// A code typed in or activated with is a product key ("fick en lång kod som vi knappade in", "the code we redeemed").
export const CODE_WORDS = ['kod', 'koden', 'koder', 'code', 'codes'];
export const ENTERING = ['knapp', 'skrev', 'skriv', 'matade', 'aktiv', 'typed', 'entered', 'activat', 'redeem'];
// So is a code on a card ("a card with a code on it"): a product key card.
export const CARDS = ['card', 'cards'];

export function describesKey(words: readonly string[]): boolean {
  return words.some((word) => KEY_WORDS.includes(word) || KEY_PARTS.some((part) => word.includes(part))) || (words.some((word) => CODE_WORDS.includes(word)) && (beginsAWord(words, ENTERING) || words.some((word) => CARDS.includes(word))));
}

// Inputs we recognise: an Open agreement or a boxed product bought in a shop (F08), beside the Open/FPP words above.
export const OPEN_AGREEMENT = ['open avtal', 'open avtalet', 'open agreement', 'open agreements', 'open volume', 'open value'];
export const BUYING = ['köp', 'bought', 'buy', 'purchas'];
export const BUYING_PHRASES = ['picked up', 'off the shelf'];
export const RETAIL_PLACES = ['box', 'boxes', 'låda', 'lådan', 'hylla', 'hyllan', 'shelf', 'store', 'shop', 'butik', 'butiken', 'affär', 'affären'];
// Swedish names the kind of shop first: "elektronikbutik", "dataaffären".
export const RETAIL_PLACE_ENDS = ['butik', 'butiken', 'affär', 'affären'];

// A box from a shop is the boxed product without a word of buying ("ours came in a box from the electronics shop").
export const RETAIL_BOXES = ['box', 'boxes', 'boxed', 'låda', 'lådan', 'kartong', 'kartongen'];
export const SHOPS = ['store', 'shop', 'butik', 'butiken', 'affär', 'affären'];

export function describesOpenOrRetail(words: readonly string[]): boolean {
  const boughtInAShop = (beginsAWord(words, BUYING) || holdsPhrase(words, BUYING_PHRASES)) && words.some((word) => RETAIL_PLACES.includes(word) || RETAIL_PLACE_ENDS.some((end) => word.endsWith(end)));
  const boxFromAShop = words.some((word) => RETAIL_BOXES.includes(word)) && words.some((word) => SHOPS.includes(word) || RETAIL_PLACE_ENDS.some((end) => word.endsWith(end)));
  return namesSubjectOf('openFpp', words) || holdsPhrase(words, OPEN_AGREEMENT) || boughtInAShop || boxFromAShop || namesOpenAfterLicensing(words);
}

// Inputs we recognise: parts of words of licensing that name the Open programme when "Open" follows ("volymlicensprogrammet Open").
export const LICENSING_PARTS = ['licens', 'license', 'licensing', 'program', 'avtal'];
// So do words of naming just before it ("something called Open"): "Open" is then a name.
export const NAMING = ['called', 'named', 'heter', 'kallas', 'kallat'];

/** "Open" named right after a word of licensing: the programme is Open (F08), not the verb. */
export function namesOpenAfterLicensing(words: readonly string[]): boolean {
  return words.some((word, at) => word === 'open' && at > 0 && (LICENSING_PARTS.some((part) => words[at - 1]!.includes(part)) || NAMING.includes(words[at - 1]!)));
}

/**
 * The plan with a rule of its own a message names (the plan found) or describes, if one: a key described
 * with a shop is a key ("a key card from the store"); a trial beside another is no one plan.
 */
export function ruledPlanTopic(words: readonly string[], plans: readonly PlanId[] | undefined): IntentName | undefined {
  const named = [...new Set((plans ?? []).map((plan) => PLAN_RULE_TOPIC[plan]).filter((topic) => topic !== undefined))];
  if (named.length > 0) return named.length === 1 ? (named[0] as IntentName) : undefined;
  const described: IntentName[] = [];
  if (namesTrial(words)) described.push('trial');
  if (describesKey(words)) described.push('productKey');
  else if (describesOpenOrRetail(words)) described.push('openFpp');
  return described.length === 1 ? described[0] : undefined;
}

/** The plan whose rule is the topic's fact (the trial, a product key, Open/FPP). */
export function planWithRule(topic: IntentName): PlanId | undefined {
  return (Object.entries(PLAN_RULE_TOPIC) as [PlanId, string][]).find(([, ruled]) => ruled === topic)?.[0];
}

// Actions a question about such a plan is read as by its generic words ("can we get a refund…" leans to feedback).
export const ASKED_BESIDE_A_PLAN: readonly IntentName[] = ['startCancellation', 'help', 'giveFeedback', 'outOfScope'];

export function namesTrial(words: readonly string[]): boolean {
  return beginsAWord(withClosedCompounds(words), TRIAL_WORDS) || holdsPhrase(words, TRIAL_PHRASES) || (words.some((word) => FREE_WORDS.includes(word)) && words.some((word) => MONTH_WORDS.includes(word))) || namesFreeOffer(words);
}

/**
 * What becomes of the files is asked of a trial (F01: its data goes when it expires) and of any
 * cancelled plan (F11: 90 days), so the classifier splits such a question between the two. The
 * message decides: naming a trial makes it the trial's, otherwise it is the usual data question.
 * The two readings were one question, so the one kept has both scores.
 */
export function trialOrData(ranked: Ranked, words: readonly string[]): Ranked {
  if (ranked[0]?.intent !== 'trial' && ranked[0]?.intent !== 'data') return ranked;
  const kept = namesTrial(words) ? 'trial' : 'data';
  // A data question that names a trial is the trial's; a trial reading goes to data only when data is a reading too.
  if (kept === 'data' && !ranked.some((entry) => entry.intent === 'data')) return ranked;
  const both = ranked.filter((entry) => entry.intent === 'trial' || entry.intent === 'data').reduce((sum, entry) => sum + entry.score, 0);
  // Read on top and named by its own sign (the trial, or the data's subject), with no other reading at half its score,
  // the reading is sure however flat the vote's scores ("the fee and the data" stays a choice).
  const rivals = ranked.filter((entry) => entry.intent !== 'trial' && entry.intent !== 'data' && entry.intent !== NONE_INTENT && entry.score >= both / 2);
  const signed = (kept === 'trial' || namesSubjectOf('data', words)) && rivals.length === 0;
  return intentFirst(
    ranked.filter((entry) => entry.intent !== (kept === 'trial' ? 'data' : 'trial')),
    kept,
    signed ? Math.max(Math.min(1, both), CONFIDENT_SCORE) : Math.min(1, both),
  );
}
