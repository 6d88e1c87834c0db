import type { Next, Request, RequestHandler, Response } from 'restify';
import { z } from 'zod';
import type { Config } from '../../domain/config.js';
import type { Logger } from '../../domain/logger.js';

/** Longest message text the bot reads; longer texts are cut (no answer needs more, and matching stays cheap). */
export const MAX_TEXT_CHARS = 4000;
const MAX_ID_CHARS = 1024;

const id = z.string().min(1).max(MAX_ID_CHARS);
const shortText = z.string().max(MAX_ID_CHARS);
const account = z.looseObject({ id, name: z.unknown().optional() });
const plainObject = z.record(z.string(), z.unknown());

/**
 * The fields the bot and botbuilder read, with the types they assume. Anything else may be there
 * (channels add their own) and is passed on untouched.
 */
const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: shortText.optional(),
  channelId: z.string().min(1).max(128),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  conversation: z.looseObject({ id }),
  from: account,
  recipient: z.looseObject({ id: shortText.optional() }).optional(),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  textFormat: z.string().max(32).optional(),
  deliveryMode: z.string().max(32).optional(),
  name: z.string().max(256).optional(),
  replyToId: shortText.optional(),
  entities: z.array(plainObject).optional(),
  attachments: z.array(plainObject).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  channelData: plainObject.optional(),
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// C0 controls and DEL, except tab and line breaks: never meaningful in a chat message.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** What the bot reads of a message text: control characters removed, cut at MAX_TEXT_CHARS. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').slice(0, MAX_TEXT_CHARS);
}

const isString = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isOptionalString = (value: unknown, max: number) => value === undefined || isString(value, 0, max);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** What JSON.parse makes of `{...}` and the schema's record takes: no own `constructor` to look into. */
const isPlainRecord = (value: unknown) => isObject(value) && Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, 'constructor');
const isOptionalArrayOf = (value: unknown, item: (entry: unknown) => boolean) => value === undefined || (Array.isArray(value) && value.every(item));
const isAccount = (value: unknown) => isObject(value) && isString(value.id, 1, MAX_ID_CHARS);

/**
 * Service URLs the schema accepted (a channel sends the same few on every activity), so an activity
 * with one of them skips parsing it as a URL again. Bounded: a client inventing addresses only
 * makes its own activities take the full schema.
 */
const acceptedServiceUrls = new Set<string>();
const MAX_ACCEPTED_SERVICE_URLS = 64;
function rememberServiceUrl(serviceUrl: string | undefined): void {
  if (serviceUrl === undefined || acceptedServiceUrls.has(serviceUrl)) return;
  if (acceptedServiceUrls.size >= MAX_ACCEPTED_SERVICE_URLS) acceptedServiceUrls.clear();
  acceptedServiceUrls.add(serviceUrl);
}

/**
 * The schema's checks written out for the shape nearly every activity has, about ten times cheaper
 * than the schema on every turn. Only ever stricter than `activityShape`: whatever fails here (an
 * unusual value, a service URL not seen before) goes to the schema, which accepts or names the problem.
 */
function hasCommonShape(body: Record<string, unknown>): boolean {
  return (
    isString(body.type, 1, 64) &&
    isOptionalString(body.id, MAX_ID_CHARS) &&
    isString(body.channelId, 1, 128) &&
    (body.serviceUrl === undefined || (typeof body.serviceUrl === 'string' && acceptedServiceUrls.has(body.serviceUrl))) &&
    isObject(body.conversation) &&
    isString(body.conversation.id, 1, MAX_ID_CHARS) &&
    isAccount(body.from) &&
    (body.recipient === undefined || (isObject(body.recipient) && isOptionalString(body.recipient.id, MAX_ID_CHARS))) &&
    (body.text === undefined || typeof body.text === 'string') &&
    isOptionalString(body.locale, 64) &&
    isOptionalString(body.textFormat, 32) &&
    isOptionalString(body.deliveryMode, 32) &&
    isOptionalString(body.name, 256) &&
    isOptionalString(body.replyToId, MAX_ID_CHARS) &&
    isOptionalArrayOf(body.entities, isPlainRecord) &&
    isOptionalArrayOf(body.attachments, isPlainRecord) &&
    isOptionalArrayOf(body.membersAdded, isAccount) &&
    isOptionalArrayOf(body.membersRemoved, isAccount) &&
    (body.channelData === undefined || isPlainRecord(body.channelData))
  );
}

type Verdict = { ok: true } | { ok: false; status: number; problem: string };

/** Why an activity is refused, or ok. Exported for the Direct Line endpoint, which takes activities too. */
export function checkActivity(body: unknown, options: { anonymous: boolean }): Verdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, problem: 'the body must be one JSON activity object' };
  }
  let activity = body as z.infer<typeof activityShape>;
  if (!hasCommonShape(body as Record<string, unknown>)) {
    const parsed = activityShape.safeParse(body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
      return { ok: false, status: 400, problem: `malformed activity: ${fields.slice(0, 5).join(', ')}` };
    }
    activity = parsed.data;
    rememberServiceUrl(activity.serviceUrl);
  }
  if (activity.type === 'invoke') {
    const value = (body as { value?: unknown }).value;
    if (value !== undefined && !isObject(value)) return { ok: false, status: 400, problem: 'malformed invoke value' };
    if (activity.name === 'adaptiveCard/action' && !isObject((value as { action?: unknown } | undefined)?.action)) {
      return { ok: false, status: 400, problem: 'malformed invoke value' };
    }
  }
  // Without credentials nobody vouches for serviceUrl: replies may only go back to this machine,
  // never to an address a stranger chose.
  if (options.anonymous && activity.deliveryMode !== 'expectReplies') {
    const host = activity.serviceUrl ? new URL(activity.serviceUrl).hostname : undefined;
    if (!host || !LOOPBACK_HOSTS.has(host)) {
      return { ok: false, status: 400, problem: 'without credentials, replies go only to a loopback serviceUrl or in the response (expectReplies)' };
    }
  }
  return { ok: true };
}

/**
 * restify middleware in front of the Bot Framework adapter: refuses what is not a well-formed
 * activity (415 for another content type, 400 for the rest) with a short JSON reason, and cleans
 * the text the bot will read. botbuilder would otherwise answer 500 or fail inside the turn.
 */
export function guardActivity(config: Pick<Config, 'microsoftAppId'>, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (!req.is('json')) {
      res.send(415, { code: 'UnsupportedMediaType', message: 'send the activity as application/json' });
      return next(false);
    }
    const verdict = checkActivity(req.body, { anonymous: !config.microsoftAppId });
    if (!verdict.ok) {
      logger.info('request refused', { reason: verdict.problem, status: verdict.status });
      res.send(verdict.status, { code: 'BadRequest', message: verdict.problem });
      return next(false);
    }
    const activity = req.body as { text?: string };
    if (typeof activity.text === 'string') activity.text = cleanText(activity.text);
    return next();
  };
}
