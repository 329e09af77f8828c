import restify, { type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Resolves when the store answers; /healthz says 503 otherwise. */
  storeHealthy: () => Promise<void>;
  log: Logger;
  maxBodyBytes?: number;
  /** Extra routes (the web chat page and its endpoints) registered by their own modules. */
  extraRoutes?: Array<(server: Server) => void>;
}

const healthTimeoutMs = 3000;

export function createHttpServer(deps: HttpDeps): Server {
  const server = restify.createServer({ name: 'group-coach', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes ?? 256 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await Promise.race([
        deps.storeHealthy(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), healthTimeoutMs).unref()),
      ]);
      res.send(200, { status: 'ok' });
    } catch {
      res.send(503, { status: 'store unavailable' });
    }
  });

  for (const register of deps.extraRoutes ?? []) register(server);
  return server;
}
