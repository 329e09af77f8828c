import { isPaused } from '../../domain/reminders';
import { reflectPayloadSchema } from '../../domain/meetings';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, isResult, loadRecipient, loadJob, quietHoursDeferral, skipped, type SessionJobDeps } from './common';

/**
 * `reflect`: after a session, invite one participant to reflect on it. The conversation itself belongs
 * to the reflection dialog, reached through the ReflectionPrompter port. Not for someone recorded
 * absent, who said they would not come (and was not recorded present), or who is paused.
 */
export const reflectHandler =
  (deps: SessionJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, reflectPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, session, group, userId } = loaded;
    if (session.status === 'cancelled') return skipped('session_cancelled');
    if (session.revision !== payload.revision || session.endsAt !== payload.sessionEndsAt) return skipped('session_moved');

    const [recipient, pause, rsvp, attendance] = await Promise.all([
      loadRecipient(deps, group, userId),
      deps.pauses.current(userId),
      deps.sessions.getRsvp(group.groupId, session.id, userId),
      deps.sessions.getAttendance(group.groupId, session.id, userId),
    ]);
    if (attendance?.status === 'absent') return skipped('absent');
    if (!attendance && rsvp?.answer === 'no') return skipped('rsvp_no');
    if (isPaused(pause, now)) return skipped('paused');
    const quiet = quietHoursDeferral(now, recipient, undefined, 'send_now');
    if (quiet) return quiet;

    return fromSendOutcome(await deps.prompter.prompt({ group, session, userId, locale: recipient.locale }));
  };
