/*
 * Which topic's subject a message names: each topic's words and phrases (SUBJECT_WORDS, TOPIC_WORDS, TOPIC_PHRASES),
 * namesSubjectOf, the topics with a subject of their own (SUBJECT_TOPICS) and the facts' (FACT_SUBJECTS). The words of
 * money back are here because they are the product key's subject (F02: no refund).
 */
import { type IntentName } from '../intents.js';
import { beginsAWord, holdsPhrase } from '../text.js';
import { ADDRESS, DOMAIN_COMPOUND_ENDS, REGISTRARS } from './domains.js';
import { ASSOCIATION_ROLES, CALLING, asksWhetherBeingSuffices, withoutAdminPlaces } from './roles.js';

// Inputs we recognise: beginnings of words that name one topic's subject whatever else a question says.
export const TOPIC_WORDS: readonly (readonly [IntentName, readonly string[]])[] = [
  ['productKey', ['nyckel', 'produktnyckel', 'licensnyckel', 'key']],
  ['domains', ['domän', 'domain', 'dns', 'namnserver', 'namnservr', 'nameserver', 'registrar', 'registrator', 'mx-post', 'ns-post', 'mx', 'cname', 'spf', 'autodiscover', 'dns-post', 'record', ...REGISTRARS]],
  ['data', ['data', 'fil', 'file', 'mejl', 'mail', 'e-post', 'epost', 'onedrive', 'sharepoint', 'dokument', 'document', 'inkorg', 'inbox']],
  ['openFpp', ['fpp', 'kartong', 'boxad', 'boxed', 'retail', 'detaljhandel']],
];

// Inputs we recognise: phrases that name a topic's subject, beside the beginnings of words above (the last word matched by its beginning).
export const TOPIC_PHRASES: Partial<Record<IntentName, readonly string[]>> = {
  verification: ['security question', 'security check', 'user id', 'användar id', 'postal address', 'contact person', 'phone number', 'organization name', 'organisation name', 'account info', 'account detail', 'info om kontot', 'information om kontot', 'uppgifter om kontot', 'detaljer om kontot'],
  productKey: ['product key', 'license key'],
  openFpp: ['öppna kanal', 'open kanal', 'open licen', 'open channel', 'open program'],
  // Losing access is what the data's fact warns of (F11): "do users lose access to their mail at once".
  data: ['lose access', 'loses access', 'lost access', 'losing access'],
};
// Beginnings of words of the details support checks (F14) and of a role or permission (F15; not users, whose access is the data's).
export const SUBJECT_WORDS: readonly (readonly [IntentName, readonly string[]])[] = [
  ...TOPIC_WORDS,
  // Identifying oneself and the account's details ("kontouppgifterna", "identifierar man sig", "account info").
  // The questions support checks with, as Swedish compounds ("kontrollfrågorna", "säkerhetsfrågor"), like "security question".
  ['verification', ['användar-id', 'postadress', 'kontaktperson', 'organisationsnamn', 'organisationsnummer', 'organisationens', 'telefonnummer', 'telefonnr', 'telnr', 'mobilnr', 'orgnr', 'efternamn', 'identifi', 'identify', 'kontouppgift', 'kontoinfo', 'kontodetalj', 'kontrollfråg', 'säkerhetsfråg']],
  ['whoMayCall', ['admin', 'behörig', 'rättighet', 'roll', 'permi', 'allowed', 'rights', 'role', 'non-admin']],
  // Which admins and plans the guide is for (F16): "is this guide relevant to enterprise admins too".
  ['appliesTo', ['artikel', 'article', 'gäller', 'relevant', 'appl', 'cover', 'täck', 'omfatt', 'admin']],
];
// Topics whose reading needs their subject named when another topic's is.
export const SUBJECT_TOPICS: readonly IntentName[] = ['productKey', 'domains', 'data', 'openFpp', 'verification', 'whoMayCall', 'appliesTo'];

export function namesSubjectOf(intent: IntentName, allWords: readonly string[]): boolean {
  // An email address is the domain's (F10), not the mail in it: "the mail addresses use our own name".
  const words = intent === 'data' ? allWords.filter((_, at) => !beginsAWord(allWords.slice(at + 1, at + 2), ADDRESS)) : allWords;
  const padded = ` ${words.join(' ')} `;
  // Money back, or money with the seller, is the product key's subject: F02 is the only fact about refunds.
  if (intent === 'productKey' && asksForMoneyBack(words)) return true;
  // A role of a club or school named with the call ("ordföranden vill ringa själv") names who may call's subject too.
  if (intent === 'whoMayCall' && beginsAWord(words, ASSOCIATION_ROLES) && beginsAWord(words, CALLING)) return true;
  // So does asking whether being something suffices to cancel or call.
  if (intent === 'whoMayCall' && asksWhetherBeingSuffices(words)) return true;
  // Swedish puts the head last in a compound: "e-postdomänen" is a domain (F10), whatever "e-post" begins.
  if (intent === 'domains' && words.some((word) => DOMAIN_COMPOUND_ENDS.some((end) => word.endsWith(end)))) return true;
  // The admin center is a place: "remove the domain name in the admin center" names no role (F15) nor audience (F16).
  if ((intent === 'whoMayCall' || intent === 'appliesTo') && withoutAdminPlaces(words).length < words.length) return namesSubjectOf(intent, withoutAdminPlaces(words));
  return SUBJECT_WORDS.some(([topic, stems]) => topic === intent && beginsAWord(words, stems)) || (TOPIC_PHRASES[intent] ?? []).some((phrase) => padded.includes(` ${phrase}`));
}

// Inputs we recognise: beginnings of words and phrases of a refund, of money, and of the seller a key is bought from (F02).
export const REFUND = ['återbetal', 'refund', 'reimburs'];
export const MONEY_BACK = ['pengarna tillbaka', 'pengar tillbaka', 'betala tillbaka', 'betalar tillbaka', 'money back', 'pay back', 'pay us back'];
export const MONEY = ['pengar', 'money'];
export const SELLER = ['partner', 'återförsälj', 'reseller', 'retailer', 'vendor'];

export function asksForMoneyBack(words: readonly string[]): boolean {
  return beginsAWord(words, REFUND) || holdsPhrase(words, MONEY_BACK) || (beginsAWord(words, MONEY) && beginsAWord(words, SELLER));
}

// The subjects a question about cancelling may be about instead of the path: the facts', not who may call or which plans.
export const FACT_SUBJECTS: readonly IntentName[] = ['productKey', 'domains', 'data', 'openFpp', 'verification'];
