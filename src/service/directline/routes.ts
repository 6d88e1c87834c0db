import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { queryParam } from '../http.js';
import { useSharedMiddleware } from '../middleware.js';
import { createTurnErrorHandler, type App } from '../app.js';
import { DIRECT_LINE_BOT, DIRECT_LINE_CHANNEL_ID, DIRECT_LINE_SERVICE_URL, DirectLineAdapter } from './adapter.js';
import { ConversationStore, DEFAULT_DIRECT_LINE_LIMITS, type DirectLineConversation, type DirectLineLimits } from './conversations.js';
import { TokenIssuer, type TokenClaims } from './tokens.js';

export const DIRECT_LINE_BASE = '/v3/directline';

export interface DirectLineOptions {
  limits?: Partial<DirectLineLimits>;
  now?: () => number;
}

/** What the routes share; returned so tests and the page can look inside. */
export interface DirectLineChannel {
  adapter: DirectLineAdapter;
  conversations: ConversationStore;
  tokens: TokenIssuer;
}

// Activity types a Web Chat client may post; everything else is the channel's or the bot's to send.
const CLIENT_ACTIVITY_TYPES = new Set(['message', 'event', 'typing']);
const LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function bearerToken(req: Request): string {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'Unauthorized', 'A Bearer token is required.');
  return match[1];
}

function parseWatermark(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'BadArgument', 'The watermark is not valid.');
  return Number(raw);
}

function defaultLocale(app: App): string {
  return app.config.defaultLocale === 'sv' ? 'sv-SE' : 'en-US';
}

/**
 * A Direct Line 3.0-compatible channel for Web Chat (polling; no WebSocket stream), run in-process
 * against the same bot, states and storage as /api/messages:
 *
 * - `POST /tokens/generate` (open: this is what the page calls) creates a conversation and a token bound
 *   to it and to a user id; body `{locale}` optional. → `{conversationId, token, expires_in, userId}`
 * - `POST /conversations` starts the token's conversation (the bot welcomes). → `{conversationId, token, expires_in}`
 * - `GET /conversations/:id?watermark=` reconnects. → `{conversationId, token, expires_in}`
 * - `POST /conversations/:id/activities` → `{id}`; the activity is echoed back in the poll, then the bot's replies.
 * - `GET /conversations/:id/activities?watermark=` → `{activities, watermark}`.
 * - `POST /tokens/refresh` → `{conversationId, token, expires_in}`.
 *
 * No token: 401. A token of another conversation: 403. Unknown or expired conversation: 404.
 */
