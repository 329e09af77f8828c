import 'dotenv/config';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createAdapter } from './bot/adapter';
import { ConcurrencySafeDialogState } from './bot/dialogState';
import { ProactiveSender } from './bot/proactiveSender';
import { GroupCoachBot } from './bot/groupCoachBot';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock, type Clock } from './domain/shared/clock';
import { hostname } from 'node:os';
import { reflectionPromptMessage, meetingMessageRenderer } from './cards/meetings';
import { createHttpServer } from './http/server';
import { webChatRoutes } from './http/webchat';
import { meetingJobHandlers } from './scheduler/handlers';
import { MessengerReflectionPrompter } from './scheduler/reflectionPrompter';
import { SchedulerRunner } from './scheduler/runner';
import { CodeAttemptGuard } from './services/people';
import { ConversationService } from './services/people';
import { GroupService } from './services/groups';
import { forgetUser } from './services/people';
import { ReminderPrefsService } from './services/reminders';
import { MeetingService } from './services/meetings';
import { UserService } from './services/people';
import { isLoopbackHttpEndpoint, openCosmosStore, startEmbeddedCosmos, type CosmosStore, type EmbeddedCosmosServer } from './store/shared/cosmosClient';
import { CosmosDialogStateStorage } from './store/shared/dialogStateStorage';
import { CosmosJobRepository } from './store/shared/jobRepository';
import { LocalSnapshot } from './store/shared/localSnapshot';
import { CosmosPauseRepository, CosmosRecipientRepository, CosmosReminderPrefsRepository } from './store/reminders';
import { CosmosMeetingRepository } from './store/meetings';
import { CosmosCodeAttemptRepository, CosmosConversationRefRepository, CosmosUserRepository } from './store/people';
import { CosmosGroupRepository } from './store/groups';

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
}

/** The composition root: config → store → repositories → services → bot → http. The only place that knows concrete classes. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.log ?? pino({ level: config.logLevel, base: { app: 'group-coach' } });
  const clock = options.clock ?? systemClock;

  let embedded: EmbeddedCosmosServer | undefined;
  let snapshot: LocalSnapshot | undefined;
  let store = options.store;
  if (!store) {
    if (config.cosmos.endpoint) {
      store = await openCosmosStore({ endpoint: config.cosmos.endpoint, key: config.cosmos.key, database: config.cosmos.database });
      const local = isLoopbackHttpEndpoint(config.cosmos.endpoint);
      log.info({ endpoint: config.cosmos.endpoint, auth: config.cosmos.key ? 'key' : local ? 'none (local store)' : 'managed identity' }, 'using Cosmos DB account');
    } else {
      embedded = await startEmbeddedCosmos();
      store = await openCosmosStore({ endpoint: embedded.endpoint, key: embedded.key, database: config.cosmos.database, embedded: true });
      snapshot = new LocalSnapshot(store, config.localDataDir, log);
      const restored = await snapshot.restore();
      snapshot.startPeriodic(config.localSnapshotSeconds);
      log.info(
        { dataFile: snapshot.path, savedEverySeconds: config.localSnapshotSeconds, restoredDocuments: restored },
        `embedded Cosmos store: data kept in ${snapshot.path}, saved every ${config.localSnapshotSeconds} s and at shutdown`,
      );
    }
  }

  const users = new CosmosUserRepository(store.containers);
  const groupsRepo = new CosmosGroupRepository(store.containers);
  const refs = new CosmosConversationRefRepository(store.containers);
  const guard = new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock);
  const userService = new UserService(
    users,
    guard,
    { anyoneMayLead: config.localMode, leaderIds: config.leaderIds, signupCode: config.leaderSignupCode },
    clock,
  );
  const groupService = new GroupService(groupsRepo, userService, guard, config, clock);
  const conversations = new ConversationService(refs, clock);
  const jobs = new CosmosJobRepository(store.containers);
  const meetingsRepo = new CosmosMeetingRepository(store.containers);
  const prefsRepo = new CosmosReminderPrefsRepository(store.containers);
  const pauses = new CosmosPauseRepository(store.containers);
  const meetings = new MeetingService({ groups: groupsRepo, meetings: meetingsRepo, jobs, prefs: prefsRepo, users }, clock, {
    reflectAfterMinutes: config.scheduler.reflectAfterMinutes,
  });
  const reminders = new ReminderPrefsService({ prefs: prefsRepo, pauses, users, groups: groupsRepo, meetings }, clock, config.defaultTimeZone);

  const adapter = createAdapter(config.botAuth);
  const messenger = new ProactiveSender(adapter, config.botAuth.MicrosoftAppId ?? '', refs, clock, log);
  const dialogState = new ConcurrencySafeDialogState(new CosmosDialogStateStorage(store.containers.botstate));
  const bot = new GroupCoachBot(
    dialogState,
    {
      users: userService,
      groups: groupService,
      conversations,
      messenger,
      meetings,
      reminders,
      clock,
      settings: {
        defaultLocale: config.defaultLocale,
        defaultTimeZone: config.defaultTimeZone,
        leaderSignupEnabled: Boolean(config.leaderSignupCode),
      },
      forget: (userId) => forgetUser(userId, groupService, users),
      maxMessageChars: config.maxMessageChars,
    },
    log,
  );
  adapter.onTurnError = (context, error) => bot.onTurnError(context, error);

  const scheduler = new SchedulerRunner(
    jobs,
    meetingJobHandlers({
      meetings: meetingsRepo,
      recipients: new CosmosRecipientRepository(store.containers),
      messenger,
      renderer: meetingMessageRenderer,
      prompter: new MessengerReflectionPrompter({ refs, messenger, render: reflectionPromptMessage }),
      defaultLocale: config.defaultLocale,
    }),
    clock,
    log,
    {
      instanceId: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
      intervalMs: config.scheduler.intervalSeconds * 1000,
      leaseMs: config.scheduler.leaseSeconds * 1000,
    },
  );

  const server = createHttpServer({ adapter, bot, storeHealthy: () => store.ping(), log, extraRoutes: webChatRoutes({ config, adapter, bot, log }) });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
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
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await snapshot?.stop();
      if (!options.store) await store.close();
      await embedded?.close();
    },
  };
}

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await startApp(config);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
