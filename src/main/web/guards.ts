import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_TOKEN_HEADER } from '../../core/api';

/**
 * Checks that keep the browser host private to the analyst's own browser tab:
 * - the Host header must name this host (a DNS-rebinding page reaches us under its own name);
 * - an Origin header, when present, must be this host's origin (no cross-site requests);
 * - api calls must carry the random token printed in the URL at start.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostProblem(request: IncomingMessage, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return `Host "${host ?? ''}" is not this Lede host`;
  const origin = request.headers.origin;
  if (origin !== undefined && !hostsAsOrigins(hosts).has(origin.toLowerCase())) {
    return `Origin "${origin}" is not this Lede host`;
  }
  return null;
}

function hostsAsOrigins(hosts: Set<string>): Set<string> {
  return new Set([...hosts].map((h) => `http://${h}`));
}

export function hasValidToken(request: IncomingMessage, token: string): boolean {
  const given = request.headers[WEB_TOKEN_HEADER];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
