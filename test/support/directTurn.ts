import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface TurnOptions {
  conversationId: string;
  userId?: string;
  locale?: string;
  channelId?: string;
  extra?: Partial<Activity>;
  headers?: Record<string, string>;
}

/**
 * Posts one activity to `/api/messages` with deliveryMode expectReplies and returns the bot's
 * replies from the HTTP body, as Bot Framework clients and our tests rely on.
 */
export async function postActivity(
  baseUrl: string,
  activity: Partial<Activity>,
  headers: Record<string, string> = {},
): Promise<{ status: number; activities: Activity[] }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { activities?: Activity[] }) : {};
  return { status: response.status, activities: body.activities ?? [] };
}

function baseActivity(options: TurnOptions): Partial<Activity> {
  const userId = options.userId ?? 'user-1';
  return {
    id: randomUUID(),
    channelId: options.channelId ?? 'test',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: options.conversationId } as Activity['conversation'],
    from: { id: userId, name: 'Admin' },
    recipient: { id: 'bot', name: 'Bot' },
    timestamp: new Date(),
    ...(options.locale ? { locale: options.locale } : {}),
    ...options.extra,
  };
}

/** Sends a message and returns the bot's replies. */
export async function say(baseUrl: string, text: string, options: TurnOptions): Promise<Activity[]> {
  const { status, activities } = await postActivity(baseUrl, { ...baseActivity(options), type: 'message', text }, options.headers);
  if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
  return activities;
}

/** The user joins the conversation (conversationUpdate with membersAdded). */
export async function join(baseUrl: string, options: TurnOptions): Promise<Activity[]> {
  const userId = options.userId ?? 'user-1';
  const { activities } = await postActivity(baseUrl, {
    ...baseActivity(options),
    type: 'conversationUpdate',
    membersAdded: [{ id: userId, name: 'Admin' }],
  });
  return activities;
}

/** All reply texts and suggested-action titles, joined, for assertions on what the user sees. */
export function visibleText(activities: Partial<Activity>[]): string {
  return activities
    .flatMap((a) => [
      a.text ?? '',
      ...(a.suggestedActions?.actions ?? []).map((action) => action.title),
      ...(a.attachments ?? []).map((attachment) => JSON.stringify(attachment.content ?? '')),
    ])
    .join('\n');
}
