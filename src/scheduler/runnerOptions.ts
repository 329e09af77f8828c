import type { LogHasher } from '../logging/redact';

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

export const systemTimers: Timers = {
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

export const emptyReport = (): TickReport => ({
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
