import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Config } from '../../domain/config.js';
import { noLanguageGuess, promptCulture, resolveLanguage } from '../../domain/language.js';
import type { Logger } from '../../domain/logger.js';
import { setTurnOutcome } from '../../domain/turn.js';
import { cleanText, guardActivity } from './activityGuard.js';
import { clientAddress } from './clientAddress.js';
import { RateLimiter } from './rateLimiter.js';

type GuardConfig = Pick<
  Config,
  'microsoftAppId' | 'defaultLocale' | 'rateLimitClientPerMinute' | 'rateLimitConversationPerMinute' | 'trustProxy'
>;

/** The "please slow down" text in the language the activity shows (no storage read: this runs under load). */
function slowDownText(i18n: i18n, config: GuardConfig, activity: Partial<Activity> | undefined) {
  const safeActivity = activity && typeof activity.locale === 'string' ? { locale: activity.locale } : {};
  const { language } = resolveLanguage({ chosen: undefined, activity: safeActivity, guess: noLanguageGuess, defaultLanguage: config.defaultLocale });
  return { text: i18n.getFixedT(language, 'security')('rateLimited'), locale: promptCulture(language) };
}

/** Logs refusals at most every 10 s (a flood must not flood the log too). */
function refusalLog(logger: Logger) {
  let last = 0;
  let refused: Record<string, number> = {};
  return (scope: 'client' | 'conversation') => {
    refused[scope] = (refused[scope] ?? 0) + 1;
    if (Date.now() - last < 10_000) return;
    logger.warn('rate limited', { refused });
    last = Date.now();
    refused = {};
  };
}

export interface PublicEndpointGuards {
  /** restify handlers to put before the Bot Framework adapter: the per-address limit, then the activity check. */
  before: RequestHandler[];
  /** The per-address limit alone, for the routes under a path prefix (the local Direct Line). */
  limitClientUnder(prefix: string): RequestHandler;
  /**
   * Adapter middleware: cleans the text the bot reads, and answers "please slow down" instead of
   * running the turn when its conversation is over the limit.
   */
  conversationLimit: Middleware;
}

/**
 * What protects a public endpoint that takes activities (/api/messages, the local Direct Line):
 * a per-client-address limit (429 with Retry-After and the localized message in the body, both as
 * `message` and as an `activities` list so an expectReplies client can show it), the activity
 * check, and a per-conversation limit answered by the bot itself with the same message, so the
 * user hears it in any channel. Nothing is dropped silently.
 */
export function createPublicEndpointGuards(config: GuardConfig, i18n: i18n, logger: Logger): PublicEndpointGuards {
  const byClient = new RateLimiter(config.rateLimitClientPerMinute);
  const byConversation = new RateLimiter(config.rateLimitConversationPerMinute);
  const logRefusal = refusalLog(logger);

  const limitClient: RequestHandler = (req: Request, res: Response, next: Next) => {
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy);
    if (byClient.take(address)) return next();
    logRefusal('client');
    const body = typeof req.body === 'object' && req.body !== null ? (req.body as Partial<Activity>) : undefined;
    const { text, locale } = slowDownText(i18n, config, body);
    res.header('Retry-After', String(byClient.retryAfterSeconds(address)));
    res.send(429, { code: 'TooManyRequests', message: text, activities: [{ type: ActivityTypes.Message, text, locale }] });
    return next(false);
  };

  return {
    before: [limitClient, guardActivity(config, logger)],
    limitClientUnder: (prefix) => (req, res, next) => (req.path().startsWith(prefix) ? limitClient(req, res, next) : next()),
    conversationLimit: {
      async onTurn(context: TurnContext, next: () => Promise<void>) {
        const { activity } = context;
        if (typeof activity.text === 'string') activity.text = cleanText(activity.text);
        if (byConversation.take(`${activity.channelId}\n${activity.conversation?.id}`)) return next();
        logRefusal('conversation');
        setTurnOutcome(context, 'rate_limited');
        if (activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 429 } });
        } else if (activity.type === ActivityTypes.Message) {
          await context.sendActivity(slowDownText(i18n, config, activity).text);
        }
      },
    },
  };
}
