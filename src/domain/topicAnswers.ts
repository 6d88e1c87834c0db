import type { Activity, TurnContext } from 'botbuilder';
import type { Topic } from './topics.js';
import { stepListActivity } from './stepListCards.js';
import { tr } from './turn.js';

/**
 * The answer to a question about one topic, picked in the menu or typed: the texts its registry
 * entry names (locales/<lng>/facts.json), one message each, or its step list.
 */
export function topicAnswer(context: TurnContext, topic: Topic): Partial<Activity>[] {
  const t = tr(context);
  const { answer } = topic;
  if ('texts' in answer) return answer.texts.map((key) => ({ type: 'message', text: t(key) }));
  const { intro, steps, outro } = answer.stepList;
  return [stepListActivity(context, { ...(intro ? { intro: t(intro) } : {}), steps: steps.map((key) => t(key)), ...(outro ? { outro: t(outro) } : {}) })];
}
