/*
 * Reading rule of reactivation (F03): bringing back what was cancelled. Signs: src/domain/nlu/signs/reactivation.ts.
 */
import { type IntentName } from '../intents.js';
import { CONFIDENT_SCORE } from '../interpretation.js';
import { mentionsCancelling, ordersCancellation } from '../signs/asking.js';
import { asksDeletion } from '../signs/data.js';
import { confidentTopic, confidentlyInsteadOfTop, insteadOfTop, type Ranked } from '../signs/ranking.js';
import { bringsBack, REACTIVATION_NEIGHBOURS } from '../signs/reactivation.js';
import { namesEverydayTask } from '../signs/scope.js';
import { namesSubjectOf, SUBJECT_TOPICS } from '../signs/subjects.js';
import { speaksOfRenewal } from '../signs/term.js';
import { type Reading } from './reading.js';

// Bringing back what was cancelled is reactivation (F05), unless the data is what comes back: "could it be
// brought back" read as a topic whose subject it does not name, or read unsure, is reactivation.
// Nor is it the term's length or the path that its "how long" or "cancelled" leans to ("how long do we have to undo the cancellation"),
// starting the chat over ("starta om det uppsagda abonnemanget") or quick recall with nothing to delete ("cancel now, come back later").
// An app named ("the contacts were in Outlook") makes it an everyday task only when no cancellation is named.
export function readsBringingBackAsReactivation(reading: Reading): Ranked {
  let { ranked } = reading;
  const { readText, words, entities, topics } = reading;
  if (ranked[0]?.intent !== 'reactivate' && !entities.otherProduct && bringsBack(words) && (!namesEverydayTask(words) || mentionsCancelling(words)) && !namesSubjectOf('data', words) && (!confidentTopic(ranked, topics) || (REACTIVATION_NEIGHBOURS.includes(ranked[0]!.intent as IntentName) && !speaksOfRenewal(words)) || ranked[0]!.intent === 'startOver' || (ranked[0]!.intent === 'quickRecall' && !asksDeletion(words)) || (SUBJECT_TOPICS.includes(ranked[0]!.intent as IntentName) && !namesSubjectOf(ranked[0]!.intent as IntentName, words)))) ranked = confidentlyInsteadOfTop(ranked, 'reactivate');
  // Reactivation read unsure where cancelling is named and nothing brought back ("starta uppsägningen": its letters lean to
  // "återstarta") is set aside: the next reading answers.
  else if (ranked[0]?.intent === 'reactivate' && ranked[0].score < CONFIDENT_SCORE && mentionsCancelling(words) && !bringsBack(words)) ranked = ranked.slice(1);
  // Read sure, an order to set the cancelling going ("kör igång uppsägningen", whose "igång" leans to starting it up again) is the path.
  else if (ranked[0]?.intent === 'reactivate' && ordersCancellation(readText) && !bringsBack(words)) ranked = insteadOfTop(ranked, 'startCancellation');
  return ranked;
}
