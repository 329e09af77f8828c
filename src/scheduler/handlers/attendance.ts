import { attendancePayloadSchema } from '../../domain/meetings';
import { decideDelivery, meetingMessageRules } from '../../domain/reminders';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, skipped, unlessDelivered, type MeetingJobTools } from './common';

/**
 * `attendance`: as a meeting ends, the group's leader gets the roster card to mark who came. Skipped
 * when the meeting was cancelled or moved (the new revision has its own job), or the group has a new
 * leader; quiet hours hold it until morning.
 */
export const attendanceHandler =
  ({ delivery, renderer }: MeetingJobTools): JobHandler =>
  async (job, { now }) => {
    const payload = attendancePayloadSchema.parse(job.payload);
    if (!job.userId) return skipped('not_group_leader');
    const [ctx, attendance] = await Promise.all([
      delivery.load(job.groupId, payload.meetingId, job.userId),
      delivery.listAttendance(job.groupId, payload.meetingId),
    ]);
    if (!ctx) return skipped('meeting_not_found');
    const facts = delivery.facts(ctx, job.userId, now, { revision: payload.revision, endsAt: payload.meetingEndsAt }, { asLeader: true });
    const rules = meetingMessageRules.roster();
    const decision = decideDelivery(facts, rules);
    if (!decision.send && 'skip' in decision) return skipped(decision.skip);
    if (ctx.group.members.length === 0) return skipped('no_members');
    const notNow = unlessDelivered(decision);
    if (notNow) return notNow;

    const message = renderer.render({
      kind: 'attendance_roster',
      locale: ctx.recipient.locale,
      timeZone: ctx.group.timeZone,
      meeting: ctx.meeting,
      group: ctx.group,
      recipientId: job.userId,
      jobId: job.id,
      attendance,
    });
    return fromSendOutcome(await delivery.sendToPerson(ctx, job.userId, message));
  };
