import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { addMinutes, defaultReflectAfterMinutes, deferPastQuietHours, isValidZone, localToUtc, reminderDueAt, snoozedDueAt, toUtcIso, type JobRequest } from '../../domain/shared/schedule';
import { attendanceId, attendanceJobId, notifyJobId, reflectJobId, rsvpId, sessionJobKinds, type Attendance, type AttendanceStatus, type NotifyPayload, type ReflectPayload, type Rsvp, type RsvpAnswer, type Session, type SessionEvent } from '../../domain/meetings/model';
import { effectivePrefs, remindJobId, remindPayloadSchema, snoozedRemindJobId, type EffectiveReminderPrefs, type RemindPayload } from '../../domain/reminders';
import type { GroupRepository } from '../groups';
import type { JobQueue } from '../shared/ports';
import type { ReminderPrefsRepository } from '../reminders';
import type { SessionRepository } from './ports';
import type { UserRepository } from '../people';

export interface SessionRules {
  /** The reflection prompt goes this long after a session ends. */
  reflectAfterMinutes: number;
}

export const defaultSessionRules: SessionRules = { reflectAfterMinutes: defaultReflectAfterMinutes };

export interface NewSession {
  title: string;
  /** Local wall-clock start in the group's zone, "yyyy-MM-ddTHH:mm" (a date and a time input joined by T). */
  start: string;
  durationMinutes: number;
  place: string;
  activityId?: string;
  /** A UUID the caller keeps for this request (e.g. from the card): a repeated submit returns the same session. */
  requestId?: string;
}

export interface SessionChange {
  start: string;
  durationMinutes?: number;
  place?: string;
}

export interface Undelivered {
  jobId: string;
  kind: string;
  userId: string;
  sessionId?: string;
  status: 'unreachable' | 'failed';
  httpStatus?: number;
  /** `no_conversation`, `conversation_unreachable`, … */
  reason?: string;
  at: string;
}

/** A session with what the group has said about it: for the leader's overview. */
export interface SessionWithAnswers {
  session: Session;
  rsvps: Rsvp[];
  attendance: Attendance[];
}

/** Ended sessions stay on the leader's list this long, so attendance can still be marked. */
const recentDays = 14;

export interface SessionServiceDeps {
  groups: GroupRepository;
  sessions: SessionRepository;
  jobs: JobQueue;
  prefs: ReminderPrefsRepository;
  users: UserRepository;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A group's meetings: the leader schedules, moves and cancels them and records who came; participants
 * answer whether they come. Every change plans the durable jobs that speak for the bot later:
 * `notify` (participants are told of a new, moved or cancelled session), `remind` (per preference
 * offset) and `reflect` (after the session).
 *
 * Participants are told through `notify` jobs rather than by sending here: the leader's turn returns at
 * once instead of waiting on four sends with connector retries, a failed send is retried with backoff,
 * a crash half-way does not leave half the group uninformed, and quiet hours apply like for reminders.
 */
export class SessionService {
  constructor(
    private readonly deps: SessionServiceDeps,
    private readonly clock: Clock,
    private readonly rules: SessionRules = defaultSessionRules,
    private readonly newId: () => string = randomUUID,
  ) {}

  async scheduleSession(actorId: string, groupId: string, input: NewSession): Promise<Session> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    const { startsAt, endsAt } = this.validTimes(group, input.start, input.durationMinutes, now);
    const title = input.title.trim();
    const place = input.place.trim();
    if (title.length < 1 || title.length > 100 || place.length > 200) throw new DomainError('INVALID_INPUT');
    if (input.requestId !== undefined && !uuidPattern.test(input.requestId)) throw new DomainError('INVALID_INPUT');
    const at = toUtcIso(now);
    let session: Session;
    try {
      session = await this.deps.sessions.create({
        type: 'session',
        id: `session:${input.requestId ?? this.newId()}`,
        groupId,
        title,
        startsAt,
        endsAt,
        place,
        activityId: input.activityId,
        status: 'scheduled',
        revision: 1,
        createdBy: actorId,
        createdAt: at,
        updatedAt: at,
      });
    } catch (e) {
      // The same request again (a double click, a retried turn): finish what the first one began.
      const existing = input.requestId ? await this.deps.sessions.get(groupId, `session:${input.requestId}`) : undefined;
      if (!isDomainError(e, 'CONFLICT') || !existing) throw e;
      session = existing;
    }
    if (session.status === 'scheduled') await this.planSession(group, session, 'scheduled');
    return session;
  }

