import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { isMember, type Group } from '../../domain/groups';
import { meetingJobKinds, type Meeting, type MeetingEvent } from '../../domain/meetings/model';
import { effectivePrefs, remindPayloadSchema, snoozedRemindJobId, type EffectiveReminderPrefs, type RemindPayload } from '../../domain/reminders';
import { personalZone } from '../../domain/people';
import { addMinutes, localToUtc, outsideQuietHours, toUtcIso, type JobRequest } from '../../domain/shared/schedule';
import { retryOnConflict } from '../shared/retryOnConflict';
import { MeetingAccess, defaultMeetingRules, type MeetingChange, type MeetingRules, type MeetingServiceDeps, type NewMeeting } from './access';
import { attendanceJob, memberJobs, notifyJob } from './meetingJobs';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A group's meetings: the leader schedules, moves and cancels them and records who came; participants
 * answer whether they come. Every change plans the durable jobs that speak for the bot later:
 * `notify` (participants are told of a new, moved or cancelled meeting), `remind` (per preference
 * offset) and `reflect` (after the meeting).
 *
 * Participants are told through `notify` jobs rather than by sending here: the leader's turn returns at
 * once instead of waiting on four sends with connector retries, a failed send is retried with backoff,
 * a crash half-way does not leave half the group uninformed, and quiet hours apply like for reminders.
 */
export class MeetingPlanning extends MeetingAccess {
  constructor(
    deps: MeetingServiceDeps,
    clock: Clock,
    private readonly rules: MeetingRules = defaultMeetingRules,
    private readonly newId: () => string = randomUUID,
  ) {
    super(deps, clock);
  }

  async scheduleMeeting(actorId: string, groupId: string, input: NewMeeting): Promise<Meeting> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    const { startsAt, endsAt } = this.validTimes(group, input.start, input.durationMinutes, now);
    const title = input.title.trim();
    const place = input.place.trim();
    if (title.length < 1 || title.length > 100 || place.length > 200) throw new DomainError('INVALID_INPUT');
    if (input.requestId !== undefined && !uuidPattern.test(input.requestId)) throw new DomainError('INVALID_INPUT');
    const at = toUtcIso(now);
    let meeting: Meeting;
    try {
      meeting = await this.deps.meetings.create({
        id: this.deps.meetings.idFor(input.requestId ?? this.newId()),
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
      const existing = input.requestId ? await this.deps.meetings.get(groupId, this.deps.meetings.idFor(input.requestId)) : undefined;
      if (!isDomainError(e, 'CONFLICT') || !existing) throw e;
      meeting = existing;
    }
    if (meeting.status === 'scheduled') await this.planMeeting(group, meeting, () => 'scheduled');
    return meeting;
  }

  async moveMeeting(actorId: string, groupId: string, meetingId: string, change: MeetingChange): Promise<Meeting> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    return retryOnConflict(async () => {
      const meeting = await this.scheduled(groupId, meetingId);
      const duration = change.durationMinutes ?? (Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000;
      const { startsAt, endsAt } = this.validTimes(group, change.start, duration, now);
      const place = change.place?.trim() ?? meeting.place;
      if (place.length > 200) throw new DomainError('INVALID_INPUT');
      // The same move again (a retry after a failure half-way): plan what the first one may have missed.
      const repeated = startsAt === meeting.startsAt && endsAt === meeting.endsAt && place === meeting.place;
      if (repeated && meeting.revision === 1) return meeting;
      const moved = repeated
        ? meeting
        : await this.deps.meetings.replace({
            ...meeting,
            startsAt,
            endsAt,
            place,
            revision: meeting.revision + 1,
            previousStartsAt: meeting.startsAt,
            updatedAt: toUtcIso(now),
          });
      // A move is done once every job of the new revision is planned; planning is idempotent per job id.
      await this.deps.jobs.cancelPending(
        { meetingId, kinds: [meetingJobKinds.remind, meetingJobKinds.reflect, meetingJobKinds.attendance], beforeRevision: moved.revision },
        'meeting_moved',
        now,
      );
      // Someone who never heard of the meeting gets it as a new one: "moved from …" would name a time they never knew.
      const knew = await this.whoKnew(groupId, meetingId, { revision: moved.revision, at: moved.updatedAt });
      await this.planMeeting(group, moved, (userId) => (knew.has(userId) ? 'moved' : 'scheduled'), moved.previousStartsAt);
      return moved;
    });
  }

  /**
   * Idempotent: cancelling again re-plans the same notices. Only those who knew of the meeting are told
   * (a notice or reminder of it reached them, or they answered whether they come): for the others there
   * is nothing to take back. `told` and `notTold` count the participants, so the leader hears the truth.
   */
  async cancelMeeting(actorId: string, groupId: string, meetingId: string): Promise<{ meeting: Meeting; told: number; notTold: number }> {
    const group = await this.groupLedBy(actorId, groupId);
    const now = this.clock.now();
    const cancelled = await retryOnConflict(async () => {
      const meeting = await this.deps.meetings.get(groupId, meetingId);
      if (!meeting) throw new DomainError('MEETING_NOT_FOUND');
      if (meeting.status === 'cancelled') return meeting;
      const at = toUtcIso(now);
      return this.deps.meetings.replace({ ...meeting, status: 'cancelled', cancelledAt: at, updatedAt: at });
    });
    // Pending notices of scheduling or moving stay: their handler skips them once the meeting is cancelled,
    // and the notices of this cancellation (planned again by a repeated call) must not be cancelled.
    await this.deps.jobs.cancelPending(
      { meetingId, kinds: [meetingJobKinds.remind, meetingJobKinds.reflect, meetingJobKinds.attendance] },
      'meeting_cancelled',
      now,
    );
    const knew = await this.whoKnew(groupId, meetingId);
    const toTell = group.members.filter((m) => knew.has(m.userId));
    await Promise.all(toTell.map((m) => this.deps.jobs.plan(notifyJob(cancelled, m.userId, 'cancelled', now), now)));
    return { meeting: cancelled, told: toTell.length, notTold: group.members.length - toTell.length };
  }

  /**
   * Who has heard of the meeting: a notice or reminder of it was sent to them, or they answered whether
   * they come — with `before`, only of revisions before it and answers before it was made.
   */
  private async whoKnew(groupId: string, meetingId: string, before?: { revision: number; at: string }): Promise<Set<string>> {
    const [sent, rsvps] = await Promise.all([this.deps.jobs.listFinished(groupId, { meetingId, statuses: ['sent'] }), this.deps.meetings.listRsvps(groupId, meetingId)]);
    const earlier = (j: { payload: Record<string, unknown> }) => !before || (typeof j.payload.revision === 'number' && j.payload.revision < before.revision);
    const spoke = sent.filter((j) => (j.kind === meetingJobKinds.notify || j.kind === meetingJobKinds.remind) && earlier(j)).flatMap((j) => (j.userId ? [j.userId] : []));
    const answered = rsvps.filter((r) => !before || r.answeredAt <= before.at).map((r) => r.userId);
    return new Set([...spoke, ...answered]);
  }

  /**
   * "Remind me again in N minutes" on a reminder the person received (the card carries the job id).
   * Repeating the same click finds the same job; the snoozed reminder also keeps out of quiet hours.
   */
  async snoozeReminder(actorId: string, groupId: string, jobId: string, minutes: number): Promise<{ jobId: string; dueAt: string; zone: string }> {
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) throw new DomainError('INVALID_INPUT');
    const reminder = await this.deps.jobs.getFinished(groupId, jobId);
    if (!reminder || reminder.kind !== meetingJobKinds.remind || reminder.userId !== actorId || reminder.status !== 'sent') {
      throw new DomainError('REMINDER_NOT_FOUND');
    }
    const payload = remindPayloadSchema.parse(reminder.payload);
    const meeting = await this.scheduled(groupId, payload.meetingId);
    const now = this.clock.now();
    if (meeting.revision !== payload.revision) throw new DomainError('REMINDER_NOT_FOUND');
    if (toUtcIso(now) >= meeting.startsAt) throw new DomainError('MEETING_IN_PAST');
    const group = await this.group(groupId);
    const { zone, prefs } = await this.recipient(group, actorId);
    const snoozes = payload.snoozes + 1;
    const job: JobRequest = {
      id: snoozedRemindJobId(meeting.id, actorId, meeting.revision, snoozes),
      kind: meetingJobKinds.remind,
      ...outsideQuietHours(addMinutes(now, minutes), zone, prefs.quietHours),
      groupId,
      meetingId: meeting.id,
      userId: actorId,
      payload: { meetingId: meeting.id, revision: meeting.revision, meetingStartsAt: meeting.startsAt, snoozes } satisfies RemindPayload,
    };
    await this.deps.jobs.plan(job, now);
    // The zone the reminder keeps quiet hours in is the one to tell its time in.
    return { jobId: job.id, dueAt: job.dueAt, zone };
  }

