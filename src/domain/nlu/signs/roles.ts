/*
 * Who may call or cancel (F15): the words of calling, roles and permissions, a role merely mentioned (roleOnlyInContext,
 * withoutOwnRole), whether being something suffices, and whose call it is. The question whether someone else may
 * make the call, which reads the whole message for anything of ours, is in theCall.ts.
 */
import { type IntentName } from '../intents.js';
import { beginsAWord, holdsPhrase, openingPhrase, ruleWords, tokenize, wordBegins } from '../text.js';
import { clausesOf } from '../messageShape.js';
import { CANCEL_WORDS, askingSentence, mentionsCancelling } from './asking.js';

// Inputs we recognise: words that ask may or can, and the ones who are no other person making the call (the writer, support, the assistant).
export const MAY_OR_CAN = ['can', 'could', 'may', 'kan', 'får'];

// Inputs we recognise: beginnings of words of the roles of a club, an association or a school ("ordföranden", "the treasurer").
export const ASSOCIATION_ROLES = ['ordförande', 'kassör', 'sekreterare', 'rektor', 'föreståndare', 'chairman', 'chairperson', 'treasurer', 'secretary', 'principal'];
// Inputs we recognise: beginnings of words that ask whether something suffices ("räcker det att han står som kontaktperson").
export const SUFFICING = ['räcker', 'räcka', 'tillräck', 'duger', 'enough', 'sufficient', 'suffice'];

// Inputs we recognise: beginnings of words that name a person, a role or the call (who may call, F15).
export const PERSON_OR_ROLE = ['vem', 'admin', 'behörig', 'rättighet', 'roll', 'användare', 'anställd', 'kollega', 'chef', 'konsult', 'ägare', 'ekonomi', 'revisor', 'redovisning', 'partner', 'någon', 'person', 'vd', 'it-', 'ring', 'who', 'permi', 'allowed', 'rights', 'role', 'user', 'employee', 'colleague', 'manager', 'consultant', 'owner', 'accountant', 'cfo', 'someone', 'anyone', 'people', 'non-admin', 'call', 'phone', ...ASSOCIATION_ROLES];

// Inputs we recognise: beginnings of words about the support call, being identified, or a detail (F14).
export const CALL_OR_DETAIL = ['ring', 'samtal', 'telefon', 'support', 'handläggare', 'kontroll', 'verifi', 'identi', 'legitim', 'styrk', 'bevis', 'uppgift', 'uppge', 'användar-id', 'id', 'adress', 'postadress', 'namn', 'kontaktperson', 'organisation', 'personuppgift', 'säkerhet', 'fråg', 'checklist', 'förbered', 'redo', 'information', 'call', 'phon', 'support', 'agent', 'verif', 'ident', 'prove', 'proof', 'confirm', 'check', 'detail', 'info', 'address', 'name', 'contact', 'organi', 'security', 'ask', 'question', 'prepare', 'ready', 'provide', 'personal'];
// Inputs we recognise: beginnings of words that name a role or a permission (who may call, F15).
export const ROLE_OR_PERMISSION = ['admin', 'behörig', 'rättighet', 'roll', 'kollega', 'konsult', 'chef', 'ägare', 'revisor', 'ekonomi', 'anställd', 'användare', 'partner', 'role', 'colleague', 'consultant', 'manager', 'owner', 'accountant', 'cfo', 'employee', 'user', 'permi', 'allowed', 'rights', 'non-admin', 'befogen', 'authori', 'director', 'direktör', 'ceo'];

// Inputs we recognise: beginnings of words that name a right, of the roles and permissions above.
export const PERMISSION = ['behörig', 'rättighet', 'befogen', 'permi', 'allowed', 'rights', 'authori'];

export const WHO_MAY_CALL_OR_DETAILS: readonly IntentName[] = ['whoMayCall', 'verification', 'talkToSupport'];
// Users are also those whose access a question is about ("will users still be able to open onedrive").
export const USERS = ['användare', 'user'];

// Swedish puts the role last in a compound: "faktureringsadmin", "it-administratören".
export const ROLE_COMPOUND_ENDS = ['admin', 'administratör', 'administratören'];

/**
 * A message of several sentences whose question names no person, role, permission or call, nor asks whether one suffices: the role was told as
 * context ("… för kassören och hon är noggrann") and the question asks something else ("kostar det extra att avsluta nu?").
 */
export function roleOnlyInContext(text: string): boolean {
  const question = askingSentence(text);
  if (!question) return false;
  const asked = ruleWords(question);
  return !namesRole(asked) && !beginsAWord(asked, [...PERSON_OR_ROLE, ...ALLOWING, ...SUFFICING]);
}

// Inputs we recognise: phrases of being something ("att jag är", "står som", "being the").
export const BEING_SOMETHING = ['jag är', 'vi är', 'han är', 'hon är', 'hen är', 'står som', 'att vara', 'i am', 'im', 'being', 'that i am', 'we are'];

