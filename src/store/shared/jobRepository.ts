import type { Container } from '@azure/cosmos';
import { isDeepStrictEqual } from 'node:util';
import { isDomainError } from '../../domain/shared/errors';
import { toUtcIso, type FinalJobStatus, type Job, type JobRequest, type JobResult } from '../../domain/shared/schedule';
import { asStored, donePartition, pendingPartition, storedJobSchema } from './jobDocument';
import type { JobStore, PendingJobFilter, PlanOutcome } from '../../services/shared/ports';
import type { Containers } from './cosmosClient';
import { documentId } from './documentIds';
import { Documents } from './documents';
import { cosmosStatus, translateStoreError } from './errors';

/**
 * Durable jobs in the `jobs` container (partition key `/pk`).
 *
 * Partition scheme — why two kinds of partition:
 * - `pending` holds only jobs that may still run (future reminders and jobs being run). The due query is
 *   `SELECT TOP @n * FROM c WHERE c.pk = 'pending' AND c.dueAt <= @now ORDER BY c.dueAt` in that one
 *   partition: the range index on `dueAt` finds the due ones first, so its cost grows with the due jobs,
 *   not with everything stored, and an idle tick is one query (the SDK adds one query-plan request: 2
 *   requests in all). A claimed job keeps living here with `dueAt` = its lease end, so a claim whose
 *   instance died becomes due again by itself and the query needs no second condition.
 * - `done:{groupId}` holds the record of every finished job (sent, skipped, failed, unreachable,
 *   cancelled), moved there when it finishes: `pending` stays as small as the future work.
 *   Per group rather than per month because the partition must be computable from the job alone: a
 *   point read there tells planning "this id already ran" (so re-planning never resurrects a done
 *   job) and tells a runner that takes over an abandoned claim "the first runner finished it". It
 *   also keeps the leader's "who could not be reached" a query inside one small partition.
 * Moving is two writes (no transactional batch here): the record is written first, then the pending
 * job is deleted conditionally on the claim's _etag. A crash between them leaves a pending job whose
 * next claimer finds the record (claims > 1 triggers that check) and only discards it.
 * The `c.pk = …` clauses are redundant on Azure (the query is already scoped to the partition) but the
 * embedded server ignores the partition key of a query, so they keep tests honest.
 * Limits: `pending` is a single logical partition (≤ 20 GB, ≤ 10k RU/s) — ample for future reminders of
 * small groups; beyond that, shard it as `pending:{n}` and query each shard.
 */
export class CosmosJobRepository implements JobStore {
  private readonly docs: Documents<typeof storedJobSchema>;
  private readonly container: Container;

  /** `finishedTtlSeconds`: how long a finished job's record is kept (Cosmos `ttl`; the leader's list looks back 14 days). */
  constructor(
    containers: Containers,
    private readonly finishedTtlSeconds: number = 90 * 86_400,
  ) {
    this.container = containers.jobs;
    this.docs = new Documents(containers.jobs, storedJobSchema);
  }

  async plan(request: JobRequest, now: Date): Promise<PlanOutcome> {
    const at = toUtcIso(now);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const created = await this.docs.create({
          ...request,
          type: 'job',
          pk: pendingPartition,
          status: 'pending',
          attempts: 0,
          claims: 0,
          createdAt: at,
          updatedAt: at,
        });
        // Checked after creating, not before: a runner writes the record before it deletes the pending
        // job, so a record that exists now will be seen here, whatever the interleaving.
        if (await this.getFinished(request.groupId, request.id)) {
          await this.deleteIfUnchanged(created);
          return 'finished';
        }
        return 'created';
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
      const existing = await this.docs.read(request.id, pendingPartition);
      if (!existing) continue; // finished in between: the next create meets the record check
      if (isLeased(existing, now)) return 'busy';
      if (
        existing.dueAt === request.dueAt &&
        existing.heldFrom === request.heldFrom &&
        existing.kind === request.kind &&
        isDeepStrictEqual(existing.payload, request.payload ?? {})
      ) {
        return 'unchanged';
      }
      try {
        // What the request says about quiet hours replaces what the job held (`heldFrom` absent: not held).
        const { claimedBy: _by, leaseUntil: _until, heldFrom: _held, ...unclaimed } = existing;
        await this.docs.replace({ ...unclaimed, ...request, status: 'pending', attempts: 0, updatedAt: at }, pendingPartition);
        return 'updated';
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
    }
    return 'busy';
  }

  async cancelPending(filter: PendingJobFilter, reason: string, now: Date): Promise<number> {
    let cancelled = 0;
    for (const job of await this.listPending(filter)) {
      if (isLeased(job, now)) continue; // its handler re-checks the meeting before sending
      if (await this.finish(job, 'cancelled', { outcome: 'cancelled', reason }, now)) cancelled++;
    }
    return cancelled;
  }

  async finishPendingAsUnreachable(userId: string, status: number, reason: string, now: Date): Promise<number> {
    let finished = 0;
    for (const job of await this.pendingOf(userId)) {
      if (isLeased(job, now)) continue; // being sent right now: its send meets the removed bot and records the same
      if (await this.finish(job, 'unreachable', { outcome: 'unreachable', status, reason }, now)) finished++;
    }
    return finished;
  }

