import type { Job } from '../domain/shared/schedule';

/** What a handler reports; the runner turns it into the job's next state. */
export type HandlerResult =
  /** Done: recorded as sent. */
  | { outcome: 'sent' }
  /** Done without sending, for a reason worth recording (`paused`, `meeting_cancelled`, …). */
  | { outcome: 'skipped'; reason: string }
  /** Done: the person cannot be reached (403/404, no conversation); never retried. */
  | { outcome: 'unreachable'; status: number; reason?: string }
  /** Try again later with backoff, up to the runner's maximum. */
  | { outcome: 'failed'; status?: number; reason?: string }
  /** Not now (quiet hours): due again at `until`, without counting as a failure. */
  | { outcome: 'deferred'; until: string; reason: string };

export interface HandlerContext {
  /** The runner's clock at the moment the job was claimed. */
  now: Date;
  instanceId: string;
}

/** One kind of job. Handlers check that the job still makes sense before acting ("still pending? still at this time?"). */
export type JobHandler = (job: Job, context: HandlerContext) => Promise<HandlerResult>;

/** kind → handler. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;