  /**
   * Plans one member's reminders and reflection prompts for every upcoming meeting of the group: after
   * they join, change reminder preferences or time zone. Idempotent; jobs for offsets no longer wanted
   * stay pending and their handler skips them (`prefs_changed`), so switching back needs no resurrection.
   */
  async replanMember(groupId: string, userId: string): Promise<void> {
    const group = await this.group(groupId);
    if (!isMember(group, userId)) return;
    const now = this.clock.now();
    for (const meeting of await this.deps.meetings.listUpcoming(groupId, toUtcIso(now))) {
      await this.planMember(group, meeting, userId, now);
    }
  }

  // ---- planning -----------------------------------------------------------------------------------

  /** Each member's notice (`eventOf` them), reminders and prompt, and the leader's roster. */
  private async planMeeting(group: Group, meeting: Meeting, eventOf: (userId: string) => MeetingEvent, previousStartsAt?: string): Promise<void> {
    const now = this.clock.now();
    await Promise.all([
      ...group.members.map(async ({ userId }) => {
        const event = eventOf(userId);
        await this.deps.jobs.plan(notifyJob(meeting, userId, event, now, event === 'moved' ? previousStartsAt : undefined), now);
        await this.planMember(group, meeting, userId, now);
      }),
      this.deps.jobs.plan(attendanceJob(meeting, group.leaderId), now),
    ]);
  }

  private async planMember(group: Group, meeting: Meeting, userId: string, now: Date): Promise<void> {
    const recipient = await this.recipient(group, userId);
    for (const job of memberJobs(group, meeting, userId, recipient, this.rules, now)) await this.deps.jobs.plan(job, now);
  }

  private async recipient(group: Group, userId: string): Promise<{ zone: string; prefs: EffectiveReminderPrefs }> {
    const [user, stored] = await Promise.all([this.deps.users.get(userId), this.deps.prefs.get(userId)]);
    return { zone: personalZone(user, group.timeZone), prefs: effectivePrefs(stored) };
  }

  // ---- checks -------------------------------------------------------------------------------------

  private validTimes(group: Group, start: string, durationMinutes: number, now: Date): { startsAt: string; endsAt: string } {
    if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > 24 * 60) throw new DomainError('INVALID_INPUT');
    const startsAt = localToUtc(start, group.timeZone);
    if (!startsAt) throw new DomainError('INVALID_INPUT');
    if (startsAt <= toUtcIso(now)) throw new DomainError('MEETING_IN_PAST');
    return { startsAt, endsAt: addMinutes(startsAt, durationMinutes) };
  }
}
