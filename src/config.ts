import { z } from 'zod';
import { IANAZone } from 'luxon';
import type { SafetyNumbers } from './domain/checkins';

/** Empty strings from .env files or CI variables mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : v), schema);

const locale = z.enum(['fi', 'sv', 'en']);
const timeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA time zone' });
const idList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

const schema = z
  .object({
    NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
    MicrosoftAppId: optional(z.string()),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppType: withDefault(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']), 'MultiTenant'),
    MicrosoftAppTenantId: optional(z.string()),
    HOST: optional(z.string()),
    PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3978),
    COSMOS_ENDPOINT: optional(z.url()),
    COSMOS_KEY: optional(z.string()),
    COSMOS_DATABASE: withDefault(z.string().regex(/^[A-Za-z0-9_-]{1,255}$/), 'groupcoach'),
    DEFAULT_LOCALE: withDefault(locale, 'fi'),
    DEFAULT_TIMEZONE: withDefault(timeZone, 'Europe/Helsinki'),
    MAX_PARTICIPANTS: withDefault(z.coerce.number().int().min(1).max(50), 4),
    LEADER_IDS: withDefault(idList, ''),
    REPORT_READERS: withDefault(idList, ''),
    LEADER_SIGNUP_CODE: optional(z.string().min(8, 'must be at least 8 characters')),
    INVITE_TTL_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 14),
    LOCAL_DATA_DIR: withDefault(z.string(), '.data'),
    LOCAL_SNAPSHOT_SECONDS: withDefault(z.coerce.number().int().min(1).max(3600), 30),
    /** `npm run store`: the port of the embedded Cosmos-compatible server on its own (8081 like the Cosmos emulator). */
    STORE_PORT: withDefault(z.coerce.number().int().min(0).max(65535), 8081),
    MAX_MESSAGE_CHARS: withDefault(z.coerce.number().int().min(100).max(20000), 2000),
    DIRECT_LINE_SECRET: optional(z.string().min(16, 'looks too short for a Direct Line secret')),
    DIRECT_LINE_ENDPOINT: withDefault(z.url(), 'https://directline.botframework.com'),
    // Low minimums so that tests with real processes can run a lease out in seconds; production keeps the defaults.
    SCHEDULER_INTERVAL_SECONDS: withDefault(z.coerce.number().int().min(1).max(3600), 30),
    SCHEDULER_LEASE_SECONDS: withDefault(z.coerce.number().int().min(2).max(3600), 300),
    REFLECT_AFTER_MINUTES: withDefault(z.coerce.number().int().min(0).max(24 * 60), 30),
    FINISHED_JOB_TTL_DAYS: withDefault(z.coerce.number().int().min(15).max(3650), 90),
    DIALOG_STATE_TTL_DAYS: withDefault(z.coerce.number().int().min(1).max(3650), 30),
    LOG_HASH_KEY: optional(z.string().min(16, 'must be at least 16 characters')),
    // ---- check-ins (issue 12)
    CHECKIN_TTL_DAYS: withDefault(z.coerce.number().int().min(1).max(3650), 730),
    CRISIS_LINE_FI: withDefault(z.string().min(3).max(40), '09 2525 0111'),
    CRISIS_LINE_SV: withDefault(z.string().min(3).max(40), '09 2525 0112'),
    EMERGENCY_NUMBER: withDefault(z.string().min(2).max(20), '112'),
    CONNECTOR_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(60_000), 5000),
    TURN_DEADLINE_MS: withDefault(z.coerce.number().int().min(500).max(14_000), 10_000),
    COSMOS_REQUEST_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(60_000), 3000),
    COSMOS_MAX_RETRIES: withDefault(z.coerce.number().int().min(0).max(9), 2),
    COSMOS_MAX_RETRY_WAIT_SECONDS: withDefault(z.coerce.number().int().min(0).max(30), 3),
    TRUST_PROXY: withDefault(z.enum(['true', 'false']).transform((v) => v === 'true'), 'false'),
    HTTP_REQUEST_TIMEOUT_MS: withDefault(z.coerce.number().int().min(500).max(120_000), 10_000),
    // The leader's early warning (README, "Leader's side"): defaults fit a group of four meeting weekly.
    LEADER_WINDOW_DAYS: withDefault(z.coerce.number().int().min(7).max(90), 28),
    LEADER_ALERT_POINTS: withDefault(z.coerce.number().int().min(1).max(50), 4),
    LEADER_RECOVER_BELOW_POINTS: withDefault(z.coerce.number().int().min(0).max(50), 2),
    LEADER_QUIET_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 14),
    LEADER_MIN_MEETINGS: withDefault(z.coerce.number().int().min(1).max(10), 2),
    LEADER_EVALUATE_AT: withDefault(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'), '09:00'),
    LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for SingleTenant' });
    }
    if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is required in production: without it the bot accepts unsigned requests (local mode only)',
      });
    }
  });

