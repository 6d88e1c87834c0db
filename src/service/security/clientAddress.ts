import { isIP } from 'node:net';
import type { TrustProxy } from '../../domain/securityConfig.js';

/** One X-Forwarded-For entry or socket address as a bare IP: no port, no brackets, IPv4-mapped IPv6 as IPv4. */
function bareAddress(raw: string): string | undefined {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':')); // Azure App Service adds the port
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : undefined;
}

/**
 * The address the per-client rate limit keys on. Behind `trust` proxies the client is the entry
 * that many hops left of the socket in X-Forwarded-For: what the outermost trusted proxy saw. The
 * entries further left were written by the client and are never believed, so a forged header
 * cannot pick the key; without trust the header is ignored altogether. An entry that is not an IP
 * address (a misconfigured proxy) falls back to the socket's address.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  const socket = (socketAddress && bareAddress(socketAddress)) ?? socketAddress ?? 'unknown';
  if (trust === 0 || forwardedFor === undefined) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socket];
  const index = trust === 'all' ? 0 : Math.max(0, chain.length - 1 - trust);
  return bareAddress(chain[index]!) ?? socket;
}
