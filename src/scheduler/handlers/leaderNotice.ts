import { leaderNoticePayloadSchema, leads } from '../../domain/groups';
import type { GroupRepository, LeaderNoticeRenderer } from '../../services/groups';
import type { MeetingDeliveryService } from '../../services/meetings';
import type { UserRepository } from '../../services/people';
import type { JobHandler } from '../jobs';
import { fromSendOutcome, skipped, type MeetingJobDeps } from './common';

/** The group notices reach the leader through the meeting delivery service; the group and the member's profile are read beside it. */
export type GroupJobDeps = MeetingJobDeps & {
  groups: GroupRepository;
  users: UserRepository;
  noticeRenderer: LeaderNoticeRenderer;
};

export interface GroupJobTools {
  delivery: MeetingDeliveryService;
  groups: GroupRepository;
  users: UserRepository;
  noticeRenderer: LeaderNoticeRenderer;
  defaultLocale: MeetingJobDeps['defaultLocale'];
}

/**
 * `leaderNotice`: tells a group's leader that someone joined or left, by the same path as every
 * proactive message (retries with backoff, unreachable recorded), so the person who joined never waits
 * for it. Unlike reminders it does not wait for quiet hours: it is the leader's work news, sent as it
 * happens, as it always was. The name is read now: someone who has since asked to be forgotten stays unnamed.
 */
export const leaderNoticeHandler =
  ({ delivery, groups, users, noticeRenderer, defaultLocale }: GroupJobTools): JobHandler =>
  async (job) => {
    const payload = leaderNoticePayloadSchema.parse(job.payload);
    const group = await groups.get(job.groupId);
    if (!group) return skipped('group_not_found');
    if (!job.userId || !leads(group, job.userId)) return skipped('not_group_leader');
    const member = group.members.find((m) => m.userId === payload.memberId);
    if (payload.event === 'joined' && !member) return skipped('superseded');
    const [leader, profile] = await Promise.all([delivery.loadPerson(group.leaderId), users.get(payload.memberId)]);
    const locale = leader.user?.locale ?? group.locale ?? defaultLocale;
    const memberName = member?.displayName || (profile?.consent?.given ? profile.displayName : undefined);
    const message = noticeRenderer.render({ event: payload.event, locale, group, memberName, count: payload.count });
    return fromSendOutcome(await delivery.sendToPerson(leader, group.leaderId, message));
  };