export type Env = z.output<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  /** No app id: unsigned requests accepted, loopback only, anyone may lead. */
  localMode: boolean;
  host: string;
  port: number;
  botAuth: {
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppType: string;
    MicrosoftAppTenantId?: string;
  };
  cosmos: { endpoint?: string; key?: string; database: string; requestTimeoutMs: number; maxRetries: number; maxRetryWaitSeconds: number };
  /** Every call to a Bot Connector (replies and proactive sends) gives up after this. */
  connectorTimeoutMs: number;
  /** A turn that has not finished by then answers "please try again" (Teams gives up after about 15 s). */
  turnDeadlineMs: number;
  /** X-Forwarded-For is believed only when a proxy (Azure App Service's front end) is in front. */
  trustProxy: boolean;
  /** A request whose headers and body have not arrived by then is cut off. */
  httpRequestTimeoutMs: number;
  defaultLocale: 'fi' | 'sv' | 'en';
  defaultTimeZone: string;
  maxParticipants: number;
  leaderIds: string[];
  /** Who may read the programme report across every group of the service (user ids or Teams AAD object ids). */
  reportReaders: string[];
  leaderSignupCode?: string;
  inviteTtlDays: number;
  localDataDir: string;
  localSnapshotSeconds: number;
  storePort: number;
  maxMessageChars: number;
  /** The web chat page's Direct Line channel (production): the secret is exchanged server-side for per-user tokens. */
  directLine: { secret?: string; endpoint: string };
  /** Every instance runs the durable scheduler; jobs are claimed with a lease, so instances never send twice. */
  scheduler: { intervalSeconds: number; leaseSeconds: number; reflectAfterMinutes: number };
  /** The early warning's rules (domain/leader WatchSettings). */
  leaderWatch: { windowDays: number; alertAt: number; recoverBelow: number; quietDays: number; minMeetings: number; evaluateAt: string };
  logLevel: Env['LOG_LEVEL'];
  /** How long finished jobs and untouched dialog states are kept (Cosmos `ttl`; local mode: the expiry sweep). */
  retention: { finishedJobDays: number; dialogStateDays: number };
  /** Key of the short hashes that stand for ids in logs; unset: a random key per process. */
  logHashKey?: string;
  /** Check-ins: kept this many days (Cosmos ttl); the safety path's numbers (check them before going live). */
  checkins: { ttlDays: number; safety: SafetyNumbers };
}


export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the whole environment once and lists every problem at the same time. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`));
  }
  const e = parsed.data;
  const localMode = !e.MicrosoftAppId;
  return {
    env: e.NODE_ENV,
    localMode,
    // Local mode accepts unsigned requests, so it must never listen beyond loopback.
    host: localMode ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    port: e.PORT,
    botAuth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
      requestTimeoutMs: e.COSMOS_REQUEST_TIMEOUT_MS,
      maxRetries: e.COSMOS_MAX_RETRIES,
      maxRetryWaitSeconds: e.COSMOS_MAX_RETRY_WAIT_SECONDS,
    },
    connectorTimeoutMs: e.CONNECTOR_TIMEOUT_MS,
    turnDeadlineMs: e.TURN_DEADLINE_MS,
    trustProxy: e.TRUST_PROXY,
    httpRequestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    maxParticipants: e.MAX_PARTICIPANTS,
    leaderIds: e.LEADER_IDS,
    reportReaders: e.REPORT_READERS,
    leaderSignupCode: e.LEADER_SIGNUP_CODE,
    inviteTtlDays: e.INVITE_TTL_DAYS,
    localDataDir: e.LOCAL_DATA_DIR,
    localSnapshotSeconds: e.LOCAL_SNAPSHOT_SECONDS,
    storePort: e.STORE_PORT,
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    directLine: { secret: e.DIRECT_LINE_SECRET, endpoint: e.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '') },
    scheduler: { intervalSeconds: e.SCHEDULER_INTERVAL_SECONDS, leaseSeconds: e.SCHEDULER_LEASE_SECONDS, reflectAfterMinutes: e.REFLECT_AFTER_MINUTES },
    leaderWatch: {
      windowDays: e.LEADER_WINDOW_DAYS,
      alertAt: e.LEADER_ALERT_POINTS,
      recoverBelow: e.LEADER_RECOVER_BELOW_POINTS,
      quietDays: e.LEADER_QUIET_DAYS,
      minMeetings: e.LEADER_MIN_MEETINGS,
      evaluateAt: e.LEADER_EVALUATE_AT,
    },
    logLevel: e.LOG_LEVEL,
    logHashKey: e.LOG_HASH_KEY,
    retention: { finishedJobDays: e.FINISHED_JOB_TTL_DAYS, dialogStateDays: e.DIALOG_STATE_TTL_DAYS },
    checkins: {
      ttlDays: e.CHECKIN_TTL_DAYS,
      safety: { crisisLineFi: e.CRISIS_LINE_FI, crisisLineSv: e.CRISIS_LINE_SV, emergency: e.EMERGENCY_NUMBER },
    },
  };
}
