import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a Direct Line token grants: one conversation, for one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds until the token expires, as Direct Line's `expires_in`. */
  expiresIn: number;
}

/**
 * Direct Line tokens: the claims, base64url JSON, signed with HMAC-SHA256 under a random secret made
 * when the process starts. Unguessable without the secret, checked without a lookup, and worthless
 * after a restart (when the in-memory conversations they point at are gone anyway).
 */
export class TokenIssuer {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(conversationId: string, userId: string): IssuedToken {
    const claims: TokenClaims = { conversationId, userId, expiresAt: this.now() + this.ttlSeconds * 1000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: this.ttlSeconds };
  }

  /** The claims of a genuine, unexpired token; undefined for anything else. */
  verify(token: string): TokenClaims | undefined {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: Partial<TokenClaims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    } catch {
      return undefined;
    }
    const { conversationId, userId, expiresAt } = claims;
    if (typeof conversationId !== 'string' || typeof userId !== 'string' || typeof expiresAt !== 'number') return undefined;
    if (expiresAt <= this.now()) return undefined;
    return { conversationId, userId, expiresAt };
  }

  /** Seconds the token has left (for reconnects, which hand the same token back). */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, Math.floor((claims.expiresAt - this.now()) / 1000));
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
