import { attendancePayloadSchema } from '../../domain/meetings';
import type { JobHandler } from '../jobs';
import { loadRecipient, quietHoursDeferral, sendToPerson, skipped, type SessionJobDeps } from './common';

/**
 * `attendance`: as a session ends, the group's leader gets the roster card to mark who came. Skipped
 * when the session was cancelled or moved (the new revision has its own job), or the group has a new
 * leader; quiet hours hold it until morning.
 */
export const attendanceHandler =
  (deps: SessionJobDeps): JobHandler =>
  async (job, { now }) => {
    const payload = attendancePayloadSchema.parse(job.payload);
    const [session, group] = await Promise.all([deps.sessions.get(job.groupId, payload.sessionId), deps.groups.get(job.groupId)]);
    if (!session || !group) return skipped('session_not_found');
    if (!job.userId || group.leaderId !== job.userId) return skipped('not_group_leader');
    if (session.status === 'cancelled') return skipped('session_cancelled');
    if (session.revision !== payload.revision || session.endsAt !== payload.sessionEndsAt) return skipped('session_moved');
    if (group.members.length === 0) return skipped('no_members');

    const [recipient, attendance] = await Promise.all([
      loadRecipient(deps, group, job.userId),
      deps.sessions.listAttendance(group.groupId, session.id),
    ]);
    const quiet = quietHoursDeferral(now, recipient, undefined, 'send_now');
    if (quiet) return quiet;

    const message = deps.renderer.render({
      kind: 'attendance_roster',
      locale: recipient.locale,
      timeZone: group.timeZone,
      session,
      group,
      recipientId: job.userId,
      jobId: job.id,
      attendance,
    });
    return sendToPerson(deps, job.userId, message);
  };
