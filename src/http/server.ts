import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';
import type { GroupCoachAdapter } from '../bot/adapter';
import { checkActivity, serviceUrlAllowed, turnTypes } from './activityGate';
import { localRequestAllowed } from './localGuard';

export interface HttpDeps {
  adapter: GroupCoachAdapter;
  bot: ActivityHandler;
  /** Resolves when the store answers; /healthz says 503 otherwise. */
  storeHealthy: () => Promise<void>;
  log: Logger;
  /** No app id: unsigned requests, so only loopback clients of this machine may speak. */
  localMode: boolean;
  /** Tests only: with an app id, a loopback http serviceUrl is answered too. */
  allowLoopbackServiceUrl?: boolean;
  /** A request whose headers and body have not all arrived by then is cut off (a slow or partial body holds no socket). */
  requestTimeoutMs: number;
  maxBodyBytes?: number;
  /** Extra routes (the web chat page and its endpoints) registered by their own modules. */
  extraRoutes?: Array<(server: Server) => void>;
}

const healthTimeoutMs = 3000;

const isJson = (req: Request) => /^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''));

export function createHttpServer(deps: HttpDeps): Server {
  const server = restify.createServer({ name: 'group-coach', handleUncaughtExceptions: false });
  server.server.requestTimeout = deps.requestTimeoutMs;
  server.server.headersTimeout = Math.min(deps.requestTimeoutMs, 60_000);
  // Node looks for overdue requests only this often (30 s by default): a tenth of the timeout, at least 250 ms.
  (server.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.max(250, Math.min(5000, Math.round(deps.requestTimeoutMs / 10)));
  server.pre((req: Request, res: Response, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    if (deps.localMode && !localRequestAllowed(req.headers)) {
      res.send(403, { error: 'local mode answers only this machine' });
      return next(false);
    }
    // Before any body parser: the Bot Framework sends JSON, and nothing else is worth parsing here.
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/api/messages' && !isJson(req)) {
      res.send(415, { error: 'application/json only' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes ?? 256 * 1024, mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await receiveActivity(deps, req, res);
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

/**
 * POST /api/messages: JSON only, the activity's shape checked, the token checked (any failure is a
 * 401 that says nothing of why), the serviceUrl checked, and only then a turn.
 */
async function receiveActivity(deps: HttpDeps, req: Request, res: Response) {
  const gate = checkActivity(req.body);
  if (!gate.ok) {
    deps.log.warn({ reason: gate.reason }, 'malformed activity refused');
    return void res.send(400, { error: 'malformed activity' });
  }
  const activity = gate.activity as unknown as Activity;
  const authHeader = String(req.headers.authorization ?? '');
  let authenticated;
  try {
    authenticated = await deps.adapter.authenticate(activity, authHeader);
  } catch (e) {
    deps.log.warn({ err: { name: (e as Error)?.name } }, 'request not authenticated');
    return void res.send(401, { error: 'unauthorized' });
  }
  if (!serviceUrlAllowed(gate.activity.serviceUrl, deps.localMode, deps.allowLoopbackServiceUrl === true)) {
    deps.log.warn({ channelId: gate.activity.channelId }, 'activity with a serviceUrl we do not answer refused');
    return void res.send(400, { error: 'serviceUrl not accepted' });
  }
  if (!turnTypes.has(gate.activity.type)) return void res.send(200);
  try {
    const invoke = await deps.adapter.runAuthenticated(authenticated, activity, (context) => deps.bot.run(context));
    res.send(invoke?.status ?? 200, invoke?.body);
  } catch (e) {
    deps.log.error({ err: { name: (e as Error)?.name, stack: (e as Error)?.stack } }, 'turn could not run');
    res.send(500, { error: 'internal error' });
  }
}
