import type { Activity, TestAdapter } from 'botbuilder';
import { visibleText } from './directTurn.js';

/**
 * Talks to a TestAdapter bot one message at a time and returns what the bot answered, so a test
 * can walk a whole path and then assert on the words and their order.
 */
export function conversation(adapter: TestAdapter, defaults: Partial<Activity>) {
  const transcript: Partial<Activity>[] = [];
  const say = async (text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> => {
    await adapter.receiveActivity({ type: 'message', text, ...defaults, ...extra } as Activity);
    const replies = adapter.activeQueue.splice(0);
    transcript.push(...replies);
    return replies;
  };
  return {
    say,
    /** Everything the bot has said so far, as the user saw it. */
    transcript: () => visibleText(transcript),
  };
}

/** The last reply's text: usually the question the bot waits on. */
export const lastText = (replies: Partial<Activity>[]) => replies[replies.length - 1]?.text ?? '';
