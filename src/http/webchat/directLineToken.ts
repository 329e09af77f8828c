import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { TokenBucketLimiter } from './tokenBucket';

export interface DirectLineSettings {
  /** The Direct Line channel's secret; never leaves the server. */
  secret?: string;
  /** e.g. https://directline.botframework.com (or a regional one such as https://europe.directline.botframework.com). */
  endpoint: string;
}

export interface DirectLineToken {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
}

const generated = z.object({
  token: z.string().min(1),
  conversationId: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export class DirectLineError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

/** A user id the server makes up: Direct Line binds the token to it, so the browser cannot pose as someone else. */
export const newDirectLineUserId = () => `dl_${randomBytes(16).toString('hex')}`;

/** POST {endpoint}/v3/directline/tokens/generate with the secret, for a token bound to a fresh user id. */
export async function generateDirectLineToken(
  settings: Required<DirectLineSettings>,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 10_000,
): Promise<DirectLineToken> {
  const userId = newDirectLineUserId();
  let response: globalThis.Response;
  try {
    response = await fetchImpl(`${settings.endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new DirectLineError(`Direct Line unreachable: ${(e as Error).name}`);
  }
  if (!response.ok) throw new DirectLineError('Direct Line refused the token request', response.status);
  const parsed = generated.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new DirectLineError('Direct Line answered with an unexpected body', response.status);
  return { token: parsed.data.token, conversationId: parsed.data.conversationId, userId, expiresIn: parsed.data.expires_in };
}

/**
 * The client's address for rate limiting. Only when a proxy is in front (TRUST_PROXY, e.g. Azure App
 * Service's front end, which appends the caller's "ip:port" to X-Forwarded-For) is the last entry
 * believed; otherwise anyone could name any address, and the socket's address is used.
 */
export function clientAddressOf(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean).pop();
  if (last) return last.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return req.socket.remoteAddress ?? 'unknown';
}

export interface TokenRouteOptions {
  directLine: DirectLineSettings;
  /** X-Forwarded-For is believed only with a proxy in front. */
  trustProxy: boolean;
  log: Logger;
  /** Defaults: 5 tokens at once, then one every 12 s, per client address and per instance. */
  limiter?: TokenBucketLimiter;
  fetchImpl?: typeof fetch;
}

/** POST /api/directline/token: the web chat page's only way to a Direct Line conversation. */
export function registerDirectLineTokenRoute(options: TokenRouteOptions) {
  const limiter = options.limiter ?? new TokenBucketLimiter(5, 1 / 12);
  return (server: Server) => {
    server.post('/api/directline/token', async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      const wait = limiter.take(clientAddressOf(req, options.trustProxy));
      if (wait > 0) {
        res.header('Retry-After', String(wait));
        res.send(429, { error: 'too many token requests' });
        return;
      }
      const { secret, endpoint } = options.directLine;
      if (!secret) {
        res.send(503, { error: 'web chat is not configured' });
        return;
      }
      try {
        const token = await generateDirectLineToken({ secret, endpoint }, options.fetchImpl);
        res.send(200, token);
      } catch (e) {
        options.log.error({ err: { name: (e as Error).name, message: (e as Error).message, status: (e as DirectLineError).status } }, 'direct line token failed');
        res.send(502, { error: 'could not get a web chat token' });
      }
    });
  };
}
