import { reflectPayloadSchema } from '../../domain/meetings';
import { decideDelivery, meetingMessageRules } from '../../domain/reminders';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, skipped, unlessDelivered, type MeetingJobTools } from './common';

/**
 * `reflect`: after a meeting, invite one participant to reflect on it. The conversation itself belongs
 * to the reflection dialog, reached through the ReflectionPrompter port. Not for someone recorded
 * absent, who said they would not come (and was not recorded present), or who is paused.
 */
export const reflectHandler =
  ({ delivery, prompter }: MeetingJobTools): JobHandler =>
  async (job, { now }) => {
    const payload = reflectPayloadSchema.parse(job.payload);
    if (!job.userId) return skipped('not_in_group');
    const ctx = await delivery.load(job.groupId, payload.meetingId, job.userId);
    if (!ctx) return skipped('meeting_not_found');
    const facts = delivery.facts(ctx, job.userId, now, { revision: payload.revision, endsAt: payload.meetingEndsAt });
    const notNow = unlessDelivered(decideDelivery(facts, meetingMessageRules.reflection()));
    if (notNow) return notNow;

    return fromSendOutcome(await prompter.prompt({ group: ctx.group, meeting: ctx.meeting, userId: job.userId, locale: ctx.recipient.locale }));
  };
