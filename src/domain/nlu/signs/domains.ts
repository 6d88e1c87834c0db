/*
 * The custom domain (F10): a domain name written out or described in everyday words ("our own address", "the web
 * address"), which adds the word "domain" to what the rules read (withDomainNameSign).
 */
import { beginsAWord, holdsPhrase, wordBegins } from '../text.js';

// A domain name written out ("contoso.com", "foretaget.se") names the domains' subject (F10); Microsoft's own are addresses, not the firm's domain.
export const DOMAIN_NAME = /(?:^|[\s(])(?!(?:[\w-]+\.)*(?:microsoft|office|office365|outlook|live)\.com\b)[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|se|net|org|nu|io|eu|biz|info|co|dk|no|fi|de|uk)\b/iu;

/** The message's words, with "domain" added when it writes out a domain name (tokenizing takes its dot apart) or describes one. */
export function withDomainNameSign(text: string, words: string[]): string[] {
  return DOMAIN_NAME.test(text) || describesDomain(words) ? [...words, 'domain'] : words;
}

// Inputs we recognise: a web address in a word or a compound ("hemsideadressen", "webbadress", "website address"), and the
// firm's own name or address ("vårt eget namn", "our own address"): how a small firm's owner names its domain (F10).
export const WEB_PARTS = ['webb', 'hemsid', 'website', 'web', 'sajt', 'site'];
export const ADDRESS_PARTS = ['adress', 'address'];
export const OWN = ['egen', 'eget', 'egna', 'own'];
export const NAME_OR_ADDRESS = ['namn', 'name', 'adress', 'address'];
// How far after "own" the name may come: "vårt eget företagsnamn", "our own company name".
export const OWN_NAME_REACH = 2;

export const DOMAIN_COMPOUND_ENDS = ['domän', 'domänen', 'domäner', 'domänerna'];

// Inputs we recognise: beginnings of words of a website, of an address or a name, and of an email address; and phrases of a name of one's own.
export const SITE = ['web', 'site', 'homepage', 'url'];
export const ADDRESS_OR_NAME = ['address', 'name', 'url'];
export const ADDRESS = ['address'];
export const MAIL_ADDRESS = ['email', 'e-mail', 'mail', ...ADDRESS];
export const OWN_NAME = ['own name', 'own company name', 'own business name', 'company name', 'business name', 'firms name', 'companys name', 'firm name', 'shop name', 'club name', 'school name', 'organisation name', 'organization name'];

// Inputs we recognise: beginnings of the names of registrars and DNS hosts, where a domain is kept: naming one names the domain (F10).
export const REGISTRARS = ['godaddy', 'namecheap', 'loopia', 'binero', 'gandi', 'cloudflare', 'ionos', 'hostgator', 'bluehost', 'dreamhost', 'porkbun', 'domeneshop', '123-reg'];

/**
 * The domain (F10) in everyday words: a web address in a word or a compound ("hemsideadressen", "our web address"),
 * the website's address or name ("the website name our email uses"), the firm's own name or address ("vårt eget
 * namn"), or a name of the firm's own that the email addresses end in ("the email ends in our own name").
 */
export function describesDomain(words: readonly string[]): boolean {
  const webAddress = words.some((word, at) => wordBegins(word, WEB_PARTS) && (ADDRESS_PARTS.some((address) => word.includes(address)) || beginsAWord(words.slice(at + 1, at + 2), ADDRESS_PARTS)));
  const siteAddress = words.some((word, at) => wordBegins(word, SITE) && beginsAWord(words.slice(at, at + 2).map((part) => part.replace(/^(?:web|site)/, '')), ADDRESS_OR_NAME));
  const ownName = words.some((word, at) => OWN.includes(word) && words.slice(at + 1, at + 1 + OWN_NAME_REACH).some((later) => NAME_OR_ADDRESS.some((name) => later.includes(name))));
  return webAddress || siteAddress || ownName || (holdsPhrase(words, OWN_NAME) && beginsAWord(words, MAIL_ADDRESS));
}