  async releaseHeld(userId: string, now: Date): Promise<number> {
    const at = toUtcIso(now);
    let released = 0;
    for (const job of await this.pendingOf(userId)) {
      if (!job.heldFrom || isLeased(job, now)) continue;
      const dueAt = job.heldFrom > at ? job.heldFrom : at;
      if (dueAt === job.dueAt) continue;
      try {
        await this.docs.replace({ ...job, dueAt, updatedAt: at }, pendingPartition);
        released++;
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT') && cosmosStatus(e) !== 404) throw e; // claimed or finished meanwhile: its handler decides
      }
    }
    return released;
  }

  /** A person's pending jobs: one query in the pending partition. */
  private pendingOf(userId: string) {
    const parameters = [{ name: '@pk', value: pendingPartition }, { name: '@userId', value: userId }];
    return this.docs.query({ query: 'SELECT * FROM c WHERE c.pk = @pk AND c.userId = @userId', parameters }, pendingPartition);
  }

  async listPending(filter: PendingJobFilter): Promise<Job[]> {
    const jobs = await this.docs.query(
      {
        query: 'SELECT * FROM c WHERE c.pk = @pk AND c.sessionId = @meetingId',
        parameters: [
          { name: '@pk', value: pendingPartition },
          { name: '@meetingId', value: filter.meetingId },
        ],
      },
      pendingPartition,
    );
    return jobs.filter(
      (job) =>
        (filter.userId === undefined || job.userId === filter.userId) &&
        (filter.kinds === undefined || filter.kinds.includes(job.kind)) &&
        (filter.beforeRevision === undefined || revisionOf(job) < filter.beforeRevision),
    );
  }

  getFinished(groupId: string, jobId: string): Promise<Job | undefined> {
    return this.docs.read(jobId, donePartition(groupId));
  }

  async listFinished(groupId: string, filter: { meetingId?: string; statuses?: FinalJobStatus[]; since?: string } = {}): Promise<Job[]> {
    const pk = donePartition(groupId);
    const clauses = ['c.pk = @pk'];
    const parameters: { name: string; value: string | string[] }[] = [{ name: '@pk', value: pk }];
    if (filter.meetingId) {
      clauses.push('c.sessionId = @meetingId');
      parameters.push({ name: '@meetingId', value: filter.meetingId });
    }
    if (filter.since) {
      clauses.push('c.finishedAt >= @since');
      parameters.push({ name: '@since', value: filter.since });
    }
    if (filter.statuses) {
      clauses.push('ARRAY_CONTAINS(@statuses, c.status)');
      parameters.push({ name: '@statuses', value: filter.statuses });
    }
    return this.docs.query({ query: `SELECT * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.finishedAt DESC`, parameters }, pk);
  }

  findDue(now: Date, limit: number): Promise<Job[]> {
    return this.docs.query(
      {
        query: 'SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.dueAt <= @now ORDER BY c.dueAt',
        parameters: [
          { name: '@limit', value: limit },
          { name: '@pk', value: pendingPartition },
          { name: '@now', value: toUtcIso(now) },
        ],
      },
      pendingPartition,
    );
  }

  async claim(job: Job, instanceId: string, now: Date, leaseUntil: Date): Promise<Job | undefined> {
    const lease = toUtcIso(leaseUntil);
    try {
      return await this.docs.replace(
        { ...asStored(job), claimedBy: instanceId, leaseUntil: lease, dueAt: lease, claims: job.claims + 1, updatedAt: toUtcIso(now) },
        pendingPartition,
      );
    } catch (e) {
      if (isDomainError(e, 'CONFLICT') || cosmosStatus(e) === 404) return undefined;
      throw e;
    }
  }

  async reschedule(claimed: Job, change: { dueAt: string; attempts: number; lastStatus?: number; heldFrom?: string }, now: Date): Promise<boolean> {
    const { claimedBy: _by, leaseUntil: _until, heldFrom: _held, ...rest } = asStored(claimed);
    try {
      // claims back to 0: this claimer ran it and recorded nothing, so the next claim needs no record check.
      await this.docs.replace({ ...rest, ...change, claims: 0, status: 'pending', updatedAt: toUtcIso(now) }, pendingPartition);
      return true;
    } catch (e) {
      if (isDomainError(e, 'CONFLICT') || cosmosStatus(e) === 404) return false;
      throw e;
    }
  }

  async finish(claimed: Job, status: FinalJobStatus, result: JobResult, now: Date): Promise<boolean> {
    const at = toUtcIso(now);
    // The record keeps `claimedBy`: which instance ran it (absent when cancelled unclaimed).
    const { _etag, leaseUntil: _until, ...rest } = asStored(claimed);
    await this.docs.upsert({ ...rest, pk: donePartition(claimed.groupId), status, result, finishedAt: at, updatedAt: at, ttl: this.finishedTtlSeconds });
    return this.deleteIfUnchanged(claimed);
  }

  async discard(claimed: Job): Promise<void> {
    await this.deleteIfUnchanged(claimed);
  }

  /** Deletes the pending job only if nobody changed it since `job` was read (its _etag). */
  private async deleteIfUnchanged(claimed: Job): Promise<boolean> {
    const job = asStored(claimed);
    try {
      await this.container
        .item(documentId(job.id), pendingPartition)
        .delete(job._etag ? { accessCondition: { type: 'IfMatch', condition: job._etag } } : {});
      return true;
    } catch (e) {
      const status = cosmosStatus(e);
      if (status === 412 || status === 404) return false;
      throw translateStoreError(e);
    }
  }
}

const isLeased = (job: Job, now: Date) => !!job.claimedBy && !!job.leaseUntil && job.leaseUntil > toUtcIso(now);

const revisionOf = (job: Job) => (typeof job.payload.revision === 'number' ? job.payload.revision : 0);
