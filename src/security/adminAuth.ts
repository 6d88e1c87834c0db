import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Config } from '../config.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a presented key with the configured one in constant time: both are hashed first, so
 * neither the content nor the length of the key leaks through timing.
 */
export function adminKeyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The key in `Authorization: Bearer <key>`, if the header has that form. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}

/** Answers as for a route that does not exist, so an unconfigured deployment does not advertise it. */
export function sendNotFound(req: Request, res: Response): void {
  res.json(404, { code: 'ResourceNotFound', message: `${req.path()} does not exist` });
}

/**
 * Guards the admin endpoints with `ADMIN_API_KEY`: 404 while no key is configured (the endpoints
 * are off), 401 without the right bearer key. Use before the route's own handler.
 */
export function requireAdminKey(config: Pick<Config, 'adminApiKey'>): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const expected = config.adminApiKey;
    if (!expected) {
      sendNotFound(req, res);
      return next(false);
    }
    if (!adminKeyMatches(bearerToken(req.headers.authorization), expected)) {
      res.header('WWW-Authenticate', 'Bearer realm="admin"');
      res.json(401, { code: 'Unauthorized', message: 'Send the admin key as "Authorization: Bearer <ADMIN_API_KEY>".' });
      return next(false);
    }
    return next();
  };
}
