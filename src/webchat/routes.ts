import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { DIRECT_LINE_BASE, registerDirectLineRoutes, type DirectLineOptions } from '../directline/routes.js';
import { queryParam } from '../http.js';
import { PROJECT_ROOT } from '../paths.js';
import type { App } from '../server.js';
import { pageLanguage } from '../language.js';
import { renderPage } from './page.js';

export const WEB_CHAT_ASSETS = '/webchat';

const require = createRequire(import.meta.url);

/** Web Chat's own prebuilt bundle, served from node_modules (never copied into the repository). */
function webChatBundlePath(): string {
  // The package exports no package.json; its CommonJS entry is lib/index.js, next to dist/.
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'webchat', 'public');

const ASSETS: Record<string, { file: () => string; type: string }> = {
  'webchat.js': { file: webChatBundlePath, type: 'text/javascript; charset=utf-8' },
  'chat.js': { file: () => join(PUBLIC_DIR, 'chat.js'), type: 'text/javascript; charset=utf-8' },
  'chat.css': { file: () => join(PUBLIC_DIR, 'chat.css'), type: 'text/css; charset=utf-8' },
};

// Web Chat injects its styles at run time (hence 'unsafe-inline' for styles only); everything else is ours.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The local chat: the page at `/`, its scripts under `/webchat/`, and the Direct Line endpoint it
 * talks to. Nothing is registered when WEBCHAT_ENABLED is false (deployments using Azure's channel).
 */
export function registerWebChatRoutes(server: Server, app: App, directLine: DirectLineOptions = {}): void {
  if (!app.config.webChatEnabled) return;
  registerDirectLineRoutes(server, app, directLine);

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
    const body = Buffer.from(renderPage({ language, i18n: app.i18n, directLinePath: DIRECT_LINE_BASE, assetsPath: WEB_CHAT_ASSETS }));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
}
