import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to the requests that reach it until the fault is cleared (`setFault()`). */
export interface CosmosFault {
  /** refuse: every connection is cut at once; delay: forwarded after `ms`; status: answered with `status` (not forwarded). */
  kind: 'refuse' | 'delay' | 'status';
  ms?: number;
  status?: number;
  /** With kind 'status' (429): sent as `x-ms-retry-after-ms`, which @azure/cosmos honours. */
  retryAfterMs?: number;
}

export interface CosmosProxy {
  /** Give this to the client instead of the server's endpoint. */
  endpoint: string;
  /** Requests received since the start or the last reset (faulted ones included). */
  count(): number;
  reset(): void;
  requests: Array<{ method: string; path: string }>;
  setFault(f?: CosmosFault): void;
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/**
 * An HTTP proxy in front of the embedded Cosmos server: counts what the SDK really sends (query plans,
 * retries, account reads included) and lets a test cut, slow down or answer for the store.
 */
export async function startCosmosProxy(targetEndpoint: string): Promise<CosmosProxy> {
  const target = new URL(targetEndpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const requests: Array<{ method: string; path: string }> = [];
  const sockets = new Set<Socket>();
  let fault: CosmosFault | undefined;

  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !hopByHop.has(k)));
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...headers, host: target.host }, agent },
      (answer) => {
        const back = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !hopByHop.has(k)));
        res.writeHead(answer.statusCode ?? 502, back);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'BadGateway', message: 'cosmos proxy: upstream failed' }));
    });
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    const current = fault;
    if (current?.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (current?.kind === 'status') {
      req.resume();
      const status = current.status ?? 503;
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(current.retryAfterMs !== undefined ? { 'x-ms-retry-after-ms': String(current.retryAfterMs) } : {}),
      });
      res.end(JSON.stringify({ code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'injected by the cosmos proxy' }));
      return;
    }
    if (current?.kind === 'delay') {
      req.pause();
      setTimeout(() => {
        req.resume();
        forward(req, res);
      }, current.ms ?? 5000);
      return;
    }
    forward(req, res);
  });
  server.on('connection', (socket) => {
    if (fault?.kind === 'refuse') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => requests.length,
    reset: () => {
      requests.length = 0;
    },
    requests,
    setFault: (f) => {
      fault = f;
      // Open keep-alive connections would otherwise carry on as if nothing happened.
      if (f?.kind === 'refuse') for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
