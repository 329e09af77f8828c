import { isPaused, remindPayloadSchema } from '../../domain/reminders';
import type { JobHandler } from '../jobs';
import { isResult, loadRecipient, loadJob, nowIso, quietHoursDeferral, sendToPerson, skipped, type MeetingJobDeps } from './common';

/**
 * `remind`: a meeting reminder to one participant. Before sending it checks that the job still makes
 * sense — the meeting still scheduled at the time it was planned for and not begun, the person still in
 * the group, not paused, reminders on and this offset still wanted, not answered "no" — and keeps out of
 * quiet hours. Each check that fails is recorded as the reason it was skipped.
 */
export const remindHandler =
  (deps: MeetingJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, remindPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, meeting, group, userId } = loaded;
    if (meeting.status === 'cancelled') return skipped('meeting_cancelled');
    if (meeting.revision !== payload.revision || meeting.startsAt !== payload.meetingStartsAt) return skipped('meeting_moved');
    if (nowIso(now) >= meeting.startsAt) return skipped('meeting_started');

    const [recipient, pause, rsvp] = await Promise.all([
      loadRecipient(deps, group, userId),
      deps.pauses.current(userId),
      deps.meetings.getRsvp(group.groupId, meeting.id, userId),
    ]);
    if (isPaused(pause, now)) return skipped('paused');
    if (!recipient.prefs.enabled) return skipped('reminders_off');
    if (payload.offsetMinutes !== undefined && !recipient.prefs.offsetsMinutes.includes(payload.offsetMinutes)) {
      return skipped('prefs_changed');
    }
    if (rsvp?.answer === 'no') return skipped('rsvp_no');
    const quiet = quietHoursDeferral(now, recipient, meeting.startsAt, skipped('quiet_hours'));
    if (quiet) return quiet;

    const message = deps.renderer.render({
      kind: 'reminder',
      locale: recipient.locale,
      timeZone: recipient.zone,
      meeting,
      group,
      recipientId: userId,
      jobId: job.id,
      ...(payload.offsetMinutes !== undefined ? { offsetMinutes: payload.offsetMinutes } : {}),
    });
    return sendToPerson(deps, userId, message);
  };
