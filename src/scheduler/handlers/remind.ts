import { decideDelivery, meetingMessageRules, remindPayloadSchema } from '../../domain/reminders';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, skipped, unlessDelivered, type MeetingJobTools } from './common';

/**
 * `remind`: a meeting reminder to one participant, if the delivery policy says it still makes sense —
 * the meeting still at the time it was planned for and not begun, the person still in the group, not
 * paused, reminders on and this offset still wanted, not answered "no" — and not in quiet hours. Each
 * rule that fails is recorded as the reason it was skipped.
 */
export const remindHandler =
  ({ delivery, renderer }: MeetingJobTools): JobHandler =>
  async (job, { now }) => {
    const payload = remindPayloadSchema.parse(job.payload);
    if (!job.userId) return skipped('not_in_group');
    const ctx = await delivery.load(job.groupId, payload.meetingId, job.userId);
    if (!ctx) return skipped('meeting_not_found');
    const facts = delivery.facts(ctx, job.userId, now, { revision: payload.revision, startsAt: payload.meetingStartsAt }, { offsetMinutes: payload.offsetMinutes });
    const notNow = unlessDelivered(decideDelivery(facts, meetingMessageRules.reminder(ctx.meeting.startsAt)));
    if (notNow) return notNow;

    const message = renderer.render({
      kind: 'reminder',
      locale: ctx.recipient.locale,
      timeZone: ctx.recipient.zone,
      meeting: ctx.meeting,
      group: ctx.group,
      recipientId: job.userId,
      jobId: job.id,
      ...(payload.offsetMinutes !== undefined ? { offsetMinutes: payload.offsetMinutes } : {}),
    });
    return fromSendOutcome(await delivery.sendToPerson(ctx, job.userId, message));
  };
