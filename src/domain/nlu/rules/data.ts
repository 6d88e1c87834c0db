/*
 * Reading rules of the data and its deletion (F04 quick recall, F11 the data's 90 days): deletion without haste is the
 * data's, haste to delete and cancelling-and-deleting are quick recall's, as is its name; taking the data out, how long
 * before it is deleted and the retention period are the data's. Signs: src/domain/nlu/signs/data.ts.
 */
import { type IntentName } from '../intents.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { mentionsCancelling } from '../signs/asking.js';
import { asksDeletion, asksHowLong, asksToCancelAndDelete, asksWhetherGoneAtOnceIn, namesRetention, QUICK_RECALL_NAME_NEIGHBOURS, QUICK_RECALL_NAMES, REMAINING, showsHaste, takesDataOut } from '../signs/data.js';
import { namesTrial } from '../signs/plans.js';
import { confidentTopic, confidentlyInsteadOfTop, insteadOfTop, intentFirst, type Ranked } from '../signs/ranking.js';
import { CLOSING_DOWN } from '../signs/reactivation.js';
import { namesTermLength, speaksOfCommitment, speaksOfRenewal, TERM, TERM_WORDS } from '../signs/term.js';
import { readsNoSignOfItsOwn } from '../signs/topicSigns.js';
import { beginsAWord, holdsPhrase } from '../text.js';
import { type Reading } from './reading.js';

// Quick recall is deleting sooner (F04); a question about deletion with no sign of haste is about
// the data's usual 90 days (F11): "when is everything removed for good if we just leave it".
// Asking whether it goes at once ("raderas mejlen direkt?", "is it all deleted immediately?") asks what happens (F11), not for haste.
// So is asking how long there is before it goes ("how long do we have to move it all out before it is deleted").
export function readsDeletionWithoutHasteAsData(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, tokens, entities } = reading;
  if (ranked[0]?.intent === 'quickRecall' && (((!entities.timing?.includes('now') || asksHowLong(tokens)) && !showsHaste(readText)) || asksWhetherGoneAtOnceIn(readText, tokens)))
    ranked = intentFirst(
      ranked.filter((entry) => entry.intent !== 'quickRecall'),
      'data',
      ranked[0].score,
    );
  return ranked;
}

// Cancelling and deleting everything in one request ("cancel and have it all wiped", "säga upp och radera allt") is quick recall (F04), not the path alone.
export function readsCancelAndDeleteAsQuickRecall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities } = reading;
  if (ranked[0]?.intent === 'startCancellation' && !entities.otherProduct && !namesTrial(words) && asksToCancelAndDelete(words)) ranked = confidentlyInsteadOfTop(ranked, 'quickRecall');
  return ranked;
}

// Deleting everything sooner (wipe, purge, radera + quick, within, instead) is quick recall (F04),
// however the rest leans; a trial's data is the trial's. Asking whether it goes at once is the data's (F11).
// So is shortening the time the data is kept ("skip the retention period", "kept for 90 days … can that be sped up").
export function readsHasteToDeleteAsQuickRecall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if (!confidentTopic(ranked, topics, 'quickRecall') && !entities.otherProduct && (asksDeletion(words) || namesRetention(words)) && (showsHaste(readText) || asksWhetherGoneAtOnceIn(readText, words)) && !namesTrial(words) && !asksHowLong(words)) ranked = confidentlyInsteadOfTop(ranked, asksWhetherGoneAtOnceIn(readText, words) ? 'data' : 'quickRecall');
  return ranked;
}

// Getting the data out (exporting, downloading, backing up) is the data question (F11), however
// the words around it ("anything I should know", "först") lean to help or starting over.
// A reading with no sign of its own gives way too: backing up before the cancellation is no reactivation.
export function readsTakingDataOutAsData(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, topics } = reading;
  if (readsNoSignOfItsOwn(ranked, words, topics) && !entities.otherProduct && takesDataOut(words)) ranked = confidentlyInsteadOfTop(ranked, 'data');
  return ranked;
}

// How long the data stays after cancelling ("hur länge finns filerna kvar") is the data's 90 days (F11), not the term's length or the path.
// So is how long before it is deleted, after cancelling or closing down ("how long until the mailboxes are gone once we shut down"),
// also read as a topic whose subject it does not name, or unsure ("if we cancel now, how long do we have to move everything out before it's deleted").
export function readsHowLongBeforeDeletionAsData(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, topics } = reading;
  if ((ranked[0]?.intent === 'termLengths' || ranked[0]?.intent === 'startCancellation' || readsNoSignOfItsOwn(ranked, words, topics)) && asksHowLong(words) && (beginsAWord(words, REMAINING) || asksDeletion(words)) && (mentionsCancelling(words) || beginsAWord(words, CLOSING_DOWN)) && !beginsAWord(words, TERM) && !words.some((word) => TERM_WORDS.includes(word)) && !speaksOfCommitment(words) && !speaksOfRenewal(words)) ranked = insteadOfTop(ranked, 'data');
  return ranked;
}

// The time the data is kept, read as the term's length by its "period" ("how long is the retention period", "a grace period
// for downloading"), is the data's 90 days (F11) when no term of a year or a month is named. So is any other reading left
// unsure beside the retention named (the vote in every reading spreads "the retention period after we cancel" thin).
export function readsRetentionPeriodAsData(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words } = reading;
  const unsureElsewhere = ranked[0] !== undefined && ranked[0].intent !== 'data' && ranked[0].intent !== 'quickRecall' && ranked[0].score < CONFIDENT_SCORE;
  if ((ranked[0]?.intent === 'termLengths' || unsureElsewhere) && namesRetention(words) && !namesTermLength(words)) ranked = insteadOfTop(ranked, 'data');
  return ranked;
}

// Quick recall named by its name in either language ("what is this snabb återkallelse") is that fact (F04), however the
// other language's words around it lean: to which plans the guide covers, help or a switch of language.
export function readsQuickRecallByItsNameAsQuickRecall(reading: Reading): Ranked {
  let { ranked } = reading;
  const { words, entities, topics } = reading;
  if (ranked[0]?.intent !== 'quickRecall' && !entities.otherProduct && holdsPhrase(words, QUICK_RECALL_NAMES) && (readsNoSignOfItsOwn(ranked, words, topics) || QUICK_RECALL_NAME_NEIGHBOURS.includes(ranked[0]?.intent as IntentName))) ranked = confidentlyInsteadOfTop(ranked, 'quickRecall');
  return ranked;
}
