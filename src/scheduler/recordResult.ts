import type { Logger } from 'pino';
import { addMs, backoffMs, toUtcIso, type Job } from '../domain/shared/schedule';
import type { JobStore } from '../services/shared/ports';
import type { HandlerResult } from './jobs';
import type { RunnerOptions, TickReport } from './runnerOptions';

/**
 * Writes what a run of a claimed job came to: finished (sent, skipped, unreachable, failed after the
 * last attempt) into its group's finished partition, or back to pending (deferred out of quiet hours,
 * retried with backoff). Every write is conditional on the claim; a lost one is logged, not thrown.
 */
export async function recordResult(
  { jobs, options, log }: { jobs: JobStore; options: RunnerOptions; log: Logger },
  claimed: Job,
  result: HandlerResult,
  report: TickReport,
  now: Date,
  final = false,
): Promise<void> {
  let kept: boolean;
  switch (result.outcome) {
    case 'sent':
      kept = await jobs.finish(claimed, 'sent', { outcome: 'sent' }, now);
      report.sent++;
      break;
    case 'skipped':
      kept = await jobs.finish(claimed, 'skipped', { outcome: 'skipped', reason: result.reason }, now);
      report.skipped++;
      break;
    case 'unreachable':
      kept = await jobs.finish(claimed, 'unreachable', { outcome: 'unreachable', status: result.status, reason: result.reason }, now);
      report.unreachable++;
      break;
    case 'deferred':
      kept = await jobs.reschedule(claimed, { dueAt: result.until, attempts: claimed.attempts, heldFrom: claimed.heldFrom ?? toUtcIso(now) }, now);
      report.deferred++;
      break;
    case 'failed': {
      const attempts = claimed.attempts + 1;
      if (final || attempts >= options.maxAttempts) {
        kept = await jobs.finish(claimed, 'failed', { outcome: 'failed', status: result.status, reason: result.reason }, now);
        report.failed++;
      } else {
        const dueAt = addMs(now, backoffMs(attempts, options.backoffBaseMs, options.backoffMaxMs));
        kept = await jobs.reschedule(claimed, { dueAt, attempts, ...(result.status ? { lastStatus: result.status } : {}) }, now);
        report.retried++;
      }
      break;
    }
  }
  // Only when the lease ran out during the run and another instance took the job over.
  if (!kept) log.warn({ job: options.logHash(claimed.id), kind: claimed.kind, outcome: result.outcome }, 'scheduler: claim lost before recording');
}