/** Whether being something suffices to cancel or to call: "räcker det att jag är kontaktperson för att säga upp". */
export function asksWhetherBeingSuffices(words: readonly string[]): boolean {
  return beginsAWord(words, SUFFICING) && holdsPhrase(words, BEING_SOMETHING) && (beginsAWord(words, CALLING) || mentionsCancelling(words));
}

// Inputs we recognise: beginnings of words of being allowed ("är det tillåtet", "får man").
export const ALLOWING = ['tillåt', 'får', 'may'];

export function namesRole(words: readonly string[]): boolean {
  const roles = withoutAdminPlaces(words);
  return beginsAWord(roles, [...ROLE_OR_PERMISSION.filter((stem) => !USERS.includes(stem)), ...ASSOCIATION_ROLES]) || roles.some((word) => ROLE_COMPOUND_ENDS.some((end) => word.endsWith(end)));
}

// The admin center is a place, not a role ("hur gör man det i admincentret"); so are the admin pages ("det står på adminsidan").
export const ADMIN_PLACES = ['admincent', 'adminportal', 'administrationscent', 'admincons', 'adminpanel', 'adminsid', 'adminpage'];

/** The words without the admin center named, as one word or two ("admincentret", "the admin center"): a place, not a role. */
export function withoutAdminPlaces(words: readonly string[]): readonly string[] {
  const isPlace = (word: string) => wordBegins(word, ADMIN_PLACES);
  return words.filter((word, at) => !isPlace(word) && !isPlace(`${word}${words[at + 1] ?? ''}`) && !(at > 0 && isPlace(`${words[at - 1]}${word}`)));
}

/** A role or a permission (not users) named (among `others`: the words without the writer's own role) with calling or cancelling: "får vår revisor ringa in och säga upp". */
export function asksWhoMayCallOrCancel(words: readonly string[], others: readonly string[] = words): boolean {
  return namesRole(others) && (beginsAWord(words, CALLING) || holdsPhrase(words, CANCEL_WORDS));
}

// Inputs we recognise: how the writer introduces themselves ("I'm the office manager", "jag är ekonomichef").
export const SELF_INTRODUCTIONS = ['im', 'i am', 'jag är'];
// How many words after it the role may come: "I'm just the office manager".
export const OWN_ROLE_REACH = 3;

/**
 * The words without the writer's own role, told in a clause that opens with it: "I'm the office manager, how do I stop it
 * renewing" tells who asks, it does not ask whether a manager may call (F15). A right named ("I'm not allowed to…") is kept,
 * and so is a role asked about inside a clause ("what proves I am the admin").
 */
export function withoutOwnRole(text: string, words: readonly string[]): readonly string[] {
  const roleStems = ROLE_OR_PERMISSION.filter((stem) => !PERMISSION.includes(stem));
  const own = new Set<string>();
  for (const clause of clausesOf(text).map((part) => tokenize(part))) {
    const introduction = openingPhrase(clause, SELF_INTRODUCTIONS);
    if (!introduction) continue;
    for (const word of clause.slice(introduction.length, introduction.length + OWN_ROLE_REACH)) if (beginsAWord([word], roleStems)) own.add(word);
  }
  return own.size === 0 ? words : words.filter((word) => !own.has(word));
}

// Inputs we recognise: beginnings of words of calling.
export const CALLING = ['ring', 'call', 'phon'];

// Inputs we recognise: the caller themselves, and making the call for someone (a client, a customer) or on their behalf.
export const THEMSELVES = ['themselves', 'themself', 'himself', 'herself'];
export const FOR_SOMEONE = ['on behalf', 'for the client', 'for the customer', 'for our client', 'for our customer', 'for a client', 'for a customer', 'for my client', 'for my customer', 'for them'];
// How far after the call the caller or the one called for may come: "call in for the client", "must they call themselves".
export const CALLER_REACH = 4;

// Inputs we recognise: the writer calling in person, or another in their place, either side of the call ("must I make the call
// personally or can someone else do it", "måste jag ringa själv eller kan någon annan göra det").
export const IN_PERSON_OR_ANOTHER = ['personally', 'in person', 'myself', 'ourselves', 'personligen', 'själv', 'själva', 'someone else', 'somebody else', 'anyone else', 'anybody else', 'another person', 'någon annan', 'nån annan', 'en annan person'];

/** Whose call it is: "must they call themselves", "can I phone in on behalf of the client", "must I make the call personally". */
export function asksWhoseCallItIs(words: readonly string[]): boolean {
  return words.some((word, at) => {
    if (!wordBegins(word, CALLING)) return false;
    const after = words.slice(at + 1, at + 1 + CALLER_REACH);
    const around = words.slice(Math.max(0, at - CALLER_REACH), at + 1 + CALLER_REACH);
    return after.some((later) => THEMSELVES.includes(later)) || holdsPhrase(after, FOR_SOMEONE) || holdsPhrase(around, IN_PERSON_OR_ANOTHER);
  });
}
