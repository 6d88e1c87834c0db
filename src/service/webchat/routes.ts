import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { DIRECT_LINE_BASE, registerDirectLineRoutes, type DirectLineOptions } from '../directline/routes.js';
import { queryParam } from '../http.js';
import { PROJECT_ROOT } from '../../domain/paths.js';
import type { App } from '../app.js';
import { pageLanguage } from '../../domain/language.js';
import { exchangeDirectLineSecret } from './directLineToken.js';
import { renderPage, type PageDirectLine } from './page.js';

export const WEB_CHAT_ASSETS = '/webchat';

/** Where the page gets an Azure Direct Line token when DIRECT_LINE_SECRET is set. */
export const WEB_CHAT_TOKEN_PATH = `${WEB_CHAT_ASSETS}/token`;

const require = createRequire(import.meta.url);

/** Web Chat's own prebuilt bundle, served from node_modules (never copied into the repository). */
function webChatBundlePath(): string {
  // The package exports no package.json; its CommonJS entry is lib/index.js, next to dist/.
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'service', 'webchat', 'public');

const ASSETS: Record<string, { file: () => string; type: string }> = {
  'webchat.js': { file: webChatBundlePath, type: 'text/javascript; charset=utf-8' },
  'chat.js': { file: () => join(PUBLIC_DIR, 'chat.js'), type: 'text/javascript; charset=utf-8' },
  'chat.css': { file: () => join(PUBLIC_DIR, 'chat.css'), type: 'text/css; charset=utf-8' },
};

/**
 * The page's Content-Security-Policy. Web Chat injects its styles at run time (hence 'unsafe-inline'
 * for styles only); every script is ours. With Azure's Direct Line the page also talks to its
 * endpoint (HTTPS, and WebSocket for the activity stream). Only the configured sites may frame it.
 */
export function contentSecurityPolicy(config: App['config']): string {
  const connect = ["'self'"];
  if (config.directLineSecret) {
    const { origin, protocol, host } = new URL(config.directLineEndpoint);
    connect.push(origin, `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`);
  }
  const ancestors = config.webChatAllowedOrigins.length > 0 ? config.webChatAllowedOrigins.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Azure's Direct Line when DIRECT_LINE_SECRET is set: the page asks this server for a token, which
 * exchanges the secret for one bound to a fresh user id. Open, like the page, and rate-limited per client.
 */
function registerAzureTokenRoute(server: Server, app: App): void {
  const { directLineSecret: secret, directLineEndpoint: endpoint } = app.config;
  server.post(WEB_CHAT_TOKEN_PATH, app.guards.limitClientUnder(WEB_CHAT_TOKEN_PATH), async (_req: Request, res: Response) => {
    try {
      const session = await exchangeDirectLineSecret({ endpoint, secret: secret! });
      app.logger.info('direct line token issued', { conversationId: session.conversationId });
      res.header('cache-control', 'no-store');
      res.json(200, { conversationId: session.conversationId, token: session.token, expires_in: session.expiresIn, userId: session.userId });
    } catch (error) {
      app.logger.error('direct line token failed', { error });
      res.json(502, { error: { code: 'BadGateway', message: 'The chat service is not available right now.' } });
    }
  });
}

/**
 * The local chat: the page at `/`, its scripts under `/webchat/`, and the Direct Line endpoint it
 * talks to. Nothing is registered when WEBCHAT_ENABLED is false (deployments using Azure's channel).
 */
export function registerWebChatRoutes(server: Server, app: App, directLine: DirectLineOptions = {}): void {
  if (!app.config.webChatEnabled) return;
  // The built-in endpoint keeps conversations in one process's memory: for local use, not beside Azure's.
  const pageDirectLine: PageDirectLine = app.config.directLineSecret
    ? { tokenPath: WEB_CHAT_TOKEN_PATH, domain: app.config.directLineEndpoint, webSocket: true }
    : { tokenPath: `${DIRECT_LINE_BASE}/tokens/generate`, path: DIRECT_LINE_BASE, webSocket: false };
  if (app.config.directLineSecret) registerAzureTokenRoute(server, app);
  else registerDirectLineRoutes(server, app, directLine);
  const policy = contentSecurityPolicy(app.config);

  const cache = new Map<string, Buffer>();
  server.get(`${WEB_CHAT_ASSETS}/:asset`, async (req: Request, res: Response) => {
    const name = String(req.params.asset);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) {
      res.send(404);
      return;
    }
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(asset.file());
      cache.set(name, body);
    }
    res.writeHead(200, { 'content-type': asset.type, 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(body);
  });

  server.get('/', async (req: Request, res: Response) => {
    const language = pageLanguage(
      queryParam(req, 'lang'),
      req.header('accept-language'),
      app.config.defaultLocale,
    );
    const body = Buffer.from(renderPage({ language, i18n: app.i18n, directLine: pageDirectLine, assetsPath: WEB_CHAT_ASSETS }));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
}
