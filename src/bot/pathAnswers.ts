import type { RecognizerResult } from 'botbuilder';
import type { CancelSubscriptionOptions } from '../../dialogs/cancelSubscriptionDialog.js';
import { entitiesOf, type Interpretation } from '../domain/nlu/interpretation.js';
import { holdsQuestion } from '../domain/nlu/messageShape.js';
import { WORDS_AROUND_A_PLAN_ANSWER } from '../domain/nlu/signs/plans.js';
import { NO_MORE } from '../domain/nlu/signs/term.js';
import { tokenize } from '../domain/nlu/text.js';

/**
 * Words besides the plan and the timing an answer may have ("vi har", "we're on the … plan", "please"):
 * more, and the message says something else too, which the recognizer's reading answers.
 */
const MAX_WORDS_BESIDE_THE_ANSWER = 4;

/** The message's words that are not the entities' own (the plan's name, the timing's words). */
function wordsBesideMentions(text: string, result: RecognizerResult): string[] {
  const instances = (result.entities as { $instance?: Partial<Record<'plan' | 'timing', { text?: string }[]>> } | undefined)?.$instance ?? {};
  const beside = tokenize(text);
  for (const instance of [...(instances.plan ?? []), ...(instances.timing ?? [])]) {
    for (const word of tokenize(instance.text ?? '')) {
      const at = beside.indexOf(word);
      if (at >= 0) beside.splice(at, 1);
    }
  }
  return beside;
}

/**
 * The answer to a question of the cancellation path (which plan, when), typed where no path waits:
 * at the menu, or at the offer to guide through cancelling after an answer ("Enterprise", "vi har
 * Midsize", "at the end of the term", "Small Business, nu direkt"). The assistant is for cancelling,
 * so a plan or a timing said there asks for the guide with it, those questions skipped. A question
 * naming a plan ("does this cover Enterprise?") is no answer, nor two plans, another product, or a
 * sentence with words of its own besides the plan ("Enterprise monthly" asks the term lengths, "Enterprise
 * fees" the fee). Undefined when the message is no such answer.
 */
export function pathAnswerOf(text: string, result: RecognizerResult, interpretation: Interpretation): CancelSubscriptionOptions | undefined {
  const entities = entitiesOf(result);
  if (entities.otherProduct?.length) return undefined;
  const plans = [...new Set(entities.plan ?? [])];
  const timings = [...new Set(entities.timing ?? [])];
  if (plans.length > 1 || timings.length > 1 || plans.length + timings.length === 0) return undefined;
  const [plan] = plans;
  const [timing] = timings;
  const beside = wordsBesideMentions(text, result);
  if (beside.length > MAX_WORDS_BESIDE_THE_ANSWER) return undefined;
  // "vi har inte Enterprise", "it isn't Enterprise" name the plan it is not.
  if (beside.some((word) => NO_MORE.includes(word))) return undefined;
  // A timing may open with a question word and be none ("när perioden går ut", "when the term ends"): only the words around it ask.
  if (text.includes('?') || (beside.length > 0 && holdsQuestion(text))) return undefined;
  // Nothing but the plan and the timing, with words of having and politeness around it, is the answer whatever the
  // reading ("omedelbart" alone reads as quick recall); other words must be read, surely, as a request to cancel.
  const asksToCancel = interpretation.kind === 'confident' && interpretation.intent === 'startCancellation';
  if (!beside.every((word) => WORDS_AROUND_A_PLAN_ANSWER.includes(word)) && !asksToCancel) return undefined;
  return { ...(plan ? { plan } : {}), ...(timing ? { timing } : {}) };
}
