import { z } from 'zod';

/**
 * How far to trust X-Forwarded-For (TRUST_PROXY): 0 not at all (the socket's address is the
 * client's), a number of reverse proxies in front of the server (each appends the address it saw),
 * or 'all' (the leftmost address, for a single proxy that replaces the header rather than appends).
 */
export type TrustProxy = number | 'all';

const wholeNumber = (min: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number of at least ${min}` })
    .int(`must be a whole number of at least ${min}`)
    .min(min, `must be a whole number of at least ${min}`)
    .default(fallback);

const TRUST_PROXY_MESSAGE = 'must be false, true or the number of proxies in front of the server (1 to 10)';

/** TRUST_PROXY: empty/false/0 trusts no proxy, a number that many hops, true the leftmost X-Forwarded-For entry. */
const trustProxy = z
  .string()
  .optional()
  .transform((raw, context): TrustProxy => {
    const value = raw?.trim().toLowerCase() ?? '';
    if (['', 'false', '0', 'no', 'off'].includes(value)) return 0;
    if (['true', 'yes', 'on'].includes(value)) return 'all';
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10) return Number(value);
    context.addIssue({ code: 'custom', message: TRUST_PROXY_MESSAGE });
    return z.NEVER;
  });

/** The security, limits and retention settings (issue 7), merged into the one configuration schema. */
export const securityEnvironment = {
  /** Bearer token of the operator endpoints; unset turns them off (404). */
  ADMIN_API_KEY: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.string().min(16, 'must be at least 16 characters (or empty to turn the operator endpoints off)').optional())
    .optional(),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: wholeNumber(0, 60),
  RATE_LIMIT_CLIENT_PER_MINUTE: wholeNumber(0, 6000),
  TRUST_PROXY: trustProxy,
  CASE_RETENTION_DAYS: wholeNumber(1, 30),
  CONVERSATION_RETENTION_HOURS: wholeNumber(1, 24),
};

export interface SecurityConfig {
  /** Unset: the operator endpoints answer 404. */
  adminApiKey: string | undefined;
  /** Turns per conversation per minute on the public endpoints (0: no limit). */
  rateLimitConversationPerMinute: number;
  /** Requests per client address per minute on the public endpoints (0: no limit). */
  rateLimitClientPerMinute: number;
  /** Whose X-Forwarded-For gives the client address: 0 nobody's (the socket), N proxies, or 'all'. */
  trustProxy: TrustProxy;
  /** Escalation cases (they hold the verification details) are deleted after this many days. */
  caseRetentionDays: number;
  /** Conversation state idle this long is deleted (it may hold verification details an admin left half-given). */
  conversationRetentionHours: number;
}

type SecurityEnvironment = z.output<z.ZodObject<typeof securityEnvironment>>;

export function securityConfig(e: SecurityEnvironment): SecurityConfig {
  return {
    adminApiKey: e.ADMIN_API_KEY,
    rateLimitConversationPerMinute: e.RATE_LIMIT_CONVERSATION_PER_MINUTE,
    rateLimitClientPerMinute: e.RATE_LIMIT_CLIENT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    caseRetentionDays: e.CASE_RETENTION_DAYS,
    conversationRetentionHours: e.CONVERSATION_RETENTION_HOURS,
  };
}
