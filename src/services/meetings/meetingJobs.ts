import type { Group } from '../../domain/groups';
import { attendanceJobId, meetingJobKinds, notifyJobId, reflectJobId, type Meeting, type MeetingEvent, type NotifyPayload, type ReflectPayload } from '../../domain/meetings/model';
import { remindJobId, type EffectiveReminderPrefs, type RemindPayload } from '../../domain/reminders';
import { addMinutes, outsideQuietHours, reminderDueAt, toUtcIso, type JobRequest } from '../../domain/shared/schedule';
import type { MeetingRules } from './access';

/**
 * The durable jobs that speak for the bot about one meeting (pure: what to plan, not planning it):
 * the notice of a change, a member's reminders and reflection prompt, the leader's roster.
 */

/** Due now; notices are news, so neither quiet hours nor pauses hold them (src/domain/reminders/delivery.ts). */
export function notifyJob(meeting: Meeting, userId: string, event: MeetingEvent, now: Date, previousStartsAt?: string): JobRequest {
  return {
    id: notifyJobId(meeting.id, userId, event, meeting.revision),
    kind: meetingJobKinds.notify,
    dueAt: toUtcIso(now),
    groupId: meeting.groupId,
    meetingId: meeting.id,
    userId,
    payload: { meetingId: meeting.id, revision: meeting.revision, event, ...(previousStartsAt ? { previousStartsAt } : {}) } satisfies NotifyPayload,
  };
}

/** The roster card reaches the leader as the meeting ends, while who came is fresh in mind. */
export function attendanceJob(meeting: Meeting, leaderId: string): JobRequest {
  return {
    id: attendanceJobId(meeting.id, leaderId, meeting.revision),
    kind: meetingJobKinds.attendance,
    dueAt: meeting.endsAt,
    groupId: meeting.groupId,
    meetingId: meeting.id,
    userId: leaderId,
    payload: { meetingId: meeting.id, revision: meeting.revision, meetingEndsAt: meeting.endsAt } satisfies ReflectPayload,
  };
}

/** A member's reminders still ahead and before the start (after moving them out of quiet hours), and the reflection prompt. */
export function memberJobs(
  group: Group,
  meeting: Meeting,
  userId: string,
  recipient: { zone: string; prefs: EffectiveReminderPrefs },
  rules: MeetingRules,
  now: Date,
): JobRequest[] {
  const { zone, prefs } = recipient;
  const at = toUtcIso(now);
  const base = { groupId: group.groupId, meetingId: meeting.id, userId };
  const jobs: JobRequest[] = [];
  if (prefs.enabled) {
    for (const offsetMinutes of prefs.offsetsMinutes) {
      // Calendar days in the group's zone (where the meeting is), quiet hours in the person's own.
      const due = outsideQuietHours(reminderDueAt(meeting.startsAt, offsetMinutes, group.timeZone), zone, prefs.quietHours);
      if (due.dueAt <= at || due.dueAt >= meeting.startsAt) continue;
      jobs.push({
        ...base,
        id: remindJobId(meeting.id, userId, meeting.revision, offsetMinutes),
        kind: meetingJobKinds.remind,
        ...due,
        payload: { meetingId: meeting.id, revision: meeting.revision, meetingStartsAt: meeting.startsAt, offsetMinutes, snoozes: 0 } satisfies RemindPayload,
      });
    }
  }
  jobs.push({
    ...base,
    id: reflectJobId(meeting.id, userId, meeting.revision),
    kind: meetingJobKinds.reflect,
    ...outsideQuietHours(addMinutes(meeting.endsAt, rules.reflectAfterMinutes), zone, prefs.quietHours),
    payload: { meetingId: meeting.id, revision: meeting.revision, meetingEndsAt: meeting.endsAt } satisfies ReflectPayload,
  });
  return jobs;
}
