/*
 * How a message asks, and whether it asks to cancel: the words of cancelling (mentionsCancelling), a request to
 * cancel (requestsCancellation, asked politely or not), the parts of a message that ask (askingParts, askingSentence,
 * asksSomething) and whether they ask the way to cancel or something else (asksTheWay, asksOtherThanTheWayToCancel).
 */
import { beginsAWord, holdsPhrase, opensWithPhrase, tokenize } from '../text.js';
import { clausesOf, holdsQuestion } from '../messageShape.js';

// Inputs we recognise: words after "how" or "where" that ask an amount, not a way ("hur länge", "how much"); beginnings of
// words of doing, steps, starting, guidance or a button, which ask the way; openings that ask whether one can.
export const AMOUNTS = ['länge', 'lång', 'långt', 'mycket', 'många', 'snart', 'fort', 'ofta', 'sent', 'long', 'much', 'many', 'soon', 'often', 'late', 'far'];
export const THE_WAY = ['gör', 'göra', 'do', 'does', 'doing', 'steg', 'step', 'process', 'tillväga', 'proceed', 'börj', 'start', 'begin', 'guid', 'hjälp', 'help', 'walk', 'visa', 'show', 'knapp', 'button', 'hitta', 'find', 'länk', 'link', 'option', 'alternativ'];
export const WH_WORDS = ['vad', 'hur', 'varför', 'när', 'var', 'vart', 'vem', 'vilken', 'vilket', 'vilka', 'what', 'how', 'why', 'when', 'where', 'who', 'which'];
export const ASKING_WHETHER_ONE_CAN = ['kan', 'går', 'can', 'could', 'is it possible'];

/** One asking part of a message asks the way to cancel: how or where, doing, steps, guidance, or whether one can cancel ("kan vi säga upp nu?"). */
export function asksTheWay(words: readonly string[]): boolean {
  if (words.some((word, at) => ['hur', 'var', 'vart', 'how', 'where'].includes(word) && !AMOUNTS.includes(words[at + 1] ?? ''))) return true;
  if (beginsAWord(words, THE_WAY)) return true;
  return opensWithPhrase(words, ASKING_WHETHER_ONE_CAN) && holdsPhrase(words, CANCEL_WORDS);
}

/** The parts of a message that ask (a question mark, or a question word first), each as its words. */
export function askingParts(text: string): string[][] {
  const parts = text.split(/(?<=\?)|[.,;:!\n]+/).filter((part) => tokenize(part).length > 0);
  // Without a question mark only a question word asks: "ska bli av med abonnemanget" drops its subject, it asks nothing.
  return parts.filter((part) => part.includes('?') || WH_WORDS.includes(tokenize(part)[0]!) || beginsAWord(tokenize(part), ['undrar', 'wonder'])).map((part) => tokenize(part));
}

/** The message asks, and no part that asks, asks the way to cancel. */
export function asksOtherThanTheWayToCancel(text: string): boolean {
  const asking = askingParts(text);
  return asking.length > 0 && !asking.some(asksTheWay);
}

/** Asks something: a question mark, or a clause of three words or more that asks ("Vad bra!" is praise, not a question). */
export function asksSomething(text: string): boolean {
  return text.includes('?') || holdsQuestion(clausesOf(text).filter((clause) => tokenize(clause).length >= ASKING_SENTENCE_MIN_WORDS).join('. '));
}

// Inputs we recognise: asking how or where to begin ("hur börjar jag", "where do I start"), with no word of again.
export const HOW_OR_WHERE = ['hur', 'var', 'how', 'where'];

// Fewer words are no question of their own ("Eller?", "Tack!"): the sentence is then no question to read alone.
export const ASKING_SENTENCE_MIN_WORDS = 3;

/** The message's sentences, each with words. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((sentence) => sentence.trim()).filter((sentence) => tokenize(sentence).length > 0);
}

/** In a message of two or more sentences, the last one that asks (of three words or more). */
export function askingSentence(text: string): string | undefined {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return undefined;
  return sentences.reverse().find((sentence) => holdsQuestion(sentence) && tokenize(sentence).length >= ASKING_SENTENCE_MIN_WORDS);
}

// Inputs we recognise: words that ask to cancel.
export const CANCEL_WORDS = ['cancel', 'terminate', 'end', 'stop', 'discontinue', 'unsubscribe', 'avsluta', 'avbryt', 'avbryta', 'säg upp', 'säga upp', 'stoppa', 'stäng'];

// Inputs we recognise: beginnings of words of cancelling, inflected ("cancelling", "uppsägningen", "avslutar").
export const CANCELLING = ['cancel', 'cancle', 'terminat', 'uppsäg', 'uppsag', 'avslut', 'avbry', 'unsubscrib'];

