import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Config } from '../../domain/config.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether an `Authorization` header carries the operator key as a bearer token. Both sides are
 * hashed first so the comparison takes the same time whatever the length or content of the guess.
 */
export function hasAdminKey(authorization: string | undefined, adminApiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  const given = match?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(given), digest(adminApiKey)) && given !== '';
}

/**
 * restify middleware for operator endpoints (feedback report, exports…): 404 when `ADMIN_API_KEY`
 * is unset (the endpoints do not exist), 401 without the right bearer token. Use it first in a
 * route's chain: `server.get('/admin/x', requireAdminKey(config), handler)`.
 */
export function requireAdminKey(config: Pick<Config, 'adminApiKey'>): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (!config.adminApiKey) {
      res.send(404, { code: 'NotFound', message: 'Not found' });
      return next(false);
    }
    if (!hasAdminKey(req.headers.authorization, config.adminApiKey)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { code: 'Unauthorized', message: 'A valid operator key is required' });
      return next(false);
    }
    return next();
  };
}
