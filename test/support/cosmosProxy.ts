import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next requests: refuse them, answer late, or answer with a status of its own. */
export interface CosmosFault {
  kind: 'refuse' | 'delay' | 'status';
  /** For `delay`: how long before forwarding. */
  ms?: number;
  /** For `status`: the status to answer with (e.g. 429, 503). */
  status?: number;
  /** For `status` 429: the x-ms-retry-after-ms header the SDK honours. */
  retryAfterMs?: number;
}

export interface CosmosProxy {
  /** Give this to openCosmosStore instead of the server's own endpoint. */
  endpoint: string;
  /** Requests that reached the proxy since the last reset (each one the SDK made, retries included). */
  count(): number;
  reset(): void;
  requests: Array<{ method: string; path: string }>;
  /** A fault for every following request until called again without one. */
  setFault(fault?: CosmosFault): void;
  close(): Promise<void>;
}

/**
 * A small HTTP proxy in front of the embedded Cosmos server: counts what the production code asks of
 * the store (at the wire, not mocked) and can make the store refuse, answer slowly or fail.
 */
export async function startCosmosProxy(targetEndpoint: string): Promise<CosmosProxy> {
  const target = new URL(targetEndpoint);
  const requests: Array<{ method: string; path: string }> = [];
  let fault: CosmosFault | undefined;
  const pending = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '?', path: req.url ?? '' });
    const now = fault;
    if (now?.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (now?.kind === 'status') {
      req.resume();
      const status = now.status ?? 503;
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(now.retryAfterMs !== undefined ? { 'x-ms-retry-after-ms': String(now.retryAfterMs) } : {}),
      });
      res.end(JSON.stringify({ code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: `injected ${status}` }));
      return;
    }
    if (now?.kind === 'delay') {
      const timer = setTimeout(() => {
        pending.delete(timer);
        forward(req, res);
      }, now.ms ?? 0);
      pending.add(timer);
      return;
    }
    forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => requests.length,
    reset: () => void requests.splice(0),
    requests,
    setFault: (f) => void (fault = f),
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