/** Whether the words speak of cancelling, in any form. */
export function mentionsCancelling(words: readonly string[]): boolean {
  return beginsAWord(words, CANCELLING) || holdsPhrase(words, CANCEL_WORDS) || holdsPhrase(words, ['säger upp', 'sagt upp', 'sa upp']);
}

/**
 * A request (not a question) with a word that asks to cancel: "avsluta provperiod", "säg upp E5
 * omedelbart". Naming a plan, it starts the cancellation path with that plan (and timing), even when
 * its words lean to a topic ("avsluta provperiod" to the trial's, "omedelbart" to quick recall's).
 */
export function requestsCancellation(text: string): boolean {
  if (holdsQuestion(text)) return clausesOf(text).some((clause) => asksPolitelyToCancel(tokenize(clause)));
  return holdsPhrase(tokenize(text), CANCEL_WORDS);
}

// Inputs we recognise: words that may open an order before its verb ("please cancel", "just end it", "ok säg upp"), and
// beginnings of words of starting, which with a cancelling after them order it ("start cancellation for a tenant").
export const ORDER_OPENINGS = ['please', 'pls', 'plz', 'just', 'so', 'ok', 'okay', 'then', 'now', 'snälla', 'bara', 'så', 'då', 'nu'];
export const STARTING_A_CANCELLING = ['start', 'begin', 'kick', 'initiat', 'börja', 'påbörja', 'starta', 'inled'];
// Swedish also sets it going in two words ("kör igång", "sätt igång", "dra igång uppsägningen").
export const SETTING_GOING = ['kör igång', 'sätt igång', 'dra igång'];
export const STARTED_REACH = 3;

/**
 * A clause that orders the cancelling, its verb first ("cancel pls", "please terminate it", "start a cancellation for the
 * tenant"): a request however the rest of the message leans (a move told beside it is no feedback). Not a question.
 */
export function ordersCancellation(text: string): boolean {
  return clausesOf(text).some((clause) => {
    if (clause.includes('?')) return false;
    const words = tokenize(clause);
    const at = words.findIndex((word) => !ORDER_OPENINGS.includes(word));
    if (at < 0) return false;
    const rest = words.slice(at);
    if (opensWithPhrase(rest, CANCEL_WORDS)) return true;
    const verbWords = SETTING_GOING.includes(rest.slice(0, 2).join(' ')) ? 2 : beginsAWord(rest.slice(0, 1), STARTING_A_CANCELLING) ? 1 : 0;
    return verbWords > 0 && beginsAWord(rest.slice(verbWords, verbWords + STARTED_REACH), CANCELLING);
  });
}

// Inputs we recognise: openings that ask someone to do something ("kan du hjälpa mig att …", "could you …").
export const POLITE_REQUESTS = ['kan du', 'kan ni', 'skulle du', 'skulle ni', 'can you', 'could you', 'would you'];

/**
 * "kan du hjälpa mig att avbryta vår Office 365" asks as a question but is a request: a clause that
 * opens asking someone to act, with a word that asks to cancel in it. Asking about the term's end
 * or the renewal is still the question the rest of its words make it.
 */
export function asksPolitelyToCancel(clause: readonly string[]): boolean {
  return POLITE_REQUESTS.includes(clause.slice(0, 2).join(' ')) && holdsPhrase(clause, CANCEL_WORDS);
}

// Inputs we recognise: words of guiding someone through something ("guida mig genom uppsägningen", "walk me through the cancellation").
export const GUIDING = ['guid', 'hjälp', 'help', 'walk', 'visa', 'show', 'leda', 'led'];
// Forms of "säga" whose "upp" may come after the subject: "hur säger jag upp", "hur säga vi upp".
export const SAYING = ['säger', 'säga', 'säg'];

/**
 * Asks to be taken through cancelling, though no clause is a request with a verb of cancelling: a polite request
 * to be guided through the cancelling named as a thing ("kan du guida mig genom uppsägningen?"), or how to cancel
 * asked inside a message ("vi ska lämna dem hur säger jag upp", "how do I cancel"). The way is asked, not a fact.
 */
export function asksToBeTakenThroughCancelling(text: string): boolean {
  const guided = clausesOf(text).some((clause) => {
    const words = tokenize(clause);
    return POLITE_REQUESTS.includes(words.slice(0, 2).join(' ')) && beginsAWord(words, GUIDING) && mentionsCancelling(words);
  });
  if (guided) return true;
  const words = tokenize(text);
  return words.some((word, at) => {
    if (!['hur', 'how'].includes(word) || AMOUNTS.includes(words[at + 1] ?? '')) return false;
    const after = words.slice(at + 1, at + 6);
    const splitSaying = SAYING.includes(after[0] ?? '') && after[2] === 'upp';
    return splitSaying || holdsPhrase(after, CANCEL_WORDS) || beginsAWord(after, CANCELLING);
  });
}
