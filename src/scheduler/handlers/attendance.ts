import { attendancePayloadSchema } from '../../domain/meetings';
import type { JobHandler } from '../jobs';
import { loadRecipient, quietHoursDeferral, sendToPerson, skipped, type MeetingJobDeps } from './common';
import { leads } from '../../domain/groups';

/**
 * `attendance`: as a meeting ends, the group's leader gets the roster card to mark who came. Skipped
 * when the meeting was cancelled or moved (the new revision has its own job), or the group has a new
 * leader; quiet hours hold it until morning.
 */
export const attendanceHandler =
  (deps: MeetingJobDeps): JobHandler =>
  async (job, { now }) => {
    const payload = attendancePayloadSchema.parse(job.payload);
    const [meeting, group] = await Promise.all([deps.meetings.get(job.groupId, payload.meetingId), deps.groups.get(job.groupId)]);
    if (!meeting || !group) return skipped('meeting_not_found');
    if (!job.userId || !leads(group, job.userId)) return skipped('not_group_leader');
    if (meeting.status === 'cancelled') return skipped('meeting_cancelled');
    if (meeting.revision !== payload.revision || meeting.endsAt !== payload.meetingEndsAt) return skipped('meeting_moved');
    if (group.members.length === 0) return skipped('no_members');

    const [recipient, attendance] = await Promise.all([
      loadRecipient(deps, group, job.userId),
      deps.meetings.listAttendance(group.groupId, meeting.id),
    ]);
    const quiet = quietHoursDeferral(now, recipient, undefined, 'send_now');
    if (quiet) return quiet;

    const message = deps.renderer.render({
      kind: 'attendance_roster',
      locale: recipient.locale,
      timeZone: group.timeZone,
      meeting,
      group,
      recipientId: job.userId,
      jobId: job.id,
      attendance,
    });
    return sendToPerson(deps, job.userId, message);
  };
