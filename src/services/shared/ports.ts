import type { FinalJobStatus, Job, JobRequest, JobResult } from '../../domain/shared/schedule';

/** What every feature's services need from outside: sending, and putting work on the scheduler. Implemented in src/bot and src/store. */

/** A message the bot sends on its own. Cards are plain Adaptive Card JSON built in src/cards. */
export interface OutboundMessage {
  text?: string;
  cards?: object[];
}

export type SendOutcome =
  | { kind: 'sent' }
  /** The bot was removed or the user is gone (403/404): do not try again. */
  | { kind: 'unreachable'; status: number }
  /** Still failing after the sender's own retries (429/5xx/network). The caller may try again later. */
  | { kind: 'failed'; status?: number };

export interface Messenger {
  send(ownerId: string, conversationId: string, message: OutboundMessage): Promise<SendOutcome>;
}

/** created: new; updated: due time or payload changed; unchanged; finished: it already ran (never resurrected); busy: being run right now. */
export type PlanOutcome = 'created' | 'updated' | 'unchanged' | 'finished' | 'busy';

export interface PendingJobFilter {
  meetingId: string;
  userId?: string;
  kinds?: string[];
  /** Only jobs planned for a meeting revision older than this. */
  beforeRevision?: number;
}

/** What services need to put work on the scheduler. */
export interface JobQueue {
  /** Idempotent per job id: planning twice keeps one job; a finished job stays finished. */
  plan(request: JobRequest, now: Date): Promise<PlanOutcome>;
  /** Finishes matching pending jobs as `cancelled` (those being run right now are left to their handler's checks). */
  cancelPending(filter: PendingJobFilter, reason: string, now: Date): Promise<number>;
  /** A finished job (its record), by group and id. */
  getFinished(groupId: string, jobId: string): Promise<Job | undefined>;
  /** Finished jobs of a group, newest first: e.g. the leader's "who could not be reached"; `since` bounds the query by finishing time. */
  listFinished(groupId: string, filter?: { meetingId?: string; statuses?: FinalJobStatus[]; since?: string }): Promise<Job[]>;
  listPending(filter: PendingJobFilter): Promise<Job[]>;
  /** Finishes every pending job addressed to `userId` as unreachable (the bot was removed): they are recorded, never sent. */
  finishPendingAsUnreachable(userId: string, status: number, reason: string, now: Date): Promise<number>;
  /**
   * Makes every pending job that quiet hours hold for `userId` due again from when it was meant to go
   * (`heldFrom`, or now if that has passed), so its handler decides with the person's new settings.
   */
  releaseHeld(userId: string, now: Date): Promise<number>;
}

/** What the scheduler's runner needs on top: find, claim with a lease, reschedule, finish. */
export interface JobStore extends JobQueue {
  /** Pending jobs with dueAt <= now, earliest first: one query in one partition. */
  findDue(now: Date, limit: number): Promise<Job[]>;
  /** Conditional on the job's version; undefined when someone else changed or took it first. */
  claim(job: Job, instanceId: string, now: Date, leaseUntil: Date): Promise<Job | undefined>;
  /** Back to pending at `dueAt` (conditional on the claim's version); false when the claim was lost. */
  /** `heldFrom`: quiet hours hold it (see JobQueue.releaseHeld); left out, it is not held. */
  reschedule(claimed: Job, change: { dueAt: string; attempts: number; lastStatus?: number; heldFrom?: string }, now: Date): Promise<boolean>;
  /** Records the result in the finished partition and removes the pending job (conditional on the claim's version). */
  finish(claimed: Job, status: FinalJobStatus, result: JobResult, now: Date): Promise<boolean>;
  /** Removes a pending job whose finished record already exists (a claimer died after recording it). */
  discard(claimed: Job): Promise<void>;
}
