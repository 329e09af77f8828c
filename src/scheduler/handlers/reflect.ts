import { isPaused } from '../../domain/reminders';
import { reflectPayloadSchema } from '../../domain/meetings';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, isResult, loadRecipient, loadJob, quietHoursDeferral, skipped, type MeetingJobDeps } from './common';

/**
 * `reflect`: after a meeting, invite one participant to reflect on it. The conversation itself belongs
 * to the reflection dialog, reached through the ReflectionPrompter port. Not for someone recorded
 * absent, who said they would not come (and was not recorded present), or who is paused.
 */
export const reflectHandler =
  (deps: MeetingJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, reflectPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, meeting, group, userId } = loaded;
    if (meeting.status === 'cancelled') return skipped('meeting_cancelled');
    if (meeting.revision !== payload.revision || meeting.endsAt !== payload.meetingEndsAt) return skipped('meeting_moved');

    const [recipient, pause, rsvp, attendance] = await Promise.all([
      loadRecipient(deps, group, userId),
      deps.pauses.current(userId),
      deps.meetings.getRsvp(group.groupId, meeting.id, userId),
      deps.meetings.getAttendance(group.groupId, meeting.id, userId),
    ]);
    if (attendance?.status === 'absent') return skipped('absent');
    if (!attendance && rsvp?.answer === 'no') return skipped('rsvp_no');
    if (isPaused(pause, now)) return skipped('paused');
    const quiet = quietHoursDeferral(now, recipient, undefined, 'send_now');
    if (quiet) return quiet;

    return fromSendOutcome(await deps.prompter.prompt({ group, meeting, userId, locale: recipient.locale }));
  };
