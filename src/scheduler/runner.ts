import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import { addMs, backoffMs, toUtcIso, type Job } from '../domain/shared/schedule';
import type { JobStore } from '../services/shared/ports';
import type { HandlerResult, JobHandlers } from './jobs';
import { errorForLog, logHasher, type LogHasher } from '../logging/redact';

export interface RunnerOptions {
  /** Who holds a claim: unique per running instance (e.g. host name + pid). */
  instanceId: string;
  /** Between ticks when started (the composition root reads SCHEDULER_INTERVAL_SECONDS). */
  intervalMs: number;
  /** How long a claim holds; a job whose claimer died is due again after it. Far above one send with retries. */
  leaseMs: number;
  /** Jobs per due query. */
  batchSize: number;
  /**
   * Fewest jobs claimed from one due query (a random window of it). Instances that read the same due
   * jobs then mostly claim different ones; the window grows after ten rounds without a lost claim (one
   * instance alone) and shrinks back to this as soon as a claim is lost to another instance.
   */
  claimWindow: number;
  /** Due queries per tick at most, so one tick drains a backlog without running forever. */
  maxBatchesPerTick: number;
  /** Jobs run at the same time within one instance. */
  concurrency: number;
  /** Runs that fail (SendOutcome `failed`, a handler error) before the job is recorded as failed. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Claims before a job that keeps killing its claimer is recorded as failed. */
  maxClaims: number;
  /** Job ids carry user ids: logs name a job by this keyed hash only (src/logging/redact.ts). */
  logHash: LogHasher;
}

export const defaultRunnerOptions: Omit<RunnerOptions, 'instanceId' | 'logHash'> = {
  intervalMs: 30_000,
  leaseMs: 5 * 60_000,
  batchSize: 200,
  claimWindow: 10,
  maxBatchesPerTick: 100,
  concurrency: 8,
  maxAttempts: 5,
  backoffBaseMs: 60_000,
  backoffMaxMs: 60 * 60_000,
  maxClaims: 10,
};

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const systemTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface TickReport {
  /** Due jobs the queries returned. */
  due: number;
  claimed: number;
  /** Someone else claimed (or changed) it first. */
  lost: number;
  sent: number;
  skipped: number;
  unreachable: number;
  /** Recorded as failed after the last attempt. */
  failed: number;
  /** Rescheduled with backoff. */
  retried: number;
  /** Rescheduled out of quiet hours. */
  deferred: number;
  /** Taken over from a dead claimer that had already recorded it: not run again. */
  alreadyFinished: number;
  errors: number;
}

const emptyReport = (): TickReport => ({
  due: 0,
  claimed: 0,
  lost: 0,
  sent: 0,
  skipped: 0,
  unreachable: 0,
  failed: 0,
  retried: 0,
  deferred: 0,
  alreadyFinished: 0,
  errors: 0,
});

/**
 * Runs on every instance. A tick finds due jobs (one query), claims each with a conditional replace
 * (IfMatch on its _etag: a 412 means another instance has it) that sets a lease, runs the job's handler
 * and records the result. A claim moves `dueAt` to the lease end, so an instance that dies mid-run only
 * delays its jobs until the lease runs out; the next claimer first checks whether the job was recorded.
 */
export class SchedulerRunner {
  private readonly options: RunnerOptions;
  private timer: unknown;
  private running: Promise<TickReport> | undefined;
  /** How many of a due query's jobs this instance claims: see `claimWindow`. */
  private window: number;
  private quietRounds = 0;

  constructor(
    private readonly jobs: JobStore,
    private readonly handlers: JobHandlers,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: Partial<RunnerOptions> & Pick<RunnerOptions, 'instanceId'>,
    private readonly timers: Timers = systemTimers,
  ) {
    this.options = { ...defaultRunnerOptions, logHash: options.logHash ?? logHasher(), ...options };
    this.window = this.options.claimWindow;
  }

  get instanceId() {
    return this.options.instanceId;
  }

