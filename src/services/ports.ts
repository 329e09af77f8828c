import type { CodeAttempts, ConversationRef, Group, Invite, User } from '../domain/model';

/** What the services need from storage. Implemented over Cosmos in src/store; nothing else implements them. */

export interface UserRepository {
  get(userId: string): Promise<User | undefined>;
  /** Creates when new (no _etag); otherwise replaces only if unchanged since read (CONFLICT). */
  save(user: User): Promise<User>;
  /** Everything of one person: profile, references, counters. */
  deleteAll(userId: string): Promise<void>;
}

export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  create(group: Group): Promise<Group>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(group: Group): Promise<Group>;
  listByLeader(leaderId: string): Promise<Group[]>;
  getInvite(code: string): Promise<Invite | undefined>;
  putInvite(invite: Invite): Promise<Invite>;
  deleteInvite(code: string): Promise<void>;
}

export interface ConversationRefRepository {
  upsert(ref: ConversationRef): Promise<ConversationRef>;
  get(ownerId: string, conversationId: string): Promise<ConversationRef | undefined>;
  listForOwner(ownerId: string): Promise<ConversationRef[]>;
  markUnreachable(ownerId: string, conversationId: string, status: number, at: Date): Promise<void>;
}

export interface CodeAttemptRepository {
  get(userId: string): Promise<CodeAttempts | undefined>;
  /** Creates when it has no _etag (CONFLICT if someone created it first), else replaces only if unchanged (CONFLICT). */
  save(attempts: CodeAttempts): Promise<CodeAttempts>;
}

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

// ---- sessions and the durable scheduler (issue 4) -------------------------------------------------

import type { Locale } from '../domain/locale';
import type { FinalJobStatus, Job, JobRequest, JobResult } from '../domain/schedule';
import type { Attendance, Pause, ReminderPrefs, Rsvp, Session } from '../domain/sessions';

/** Sessions, RSVPs and attendance: all in the group's partition of the `groups` container. */
export interface SessionRepository {
  get(groupId: string, sessionId: string): Promise<Session | undefined>;
  create(session: Session): Promise<Session>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(session: Session): Promise<Session>;
  /** Scheduled sessions that have not ended by `from`, earliest first. */
  listUpcoming(groupId: string, from: string): Promise<Session[]>;
  /** Scheduled sessions that ended in [from, to), latest first: for marking attendance afterwards. */
  listEnded(groupId: string, from: string, to: string): Promise<Session[]>;
  getRsvp(groupId: string, sessionId: string, userId: string): Promise<Rsvp | undefined>;
  putRsvp(rsvp: Rsvp): Promise<Rsvp>;
  listRsvps(groupId: string, sessionId: string): Promise<Rsvp[]>;
  getAttendance(groupId: string, sessionId: string, userId: string): Promise<Attendance | undefined>;
  putAttendance(attendance: Attendance): Promise<Attendance>;
  listAttendance(groupId: string, sessionId: string): Promise<Attendance[]>;
}

/** A person's reminder preferences: one document `reminderPrefs` in the person's partition. */
export interface ReminderPrefsRepository {
  get(userId: string): Promise<ReminderPrefs | undefined>;
  save(prefs: ReminderPrefs): Promise<ReminderPrefs>;
}

/** The current pause (`pause`) and the history of all pauses (`pause:{createdAt}`). */
export interface PauseRepository {
  current(userId: string): Promise<Pause | undefined>;
  /** Writes the pause as the current one and into the history. */
  save(pause: Pause): Promise<void>;
  history(userId: string): Promise<Pause[]>;
}

/** created: new; updated: due time or payload changed; unchanged; finished: it already ran (never resurrected); busy: being run right now. */
export type PlanOutcome = 'created' | 'updated' | 'unchanged' | 'finished' | 'busy';

export interface PendingJobFilter {
  sessionId: string;
  userId?: string;
  kinds?: string[];
  /** Only jobs planned for a session revision older than this. */
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
  /** Finished jobs of a group, newest first: e.g. the leader's "who could not be reached". */
  listFinished(groupId: string, filter?: { sessionId?: string; statuses?: FinalJobStatus[] }): Promise<Job[]>;
  listPending(filter: PendingJobFilter): Promise<Job[]>;
}

/** What the scheduler's runner needs on top: find, claim with a lease, reschedule, finish. */
export interface JobStore extends JobQueue {
  /** Pending jobs with dueAt <= now, earliest first: one query in one partition. */
  findDue(now: Date, limit: number): Promise<Job[]>;
  /** Conditional on the job's _etag; undefined when someone else changed or took it first. */
  claim(job: Job, instanceId: string, now: Date, leaseUntil: Date): Promise<Job | undefined>;
  /** Back to pending at `dueAt` (conditional on the claim's _etag); false when the claim was lost. */
  reschedule(claimed: Job, change: { dueAt: string; attempts: number; lastStatus?: number }, now: Date): Promise<boolean>;
  /** Records the result in the finished partition and removes the pending job (conditional on the claim's _etag). */
  finish(claimed: Job, status: FinalJobStatus, result: JobResult, now: Date): Promise<boolean>;
  /** Removes a pending job whose finished record already exists (a claimer died after recording it). */
  discard(claimed: Job): Promise<void>;
}

export type SessionMessageKind = 'reminder' | 'session_scheduled' | 'session_moved' | 'session_cancelled' | 'attendance_roster';

/** Everything a renderer needs to word one proactive message about a session. */
export interface SessionMessageRequest {
  kind: SessionMessageKind;
  locale: Locale;
  /** The recipient's zone (their own, else the group's): show times in it. */
  timeZone: string;
  session: Session;
  group: Group;
  recipientId: string;
  /** The job being run: a reminder card's snooze action carries it back to `SessionService.snoozeReminder`. */
  jobId: string;
  /** For reminders planned from a preference; absent for a snoozed one. */
  offsetMinutes?: number;
  /** For `session_moved`. */
  previousStartsAt?: string;
  /** For `attendance_roster`: what has been recorded so far. */
  attendance?: Attendance[];
}

/** Turns a session message into text or cards (implemented where cards and locales live, not in the scheduler). */
export interface ReminderRenderer {
  render(request: SessionMessageRequest): OutboundMessage;
}

/** Who is asked to reflect on which session, as the reflect job has just loaded them. */
export interface ReflectionRequest {
  group: Group;
  session: Session;
  userId: string;
  locale: Locale;
}

/** Opens the reflection conversation after a session (the dialog lives elsewhere); reports how the send went. */
export interface ReflectionPrompter {
  prompt(request: ReflectionRequest): Promise<SendOutcome>;
}
