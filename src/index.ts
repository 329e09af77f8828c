import 'dotenv/config';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { GroupCoachAdapter, type AdapterSettings } from './bot/adapter';
import { errorForLog, logHasher } from './logging/redact';
import { sweepExpired } from './store/shared/expirySweep';
import { ConcurrencySafeDialogState } from './bot/dialogState';
import { GroupCoachBot } from './bot/groupCoachBot';
import { ProactiveSender } from './bot/proactiveSender';
import { compose } from './composition';
import type { Config } from './config';
import { configOrExit, runMain, stopOnSignals } from './processLifecycle';
import { systemClock, type Clock } from './domain/shared/clock';
import { createHttpServer } from './http/server';
import { webChatRoutes } from './http/webchat';
import { SchedulerRunner } from './scheduler/runner';
import { isLoopbackHttpEndpoint, openCosmosStore, startEmbeddedCosmos, type CosmosStore, type EmbeddedCosmosServer } from './store/shared/cosmosClient';
import { CosmosDialogStateStorage } from './store/shared/dialogStateStorage';
import { LocalSnapshot } from './store/shared/localSnapshot';

export interface RunningApp {
  url: string;
  port: number;
  store: CosmosStore;
  /** The durable scheduler of this instance (tests tick it by hand with `startScheduler: false`). */
  scheduler: SchedulerRunner;
  stop(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** Tests pass their own server and database; otherwise the composition root decides. */
  store?: CosmosStore;
  /** Default true; tests that move a clock by hand tick the scheduler themselves. */
  startScheduler?: boolean;
  /** Tests only: channel tokens checked against loopback OpenID metadata, outbound calls without Azure AD. */
  channelAuth?: AdapterSettings['channelAuth'];
  credentialsFactory?: AdapterSettings['credentialsFactory'];
  /** Tests only: with an app id, also answer a loopback http serviceUrl (a test connector; channels always use https). */
  allowLoopbackServiceUrl?: boolean;
}

/** The app: config → store → compose (repositories, services, handlers) → bot → http, and the scheduler. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.log ?? pino({ level: config.logLevel, base: { app: 'group-coach' } });
  const clock = options.clock ?? systemClock;
  const logHash = logHasher(config.logHashKey);
  if (logHash.keySource === 'random') log.info('LOG_HASH_KEY is not set: ids in logs are hashed with a random key of this process (they do not correlate across restarts or instances)');

  let embedded: EmbeddedCosmosServer | undefined;
  let snapshot: LocalSnapshot | undefined;
  let store = options.store;
  if (!store) {
    if (config.cosmos.endpoint) {
      store = await openCosmosStore({ ...config.cosmos, endpoint: config.cosmos.endpoint });
      const local = isLoopbackHttpEndpoint(config.cosmos.endpoint);
      log.info({ endpoint: config.cosmos.endpoint, auth: config.cosmos.key ? 'key' : local ? 'none (local store)' : 'managed identity' }, 'using Cosmos DB account');
    } else {
      embedded = await startEmbeddedCosmos();
      store = await openCosmosStore({ ...config.cosmos, endpoint: embedded.endpoint, key: embedded.key, embedded: true });
      snapshot = new LocalSnapshot(store, config.localDataDir, log);
      const restored = await snapshot.restore();
      snapshot.startPeriodic(config.localSnapshotSeconds);
      log.info(
        { dataFile: snapshot.path, savedEverySeconds: config.localSnapshotSeconds, restoredDocuments: restored },
        `embedded Cosmos store: data kept in ${snapshot.path}, saved every ${config.localSnapshotSeconds} s and at shutdown`,
      );
    }
  }
  // The embedded server has no TTL: in local mode, what has expired is deleted at start and daily.
  const expiry = embedded ? startDailyExpirySweep(store, clock, log) : undefined;

  const adapter = new GroupCoachAdapter({
    botAuth: config.botAuth,
    connectorTimeoutMs: config.connectorTimeoutMs,
    channelAuth: options.channelAuth,
    credentialsFactory: options.credentialsFactory,
  });
  const app = compose({
    store,
    clock,
    config,
    messenger: (references) => new ProactiveSender(adapter, config.botAuth.MicrosoftAppId ?? '', references, clock, log),
  });
  const dialogState = new ConcurrencySafeDialogState(new CosmosDialogStateStorage(store.containers.botstate, config.retention.dialogStateDays * 86_400));
  const bot = new GroupCoachBot(dialogState, app.routerDeps, log, { deadlineMs: config.turnDeadlineMs }, app.inTurn);
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);

  const scheduler = new SchedulerRunner(app.repositories.jobs, app.jobHandlers, clock, log, {
    instanceId: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    intervalMs: config.scheduler.intervalSeconds * 1000,
    leaseMs: config.scheduler.leaseSeconds * 1000,
    logHash,
  });

  const server = createHttpServer({
    adapter,
    bot,
    storeHealthy: () => store.ping(),
    log,
    localMode: config.localMode,
    allowLoopbackServiceUrl: options.allowLoopbackServiceUrl ?? false,
    requestTimeoutMs: config.httpRequestTimeoutMs,
    extraRoutes: webChatRoutes({ config, adapter, bot, log }),
  });
  try {
    await listen(server, config.port, config.host);
  } catch (e) {
    if (expiry) clearInterval(expiry);
    await snapshot?.stop();
    if (!options.store) await store.close();
    await embedded?.close();
    throw (e as { code?: string }).code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port) : e;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  if (config.localMode) {
    log.warn({ url }, 'local mode: no MicrosoftAppId, unsigned requests accepted, listening on loopback only, anyone may lead groups');
  }
  log.info({ url }, 'Group Coach is listening');
  if (options.startScheduler !== false) {
    scheduler.start();
    log.info({ intervalSeconds: config.scheduler.intervalSeconds, instanceId: scheduler.instanceId }, 'scheduler started');
  }

  return {
    url,
    port,
    store,
    scheduler,
    stop: async () => {
      if (expiry) clearInterval(expiry);
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await snapshot?.stop();
      if (!options.store) await store.close();
      await embedded?.close();
    },
  };
}

function startDailyExpirySweep(store: CosmosStore, clock: Clock, log: Logger): NodeJS.Timeout {
  const sweep = () =>
    void sweepExpired(store.containers, clock.now()).then(
      ({ deleted, byContainer }) => deleted > 0 && log.info({ deleted, byContainer }, 'expiry sweep: expired documents deleted'),
      (e: unknown) => log.warn({ err: errorForLog(e) }, 'expiry sweep failed; tried again tomorrow'),
    );
  sweep();
  return setInterval(sweep, 24 * 3600_000).unref();
}

/** Another process already listens there: one line for the person starting the bot, no stack trace. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Port ${port} on ${host} is already in use (another Group Coach or another program). Stop it, or set PORT to a free port, e.g. PORT=${port + 1} npm start.`);
    this.name = 'PortInUseError';
  }
}

/** Resolves once listening; rejects with the server's error (EADDRINUSE, EACCES) instead of crashing later. */
function listen(server: { listen: (port: number, host: string, cb: () => void) => unknown; once: (event: 'error', cb: (e: Error) => void) => unknown; removeListener: (event: 'error', cb: (e: Error) => void) => unknown }, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.removeListener('error', failed);
      resolve();
    });
  });
}

/** `npm start` (through the launcher in dist/src/index.js): the app with the environment's config, stopped on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  const config = configOrExit();
  let app: RunningApp;
  try {
    app = await startApp(config);
  } catch (e) {
    if (e instanceof PortInUseError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  stopOnSignals(() => app.stop());
}

if (require.main === module) runMain(main);
