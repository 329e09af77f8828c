import type { IncomingHttpHeaders } from 'node:http';
import { isLoopbackHost } from './activityGate';

/**
 * Local mode accepts unsigned requests, so only the developer's own loopback clients may speak:
 * a loopback Host (no DNS rebinding: rebind.evil.example → 127.0.0.1 still names another host),
 * and no Origin but our own (a page elsewhere cannot post to us from the developer's browser).
 */
export function localRequestAllowed(headers: IncomingHttpHeaders): boolean {
  const host = String(headers.host ?? '');
  const hostname = hostnameOf(host);
  if (!hostname || !isLoopbackHost(hostname)) return false;
  if (String(headers['sec-fetch-site'] ?? '') === 'cross-site') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  // Same origin only: the web chat page served by this very server.
  return origin === `http://${host}` || origin === `https://${host}`;
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}
