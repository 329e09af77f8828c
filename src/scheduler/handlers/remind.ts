import { isPaused, remindPayloadSchema } from '../../domain/reminders';
import type { JobHandler } from '../jobs';
import { isResult, loadRecipient, loadJob, nowIso, quietHoursDeferral, sendToPerson, skipped, type SessionJobDeps } from './common';

/**
 * `remind`: a session reminder to one participant. Before sending it checks that the job still makes
 * sense — the session still scheduled at the time it was planned for and not begun, the person still in
 * the group, not paused, reminders on and this offset still wanted, not answered "no" — and keeps out of
 * quiet hours. Each check that fails is recorded as the reason it was skipped.
 */
export const remindHandler =
  (deps: SessionJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, remindPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, session, group, userId } = loaded;
    if (session.status === 'cancelled') return skipped('session_cancelled');
    if (session.revision !== payload.revision || session.startsAt !== payload.sessionStartsAt) return skipped('session_moved');
    if (nowIso(now) >= session.startsAt) return skipped('session_started');

    const [recipient, pause, rsvp] = await Promise.all([
      loadRecipient(deps, group, userId),
      deps.pauses.current(userId),
      deps.sessions.getRsvp(group.groupId, session.id, userId),
    ]);
    if (isPaused(pause, now)) return skipped('paused');
    if (!recipient.prefs.enabled) return skipped('reminders_off');
    if (payload.offsetMinutes !== undefined && !recipient.prefs.offsetsMinutes.includes(payload.offsetMinutes)) {
      return skipped('prefs_changed');
    }
    if (rsvp?.answer === 'no') return skipped('rsvp_no');
    const quiet = quietHoursDeferral(now, recipient, session.startsAt, skipped('quiet_hours'));
    if (quiet) return quiet;

    const message = deps.renderer.render({
      kind: 'reminder',
      locale: recipient.locale,
      timeZone: recipient.zone,
      session,
      group,
      recipientId: userId,
      jobId: job.id,
      ...(payload.offsetMinutes !== undefined ? { offsetMinutes: payload.offsetMinutes } : {}),
    });
    return sendToPerson(deps, userId, message);
  };
