import type { Request } from 'restify';

/** One query-string parameter (the server runs without restify's queryParser, which would map them all). */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}