  async moveSession(actorId: string, groupId: string, sessionId: string, change: SessionChange): Promise<Session> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      const session = await this.scheduled(groupId, sessionId);
      const duration = change.durationMinutes ?? (Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000;
      const { startsAt, endsAt } = this.validTimes(group, change.start, duration, now);
      const place = change.place?.trim() ?? session.place;
      if (place.length > 200) throw new DomainError('INVALID_INPUT');
      if (startsAt === session.startsAt && endsAt === session.endsAt && place === session.place) return session;
      let moved: Session;
      try {
        moved = await this.deps.sessions.replace({
          ...session,
          startsAt,
          endsAt,
          place,
          revision: session.revision + 1,
          updatedAt: toUtcIso(now),
        });
      } catch (e) {
        if (isDomainError(e, 'CONFLICT') && attempt < 4) continue;
        throw e;
      }
      await this.deps.jobs.cancelPending(
        { sessionId, kinds: [sessionJobKinds.remind, sessionJobKinds.reflect, sessionJobKinds.attendance], beforeRevision: moved.revision },
        'session_moved',
        now,
      );
      await this.planSession(group, moved, 'moved', session.startsAt);
      return moved;
    }
  }

  /** Idempotent: cancelling again re-plans the same notices (planning keeps one job per id). */
  async cancelSession(actorId: string, groupId: string, sessionId: string): Promise<Session> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      const session = await this.deps.sessions.get(groupId, sessionId);
      if (!session) throw new DomainError('SESSION_NOT_FOUND');
      let cancelled = session;
      if (session.status !== 'cancelled') {
        try {
          const at = toUtcIso(now);
          cancelled = await this.deps.sessions.replace({ ...session, status: 'cancelled', cancelledAt: at, updatedAt: at });
        } catch (e) {
          if (isDomainError(e, 'CONFLICT') && attempt < 4) continue;
          throw e;
        }
      }
      // Pending notices of scheduling or moving stay: their handler skips them once the session is cancelled,
      // and the notices of this cancellation (planned again by a repeated call) must not be cancelled.
      await this.deps.jobs.cancelPending(
        { sessionId, kinds: [sessionJobKinds.remind, sessionJobKinds.reflect, sessionJobKinds.attendance] },
        'session_cancelled',
        now,
      );
      await Promise.all(group.members.map((m) => this.deps.jobs.plan(this.notifyJob(cancelled, m.userId, 'cancelled', now), now)));
      return cancelled;
    }
  }

  /** The answer and the session it is about (the reply names the meeting). */
  async rsvp(actorId: string, groupId: string, sessionId: string, answer: RsvpAnswer): Promise<Rsvp & { session: Session }> {
    const group = await this.group(groupId);
    if (!isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    const session = await this.scheduled(groupId, sessionId);
    const now = this.clock.now();
    if (toUtcIso(now) >= session.endsAt) throw new DomainError('SESSION_IN_PAST');
    const rsvp = await this.deps.sessions.putRsvp({
      type: 'rsvp',
      id: rsvpId(sessionId, actorId),
      groupId,
      sessionId,
      userId: actorId,
      answer,
      answeredAt: toUtcIso(now),
    });
    return { ...rsvp, session };
  }

  listRsvps(groupId: string, sessionId: string): Promise<Rsvp[]> {
    return this.deps.sessions.listRsvps(groupId, sessionId);
  }

  /** Only the group's leader records who came, once the session has begun. */
  async recordAttendance(actorId: string, groupId: string, sessionId: string, userId: string, status: AttendanceStatus): Promise<Attendance> {
    const [recorded] = await this.recordAttendanceMany(actorId, groupId, sessionId, [{ userId, status }]);
    return recorded!;
  }

  /** The roster card's answers in one go: checks the leader and the session once, then one document per person. */
  async recordAttendanceMany(
    actorId: string,
    groupId: string,
    sessionId: string,
    marks: Array<{ userId: string; status: AttendanceStatus }>,
  ): Promise<Attendance[]> {
    if (marks.length === 0) throw new DomainError('INVALID_INPUT');
    const { group } = await this.startedSessionLedBy(actorId, groupId, sessionId);
    if (marks.some((m) => !isMember(group, m.userId))) throw new DomainError('NOT_IN_GROUP');
    const at = toUtcIso(this.clock.now());
    return Promise.all(
      marks.map(({ userId, status }) =>
        this.deps.sessions.putAttendance({
          type: 'attendance',
          id: attendanceId(sessionId, userId),
          groupId,
          sessionId,
          userId,
          status,
          recordedBy: actorId,
          recordedAt: at,
        }),
      ),
    );
  }

  /** The leader's roster of one session: the group, the session and what has been recorded. */
  async attendanceRoster(actorId: string, groupId: string, sessionId: string): Promise<{ group: Group; session: Session; attendance: Attendance[] }> {
    const { group, session } = await this.startedSessionLedBy(actorId, groupId, sessionId);
    return { group, session, attendance: await this.deps.sessions.listAttendance(groupId, sessionId) };
  }

  /** Attendance is for a session that has begun, and only its group's leader marks it. */
  private async startedSessionLedBy(actorId: string, groupId: string, sessionId: string): Promise<{ group: Group; session: Session }> {
    // In turn, so someone who is not the leader always hears that first.
    const group = await this.groupLedBy(actorId, groupId);
    const session = await this.scheduled(groupId, sessionId);
    if (toUtcIso(this.clock.now()) < session.startsAt) throw new DomainError('SESSION_NOT_STARTED');
    return { group, session };
  }

  /** One session the actor leads that can still be changed: not cancelled, not over. */
  async ledSession(actorId: string, groupId: string, sessionId: string): Promise<{ group: Group; session: Session }> {
    const group = await this.groupLedBy(actorId, groupId);
    const session = await this.scheduled(groupId, sessionId);
    if (toUtcIso(this.clock.now()) >= session.endsAt) throw new DomainError('SESSION_IN_PAST');
    return { group, session };
  }

  /**
   * The leader's view of a group they lead (as just listed by GroupService.groupsLedBy: not read again):
   * upcoming sessions with RSVPs, those of the last two weeks with attendance, and who could not be reached.
   */
  async leaderOverview(
    actorId: string,
    group: Group,
  ): Promise<{ upcoming: SessionWithAnswers[]; recent: SessionWithAnswers[]; undelivered: Undelivered[] }> {
    if (group.leaderId !== actorId) throw new DomainError('NOT_GROUP_LEADER');
    const { groupId } = group;
    const now = toUtcIso(this.clock.now());
    const since = addMinutes(now, -recentDays * 24 * 60);
    const [upcoming, recent, undelivered] = await Promise.all([
      this.deps.sessions.listUpcoming(groupId, now),
      this.deps.sessions.listEnded(groupId, since, now),
      this.undelivered(groupId),
    ]);
    // One line per person who is still in the group: their latest failure of the last two weeks.
    const latest = new Map<string, Undelivered>();
    for (const u of undelivered) if (u.at >= since && isMember(group, u.userId) && !latest.has(u.userId)) latest.set(u.userId, u);
    return {
      // Before a session only the answers count; after it only who came.
      upcoming: await Promise.all(
        upcoming.map(async (session) => ({ session, rsvps: await this.deps.sessions.listRsvps(groupId, session.id), attendance: [] })),
      ),
      recent: await Promise.all(
        recent.map(async (session) => ({ session, rsvps: [], attendance: await this.deps.sessions.listAttendance(groupId, session.id) })),
      ),
      undelivered: [...latest.values()],
    };
  }

  /** A participant's upcoming sessions with their own answer. */
  async memberOverview(actorId: string, groupId: string): Promise<{ group: Group; upcoming: Array<{ session: Session; myAnswer?: RsvpAnswer }> }> {
    const group = await this.group(groupId);
    if (!isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    const upcoming = await this.deps.sessions.listUpcoming(groupId, toUtcIso(this.clock.now()));
    const answers = await Promise.all(upcoming.map((s) => this.deps.sessions.getRsvp(groupId, s.id, actorId)));
    return { group, upcoming: upcoming.map((session, i) => ({ session, myAnswer: answers[i]?.answer })) };
  }

  async listAttendance(actorId: string, groupId: string, sessionId: string): Promise<Attendance[]> {
    await this.groupLedBy(actorId, groupId);
    return this.deps.sessions.listAttendance(groupId, sessionId);
  }

  /**
   * For the leader: messages that could not be delivered (the person removed the bot, never opened a chat
   * with it, or sending kept failing), newest first, optionally for one session.
   */
  async listUndelivered(actorId: string, groupId: string, sessionId?: string): Promise<Undelivered[]> {
    await this.groupLedBy(actorId, groupId);
    return this.undelivered(groupId, sessionId);
  }

  private async undelivered(groupId: string, sessionId?: string): Promise<Undelivered[]> {
    const jobs = await this.deps.jobs.listFinished(groupId, { ...(sessionId ? { sessionId } : {}), statuses: ['unreachable', 'failed'] });
    return jobs.map((j) => ({
      jobId: j.id,
      kind: j.kind,
      userId: j.userId ?? '',
      sessionId: j.sessionId,
      status: j.status as Undelivered['status'],
      httpStatus: j.result?.status,
      reason: j.result?.reason,
      at: j.finishedAt ?? j.updatedAt,
    }));
  }

  /** Sessions that have not ended yet, for the group's leader and members. */
  async listUpcoming(actorId: string, groupId: string): Promise<Session[]> {
    const group = await this.group(groupId);
    if (group.leaderId !== actorId && !isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    return this.deps.sessions.listUpcoming(groupId, toUtcIso(this.clock.now()));
  }

  /**
   * "Remind me again in N minutes" on a reminder the person received (the card carries the job id).
   * Repeating the same click finds the same job; the snoozed reminder also keeps out of quiet hours.
   */
  async snoozeReminder(actorId: string, groupId: string, jobId: string, minutes: number): Promise<{ jobId: string; dueAt: string; zone: string }> {
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) throw new DomainError('INVALID_INPUT');
    const reminder = await this.deps.jobs.getFinished(groupId, jobId);
    if (!reminder || reminder.kind !== sessionJobKinds.remind || reminder.userId !== actorId || reminder.status !== 'sent') {
      throw new DomainError('REMINDER_NOT_FOUND');
    }
    const payload = remindPayloadSchema.parse(reminder.payload);
    const session = await this.scheduled(groupId, payload.sessionId);
    const now = this.clock.now();
    if (session.revision !== payload.revision) throw new DomainError('REMINDER_NOT_FOUND');
    if (toUtcIso(now) >= session.startsAt) throw new DomainError('SESSION_IN_PAST');
    const group = await this.group(groupId);
    const { zone, prefs } = await this.recipient(group, actorId);
    const snoozes = payload.snoozes + 1;
    const job: JobRequest = {
      id: snoozedRemindJobId(session.id, actorId, session.revision, snoozes),
      kind: sessionJobKinds.remind,
      dueAt: snoozedDueAt(now, minutes, zone, prefs.quietHours),
      groupId,
      sessionId: session.id,
      userId: actorId,
      payload: { sessionId: session.id, revision: session.revision, sessionStartsAt: session.startsAt, snoozes } satisfies RemindPayload,
    };
    await this.deps.jobs.plan(job, now);
    // The zone the reminder keeps quiet hours in is the one to tell its time in.
    return { jobId: job.id, dueAt: job.dueAt, zone };
  }

  /**
   * Plans one member's reminders and reflection prompts for every upcoming session of the group: after
   * they join, change reminder preferences or time zone. Idempotent; jobs for offsets no longer wanted
   * stay pending and their handler skips them (`prefs_changed`), so switching back needs no resurrection.
   */
  async replanMember(groupId: string, userId: string): Promise<void> {
    const group = await this.group(groupId);
    if (!isMember(group, userId)) return;
    const now = this.clock.now();
    for (const session of await this.deps.sessions.listUpcoming(groupId, toUtcIso(now))) {
      await this.planMember(group, session, userId, now);
    }
  }

  // ---- planning -----------------------------------------------------------------------------------

  private async planSession(group: Group, session: Session, event: SessionEvent, previousStartsAt?: string): Promise<void> {
    const now = this.clock.now();
    await Promise.all([
      ...group.members.map(async ({ userId }) => {
        await this.deps.jobs.plan(this.notifyJob(session, userId, event, now, previousStartsAt), now);
        await this.planMember(group, session, userId, now);
      }),
      this.deps.jobs.plan(this.attendanceJob(session, group.leaderId), now),
    ]);
  }

  /** The roster card reaches the leader as the session ends, while who came is fresh in mind. */
  private attendanceJob(session: Session, leaderId: string): JobRequest {
    return {
      id: attendanceJobId(session.id, leaderId, session.revision),
      kind: sessionJobKinds.attendance,
      dueAt: session.endsAt,
      groupId: session.groupId,
      sessionId: session.id,
      userId: leaderId,
      payload: { sessionId: session.id, revision: session.revision, sessionEndsAt: session.endsAt } satisfies ReflectPayload,
    };
  }

  private async planMember(group: Group, session: Session, userId: string, now: Date): Promise<void> {
    const { zone, prefs } = await this.recipient(group, userId);
    for (const job of this.memberJobs(group, session, userId, zone, prefs, now)) await this.deps.jobs.plan(job, now);
  }

  /** Reminders still ahead and before the start (after moving them out of quiet hours), and the reflection prompt. */
  private memberJobs(group: Group, session: Session, userId: string, zone: string, prefs: EffectiveReminderPrefs, now: Date): JobRequest[] {
    const at = toUtcIso(now);
    const base = { groupId: group.groupId, sessionId: session.id, userId };
    const jobs: JobRequest[] = [];
    if (prefs.enabled) {
      for (const offsetMinutes of prefs.offsetsMinutes) {
        // Calendar days in the group's zone (where the meeting is), quiet hours in the person's own.
        const dueAt = deferPastQuietHours(reminderDueAt(session.startsAt, offsetMinutes, group.timeZone), zone, prefs.quietHours);
        if (dueAt <= at || dueAt >= session.startsAt) continue;
        jobs.push({
          ...base,
          id: remindJobId(session.id, userId, session.revision, offsetMinutes),
          kind: sessionJobKinds.remind,
          dueAt,
          payload: { sessionId: session.id, revision: session.revision, sessionStartsAt: session.startsAt, offsetMinutes, snoozes: 0 } satisfies RemindPayload,
        });
      }
    }
    jobs.push({
      ...base,
      id: reflectJobId(session.id, userId, session.revision),
      kind: sessionJobKinds.reflect,
      dueAt: deferPastQuietHours(addMinutes(session.endsAt, this.rules.reflectAfterMinutes), zone, prefs.quietHours),
      payload: { sessionId: session.id, revision: session.revision, sessionEndsAt: session.endsAt } satisfies ReflectPayload,
    });
    return jobs;
  }

  /** Due now; the handler keeps it out of quiet hours when it runs. */
  private notifyJob(session: Session, userId: string, event: SessionEvent, now: Date, previousStartsAt?: string): JobRequest {
    return {
      id: notifyJobId(session.id, userId, event, session.revision),
      kind: sessionJobKinds.notify,
      dueAt: toUtcIso(now),
      groupId: session.groupId,
      sessionId: session.id,
      userId,
      payload: { sessionId: session.id, revision: session.revision, event, ...(previousStartsAt ? { previousStartsAt } : {}) } satisfies NotifyPayload,
    };
  }

  private async recipient(group: Group, userId: string): Promise<{ zone: string; prefs: EffectiveReminderPrefs }> {
    const [user, stored] = await Promise.all([this.deps.users.get(userId), this.deps.prefs.get(userId)]);
    return { zone: isValidZone(user?.timeZone) ? user.timeZone : group.timeZone, prefs: effectivePrefs(stored) };
  }

  // ---- checks -------------------------------------------------------------------------------------

  private validTimes(group: Group, start: string, durationMinutes: number, now: Date): { startsAt: string; endsAt: string } {
    if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > 24 * 60) throw new DomainError('INVALID_INPUT');
    const startsAt = localToUtc(start, group.timeZone);
    if (!startsAt) throw new DomainError('INVALID_INPUT');
    if (startsAt <= toUtcIso(now)) throw new DomainError('SESSION_IN_PAST');
    return { startsAt, endsAt: addMinutes(startsAt, durationMinutes) };
  }

  private async group(groupId: string): Promise<Group> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    return group;
  }

  private async groupLedBy(actorId: string, groupId: string): Promise<Group> {
    const group = await this.group(groupId);
    if (group.leaderId !== actorId) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }

  private async scheduled(groupId: string, sessionId: string): Promise<Session> {
    const session = await this.deps.sessions.get(groupId, sessionId);
    if (!session) throw new DomainError('SESSION_NOT_FOUND');
    if (session.status === 'cancelled') throw new DomainError('SESSION_CANCELLED');
    return session;
  }
}

const isMember = (group: Group, userId: string) => group.members.some((m) => m.userId === userId);
