import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type CosmosFault = { kind: 'refuse' | 'delay' | 'status'; ms?: number; status?: number; retryAfterMs?: number };

export interface CosmosProxy {
  /** Give this to the Cosmos client instead of the server's own endpoint. */
  endpoint: string;
  /** Requests that reached the proxy since the last reset. */
  count(): number;
  reset(): void;
  requests: Array<{ method: string; path: string }>;
  /** No argument: pass everything through again. */
  setFault(f?: CosmosFault): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy between @azure/cosmos and the embedded server that a test controls: it can refuse
 * connections (the socket is dropped), hold each request for `ms` before passing it on, or answer a
 * status itself (429 with x-ms-retry-after-ms, 503, …) without the server ever seeing the request.
 */
export async function startCosmosProxy(targetEndpoint: string): Promise<CosmosProxy> {
  const target = new URL(targetEndpoint);
  const requests: Array<{ method: string; path: string }> = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let fault: CosmosFault | undefined;

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '' });
      const body = Buffer.concat(chunks);
      const now = fault;
      if (now?.kind === 'refuse') return void req.socket.destroy();
      if (now?.kind === 'status') {
        const status = now.status ?? 503;
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-ms-activity-id': 'proxy' };
        if (now.retryAfterMs !== undefined) headers['x-ms-retry-after-ms'] = String(now.retryAfterMs);
        res.writeHead(status, headers);
        return void res.end(JSON.stringify({ code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'fault injected by the test proxy' }));
      }
      if (now?.kind === 'delay') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) forward(req, res, body);
        }, now.ms ?? 5000);
        timers.add(timer);
        return;
      }
      forward(req, res, body);
    });
  });
  server.on('connection', (socket: Socket) => {
    if (fault?.kind === 'refuse') return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => requests.length,
    reset: () => void requests.splice(0),
    requests,
    setFault: (f) => {
      fault = f;
      // Kept-alive connections would otherwise keep working while the store is meant to be unreachable.
      if (f?.kind === 'refuse') for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