  /** Ticks now and then every interval; a tick still running is never overlapped. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = this.timers.setInterval(() => void this.scheduledTick(), this.options.intervalMs);
    void this.scheduledTick();
  }

  /** No new ticks; resolves when the running one has finished. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private scheduledTick(): Promise<TickReport> | undefined {
    if (this.running) return undefined;
    this.running = this.tick()
      .catch((e: unknown) => {
        this.log.error({ err: errorForLog(e) }, 'scheduler tick failed');
        return { ...emptyReport(), errors: 1 };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async tick(): Promise<TickReport> {
    const report = emptyReport();
    for (let batch = 0; batch < this.options.maxBatchesPerTick; batch++) {
      const due = await this.jobs.findDue(this.clock.now(), this.options.batchSize);
      report.due += due.length;
      const lostBefore = report.lost;
      const chosen = randomWindow(due, Math.max(this.window, this.options.concurrency));
      await eachConcurrently(shuffle(chosen), this.options.concurrency, (job) => this.runOne(job, report));
      const lost = report.lost - lostBefore;
      // Grows only after many rounds without a lost claim: with another instance, windows seldom overlap, so a few quiet rounds prove nothing.
      this.quietRounds = lost > 0 ? 0 : this.quietRounds + 1;
      this.window = this.quietRounds === 0 ? this.options.claimWindow : this.quietRounds >= 10 ? Math.min(this.options.batchSize, this.window + this.options.claimWindow) : this.window;
      // All of them taken (by us or another instance): nothing more is due. Otherwise ask again.
      if (chosen.length === due.length && due.length < this.options.batchSize) break;
    }
    if (report.due > 0) this.log.info({ instanceId: this.instanceId, ...report }, 'scheduler tick');
    return report;
  }

  private async runOne(job: Job, report: TickReport): Promise<void> {
    try {
      const now = this.clock.now();
      const claimed = await this.jobs.claim(job, this.instanceId, now, new Date(now.getTime() + this.options.leaseMs));
      if (!claimed) {
        report.lost++;
        return;
      }
      report.claimed++;
      if (claimed.claims > 1) {
        // An earlier claimer's lease ran out: it may have recorded the job and died before removing it.
        if (await this.jobs.getFinished(claimed.groupId, claimed.id)) {
          await this.jobs.discard(claimed);
          report.alreadyFinished++;
          return;
        }
        if (claimed.claims > this.options.maxClaims) {
          await this.record(claimed, { outcome: 'failed', reason: 'abandoned' }, report, true);
          return;
        }
      }
      const handler = this.handlers[claimed.kind];
      if (!handler) {
        // Left claimed: after the lease, an instance that knows this kind (a newer version) may take it.
        this.log.warn({ job: this.options.logHash(claimed.id), kind: claimed.kind }, 'scheduler: no handler for job kind');
        report.errors++;
        return;
      }
      let result: HandlerResult;
      try {
        result = await handler(claimed, { now, instanceId: this.instanceId });
      } catch (e) {
        this.log.error({ err: errorForLog(e), job: this.options.logHash(claimed.id), kind: claimed.kind }, 'scheduler: handler threw');
        result = { outcome: 'failed', reason: 'handler_error' };
      }
      await this.record(claimed, result, report);
    } catch (e) {
      report.errors++;
      this.log.error({ err: errorForLog(e), job: this.options.logHash(job.id), kind: job.kind }, 'scheduler: could not run job');
    }
  }

  private async record(claimed: Job, result: HandlerResult, report: TickReport, final = false): Promise<void> {
    const now = this.clock.now();
    let kept: boolean;
    switch (result.outcome) {
      case 'sent':
        kept = await this.jobs.finish(claimed, 'sent', { outcome: 'sent' }, now);
        report.sent++;
        break;
      case 'skipped':
        kept = await this.jobs.finish(claimed, 'skipped', { outcome: 'skipped', reason: result.reason }, now);
        report.skipped++;
        break;
      case 'unreachable':
        kept = await this.jobs.finish(claimed, 'unreachable', { outcome: 'unreachable', status: result.status, reason: result.reason }, now);
        report.unreachable++;
        break;
      case 'deferred':
        kept = await this.jobs.reschedule(claimed, { dueAt: result.until, attempts: claimed.attempts, heldFrom: claimed.heldFrom ?? toUtcIso(now) }, now);
        report.deferred++;
        break;
      case 'failed': {
        const attempts = claimed.attempts + 1;
        if (final || attempts >= this.options.maxAttempts) {
          kept = await this.jobs.finish(claimed, 'failed', { outcome: 'failed', status: result.status, reason: result.reason }, now);
          report.failed++;
        } else {
          const dueAt = addMs(now, backoffMs(attempts, this.options.backoffBaseMs, this.options.backoffMaxMs));
          kept = await this.jobs.reschedule(claimed, { dueAt, attempts, ...(result.status ? { lastStatus: result.status } : {}) }, now);
          report.retried++;
        }
        break;
      }
    }
    // Only when the lease ran out during the run and another instance took the job over.
    if (!kept) this.log.warn({ job: this.options.logHash(claimed.id), kind: claimed.kind, outcome: result.outcome }, 'scheduler: claim lost before recording');
  }
}

async function eachConcurrently<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** `size` consecutive items from a random place (wrapping round), all of them when there are no more. */
function randomWindow<T>(items: T[], size: number): T[] {
  if (items.length <= size) return items;
  const start = Math.floor(Math.random() * items.length);
  return Array.from({ length: size }, (_, i) => items[(start + i) % items.length]!);
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
