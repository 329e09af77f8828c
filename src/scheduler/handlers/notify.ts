import { notifyPayloadSchema } from '../../domain/meetings';
import { decideDelivery, meetingMessageRules } from '../../domain/reminders';
import type { MeetingMessageKind } from '../../services/meetings';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, skipped, unlessDelivered, type MeetingJobTools } from './common';

const messageKind: Record<'scheduled' | 'moved' | 'cancelled', MeetingMessageKind> = {
  scheduled: 'meeting_scheduled',
  moved: 'meeting_moved',
  cancelled: 'meeting_cancelled',
};

/**
 * `notify`: tells one participant that a meeting was scheduled, moved or cancelled. A notice that a
 * later change made stale (moved again, then cancelled) is skipped as `superseded`; the later notice
 * says it all. Pauses do not hold these back: they are news, not reminders. Quiet hours do, unless
 * waiting would pass the meeting's start.
 */
export const notifyHandler =
  ({ delivery, renderer }: MeetingJobTools): JobHandler =>
  async (job, { now }) => {
    const payload = notifyPayloadSchema.parse(job.payload);
    if (!job.userId) return skipped('not_in_group');
    const ctx = await delivery.load(job.groupId, payload.meetingId, job.userId);
    if (!ctx) return skipped('meeting_not_found');
    const facts = delivery.facts(ctx, job.userId, now, { revision: payload.revision });
    const notNow = unlessDelivered(decideDelivery(facts, meetingMessageRules.notice(payload.event)));
    if (notNow) return notNow;

    const message = renderer.render({
      kind: messageKind[payload.event],
      locale: ctx.recipient.locale,
      timeZone: ctx.recipient.zone,
      meeting: ctx.meeting,
      group: ctx.group,
      recipientId: job.userId,
      jobId: job.id,
      ...(payload.previousStartsAt ? { previousStartsAt: payload.previousStartsAt } : {}),
    });
    return fromSendOutcome(await delivery.sendToPerson(ctx, job.userId, message));
  };
