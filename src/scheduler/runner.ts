import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import type { Job } from '../domain/shared/schedule';
import type { JobStore } from '../services/shared/ports';
import type { HandlerResult, JobHandlers } from './jobs';
import { errorForLog, logHasher } from '../logging/redact';
import { eachConcurrently, randomWindow, shuffle } from './batches';
import { recordResult } from './recordResult';
import { defaultRunnerOptions, emptyReport, systemTimers, type RunnerOptions, type TickReport, type Timers } from './runnerOptions';

export { defaultRunnerOptions, type RunnerOptions, type TickReport, type Timers } from './runnerOptions';

/**
 * Runs on every instance. A tick finds due jobs (one query), claims each with a conditional replace
 * (conditional on the job as it was read: a lost race means another instance has it) that sets a lease, runs the job's handler
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

  private recording() {
    return { jobs: this.jobs, options: this.options, log: this.log };
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
          await recordResult(this.recording(), claimed, { outcome: 'failed', reason: 'abandoned' }, report, this.clock.now(), true);
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
      await recordResult(this.recording(), claimed, result, report, this.clock.now());
    } catch (e) {
      report.errors++;
      this.log.error({ err: errorForLog(e), job: this.options.logHash(job.id), kind: job.kind }, 'scheduler: could not run job');
    }
  }
}
