import { leaderNoticePayloadSchema } from '../../domain/groups';
import type { LeaderNoticeRenderer } from '../../services/groups';
import type { JobHandler } from '../jobs';
import { loadRecipient, sendToPerson, skipped, type MeetingJobDeps } from './common';

export type GroupJobDeps = Pick<MeetingJobDeps, 'groups' | 'users' | 'prefs' | 'refs' | 'messenger' | 'defaultLocale'> & {
  noticeRenderer: LeaderNoticeRenderer;
};

/**
 * `leaderNotice`: tells a group's leader that someone joined or left, by the same path as every
 * proactive message (retries with backoff, unreachable recorded), so the person who joined never waits
 * for it. Unlike reminders it does not wait for quiet hours: it is the leader's work news, sent as it
 * happens, as it always was. The name is read now: someone who has since asked to be forgotten stays unnamed.
 */
export const leaderNoticeHandler =
  (deps: GroupJobDeps): JobHandler =>
  async (job) => {
    const payload = leaderNoticePayloadSchema.parse(job.payload);
    const group = await deps.groups.get(job.groupId);
    if (!group) return skipped('group_not_found');
    if (!job.userId || group.leaderId !== job.userId) return skipped('not_group_leader');
    const member = group.members.find((m) => m.userId === payload.memberId);
    if (payload.event === 'joined' && !member) return skipped('superseded');
    const [recipient, profile] = await Promise.all([loadRecipient(deps, group, group.leaderId), deps.users.get(payload.memberId)]);
    const memberName = member?.displayName || (profile?.consent?.given ? profile.displayName : undefined);
    return sendToPerson(deps, group.leaderId, deps.noticeRenderer.render({ event: payload.event, locale: recipient.locale, group, memberName, count: payload.count }));
  };
