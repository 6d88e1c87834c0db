import { randomUUID } from 'node:crypto';

/** What the page gets: a token for one conversation, bound to one user id. Never the secret. */
export interface DirectLineSession {
  conversationId: string;
  token: string;
  expiresIn: number;
  userId: string;
}

/** Azure's Direct Line refused or did not answer; the message names the status, never the secret. */
export class DirectLineTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectLineTokenError';
  }
}

export interface TokenExchangeOptions {
  /** Direct Line 3.0 base URL, e.g. https://directline.botframework.com/v3/directline. */
  endpoint: string;
  secret: string;
  timeoutMs?: number;
}

/**
 * Exchanges the Direct Line secret for a per-user token (Direct Line 3.0 `POST /tokens/generate`
 * with the user in the body), so the browser holds only a token for its own conversation. The
 * user id is made here, not taken from the browser, and Direct Line binds the token to it: a page
 * cannot speak as another user. The `dl_` prefix is what Direct Line's enhanced authentication
 * expects of ids it did not make itself.
 */
export async function exchangeDirectLineSecret({ endpoint, secret, timeoutMs = 10_000 }: TokenExchangeOptions): Promise<DirectLineSession> {
  const userId = `dl_${randomUUID()}`;
  let response: Response;
  try {
    response = await fetch(`${endpoint}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DirectLineTokenError(`Direct Line did not answer: ${(error as Error).name}`);
  }
  if (!response.ok) {
    await response.arrayBuffer().catch(() => undefined);
    throw new DirectLineTokenError(`Direct Line answered ${response.status}`);
  }
  const body = (await response.json().catch(() => undefined)) as
    | { conversationId?: unknown; token?: unknown; expires_in?: unknown }
    | undefined;
  if (typeof body?.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new DirectLineTokenError('Direct Line answered without a token');
  }
  return {
    conversationId: body.conversationId,
    token: body.token,
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600,
    userId,
  };
}
