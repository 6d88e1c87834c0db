import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface DirectLineStandIn {
  /** Base URL as DIRECT_LINE_ENDPOINT takes it: `http://127.0.0.1:<port>/v3/directline`. */
  endpoint: string;
  origin: string;
  requests: StandInRequest[];
  /** Tokens issued, with the user each was generated for. */
  issued: Map<string, string>;
  /** Status to answer token requests with instead (e.g. 403 for a wrong secret); undefined: answer. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/**
 * A local stand-in for Azure's Direct Line 3.0 token API: `POST /v3/directline/tokens/generate`
 * with `Authorization: Bearer <secret>` and an optional `{ user: { id } }` answers
 * `{ conversationId, token, expires_in }`, as the service does; a wrong secret gets 403. Every request
 * is recorded; CORS is open, as Azure's is, so a browser page can call it too.
 */
export async function startDirectLineStandIn(secret: string): Promise<DirectLineStandIn> {
  const standIn = { requests: [] as StandInRequest[], issued: new Map<string, string>(), failWith: undefined as number | undefined };
  const answer = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type, x-ms-bot-agent, x-requested-with',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    if (req.method === 'OPTIONS') return answer(res, 204);
    standIn.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
    if (req.method === 'POST' && path === '/v3/directline/tokens/generate') {
      if (standIn.failWith) return answer(res, standIn.failWith, { error: { code: 'ServiceError' } });
      if (req.headers.authorization !== `Bearer ${secret}`) return answer(res, 403, { error: { code: 'BadArgument', message: 'Invalid secret' } });
      const userId = (body as { user?: { id?: unknown } } | undefined)?.user?.id;
      const token = `token-${randomUUID()}`;
      standIn.issued.set(token, typeof userId === 'string' ? userId : '');
      return answer(res, 200, { conversationId: `conversation-${randomUUID()}`, token, expires_in: 3600 });
    }
    return answer(res, 404, { error: { code: 'NotFound' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(standIn, {
    origin,
    endpoint: `${origin}/v3/directline`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
