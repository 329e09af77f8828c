import { notifyPayloadSchema } from '../../domain/meetings';
import type { SessionMessageKind } from '../../services/meetings';
import type { JobHandler } from '../jobs';
import { isResult, loadRecipient, loadJob, nowIso, quietHoursDeferral, sendToPerson, skipped, type SessionJobDeps } from './common';

const messageKind: Record<'scheduled' | 'moved' | 'cancelled', SessionMessageKind> = {
  scheduled: 'session_scheduled',
  moved: 'session_moved',
  cancelled: 'session_cancelled',
};

/**
 * `notify`: tells one participant that a session was scheduled, moved or cancelled. A notice that a
 * later change made stale (moved again, then cancelled) is skipped as `superseded`; the later notice
 * says it all. Pauses do not hold these back: they are news, not reminders. Quiet hours do, unless
 * waiting would pass the session's start.
 */
export const notifyHandler =
  (deps: SessionJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, notifyPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, session, group, userId } = loaded;
    if (payload.event !== 'cancelled') {
      if (session.status === 'cancelled' || session.revision !== payload.revision) return skipped('superseded');
      if (nowIso(now) >= session.startsAt) return skipped('session_started');
    }

    const recipient = await loadRecipient(deps, group, userId);
    const starts = [session.startsAt, payload.previousStartsAt].filter((s): s is string => !!s).sort();
    const quiet = quietHoursDeferral(now, recipient, starts[0], 'send_now');
    if (quiet) return quiet;

    const message = deps.renderer.render({
      kind: messageKind[payload.event],
      locale: recipient.locale,
      timeZone: recipient.zone,
      session,
      group,
      recipientId: userId,
      jobId: job.id,
      ...(payload.previousStartsAt ? { previousStartsAt: payload.previousStartsAt } : {}),
    });
    return sendToPerson(deps, userId, message);
  };