export function registerDirectLineRoutes(server: Server, app: App, options: DirectLineOptions = {}): DirectLineChannel {
  const limits = { ...DEFAULT_DIRECT_LINE_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const conversations = new ConversationStore(limits, now);
  const tokens = new TokenIssuer(limits.tokenSeconds, now);
  const adapter = new DirectLineAdapter(conversations);
  adapter.onTurnError = createTurnErrorHandler(app.config, app.logger, app.i18n);
  useSharedMiddleware(adapter);
  adapter.use(app.guards.conversationLimit);

  const route =
    (handler: (req: Request, res: Response) => Promise<unknown>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const body = await handler(req, res);
        res.json(200, body);
      } catch (error) {
        if (error instanceof HttpError) {
          res.json(error.status, { error: { code: error.code, message: error.message } });
          return;
        }
        app.logger.error('direct line request failed', { route: req.getRoute()?.path, error });
        res.json(500, { error: { code: 'ServiceError', message: 'The request failed.' } });
      }
    };

  /** The token's claims and its conversation, checked against the conversation in the path (if any). */
  const authorize = (req: Request, pathConversationId?: string): { claims: TokenClaims; conversation: DirectLineConversation } => {
    const claims = tokens.verify(bearerToken(req));
    if (!claims) throw new HttpError(401, 'TokenExpired', 'The token is invalid or has expired.');
    if (pathConversationId !== undefined && pathConversationId !== claims.conversationId) {
      // Say nothing about whether the other conversation exists.
      throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation.');
    }
    const conversation = conversations.touch(claims.conversationId);
    if (!conversation) throw new HttpError(404, 'NotFound', 'The conversation does not exist or has expired.');
    return { claims, conversation };
  };

  const conversationAnswer = (conversation: DirectLineConversation, token: string, claims: TokenClaims) => ({
    conversationId: conversation.id,
    token,
    expires_in: tokens.secondsLeft(claims),
  });

  const runTurn = (conversation: DirectLineConversation, activity: Activity) =>
    conversations.enqueue(conversation, () => adapter.processActivity(activity, app.runTurn));

  const base = DIRECT_LINE_BASE;

  server.post(`${base}/tokens/generate`, route(async (req) => {
    const requested = (req.body as { locale?: unknown } | undefined)?.locale;
    const locale = typeof requested === 'string' && LOCALE_PATTERN.test(requested) ? requested : defaultLocale(app);
    const conversation = conversations.create(locale);
    if (!conversation) throw new HttpError(503, 'ServiceUnavailable', 'Too many conversations; try again later.');
    const issued = tokens.issue(conversation.id, conversation.userId);
    app.logger.info('direct line conversation created', { conversationId: conversation.id });
    return { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn, userId: conversation.userId };
  }));

  server.post(`${base}/conversations`, route(async (req) => {
    const { claims, conversation } = authorize(req);
    if (!conversation.started) {
      conversation.started = true;
      const user: ChannelAccount = { id: conversation.userId, role: 'user' } as ChannelAccount;
      await runTurn(conversation, {
        ...envelope(conversation, user),
        type: 'conversationUpdate',
        membersAdded: [{ ...DIRECT_LINE_BOT }, user],
      } as Activity);
    }
    return conversationAnswer(conversation, bearerToken(req), claims);
  }));

  server.get(`${base}/conversations/:conversationId`, route(async (req) => {
    parseWatermark(queryParam(req, 'watermark'));
    const { claims, conversation } = authorize(req, req.params.conversationId);
    return conversationAnswer(conversation, bearerToken(req), claims);
  }));

  server.post(`${base}/tokens/refresh`, route(async (req) => {
    const { conversation } = authorize(req);
    const issued = tokens.issue(conversation.id, conversation.userId);
    return { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn };
  }));

  server.get(`${base}/conversations/:conversationId/activities`, route(async (req) => {
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    const { conversation } = authorize(req, req.params.conversationId);
    return conversations.since(conversation, watermark);
  }));

  server.post(`${base}/conversations/:conversationId/activities`, route(async (req) => {
    const { claims, conversation } = authorize(req, req.params.conversationId);
    const posted = (req.body ?? {}) as Partial<Activity>;
    if (typeof posted !== 'object' || !CLIENT_ACTIVITY_TYPES.has(String(posted.type))) {
      throw new HttpError(400, 'BadArgument', 'Only message, event and typing activities can be posted.');
    }
    if (posted.from?.id !== undefined && posted.from.id !== claims.userId) {
      throw new HttpError(403, 'Forbidden', 'The activity is not from the user this token belongs to.');
    }
    const user = { id: claims.userId, name: typeof posted.from?.name === 'string' ? posted.from.name : undefined, role: 'user' } as ChannelAccount;
    // Only the fields a client may set are kept; ids, timestamps and addresses are the channel's.
    const activity = conversations.append(conversation, {
      ...envelope(conversation, user),
      type: posted.type,
      text: typeof posted.text === 'string' ? posted.text : undefined,
      textFormat: posted.textFormat,
      locale: typeof posted.locale === 'string' && LOCALE_PATTERN.test(posted.locale) ? posted.locale : conversation.locale,
      value: posted.value,
      name: typeof posted.name === 'string' ? posted.name : undefined,
      channelData: posted.channelData,
      entities: Array.isArray(posted.entities) ? posted.entities : undefined,
      localTimestamp: posted.localTimestamp,
      // The user's IANA zone (Web Chat sends it): dates the bot computes are then in the user's time.
      localTimezone: typeof posted.localTimezone === 'string' && posted.localTimezone.length <= 64 ? posted.localTimezone : undefined,
    } as Activity);
    // The bot gets its own copy: it sets the turn's locale on it, which must not change the transcript.
    if (activity.type !== 'typing') await runTurn(conversation, { ...activity } as Activity);
    return { id: activity.id };
  }));

  return { adapter, conversations, tokens };
}

/** The addressing every activity of the conversation shares. */
function envelope(conversation: DirectLineConversation, user: ChannelAccount): Partial<Activity> {
  return {
    channelId: DIRECT_LINE_CHANNEL_ID,
    serviceUrl: DIRECT_LINE_SERVICE_URL,
    conversation: { id: conversation.id } as Activity['conversation'],
    from: user,
    recipient: { ...DIRECT_LINE_BOT },
    timestamp: new Date(),
    locale: conversation.locale,
  };
}
