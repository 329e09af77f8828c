import { notifyPayloadSchema } from '../../domain/meetings';
import type { MeetingMessageKind } from '../../services/meetings';
import type { JobHandler } from '../jobs';
import { isResult, loadRecipient, loadJob, nowIso, sendToPerson, skipped, type MeetingJobDeps } from './common';

const messageKind: Record<'scheduled' | 'moved' | 'cancelled', MeetingMessageKind> = {
  scheduled: 'meeting_scheduled',
  moved: 'meeting_moved',
  cancelled: 'meeting_cancelled',
};

/**
 * `notify`: tells one participant that a meeting was scheduled, moved or cancelled. A notice that a
 * later change made stale (moved again, then cancelled) is skipped as `superseded`; the later notice
 * says it all. Neither pauses nor quiet hours hold these back: they are news the person plans around,
 * and the leader is told "I'll let them know" (README, Decisions). Quiet hours are for reminders and reflections.
 */
export const notifyHandler =
  (deps: MeetingJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadJob(deps, job, notifyPayloadSchema);
    if (isResult(loaded)) return loaded;
    const { payload, meeting, group, userId } = loaded;
    if (payload.event !== 'cancelled') {
      if (meeting.status === 'cancelled' || meeting.revision !== payload.revision) return skipped('superseded');
      if (nowIso(now) >= meeting.startsAt) return skipped('meeting_started');
    }

    const recipient = await loadRecipient(deps, group, userId);

    const message = deps.renderer.render({
      kind: messageKind[payload.event],
      locale: recipient.locale,
      timeZone: recipient.zone,
      meeting,
      group,
      recipientId: userId,
      jobId: job.id,
      ...(payload.previousStartsAt ? { previousStartsAt: payload.previousStartsAt } : {}),
    });
    return sendToPerson(deps, userId, message);
  };
