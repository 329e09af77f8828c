import type { Group } from '../../domain/groups';
import { addMinutes, toUtcIso } from '../../domain/shared/schedule';
import { activityJobKinds, announceJobId, closeJobId, defaultActivitySettings, nudgeJobId, resultJobId, type VoteRound } from '../../domain/activities';
import type { ConversationRefRepository } from '../people';
import type { JobQueue } from '../shared/ports';
import { participantIds } from './access';
import type { ActivityStore } from './ports';

/** Who hears of a round: the linked group chats if the group has any, else every member and the leader personally. */
const recipientsOf = (group: Group) => (group.linkedChatIds.length > 0 ? group.linkedChatIds.map((c) => `chat:${c}`) : [...participantIds(group), group.leaderId]);

/** The announcements now, a nudge per participant before the deadline, and the close at the deadline. */
export async function planRoundJobs(deps: { store: ActivityStore; jobs: JobQueue }, group: Group, round: VoteRound, now: Date) {
  const jobs = deps.jobs;
  const settings = (await deps.store.getSettings(group.groupId)) ?? defaultActivitySettings(group.groupId, toUtcIso(now));
  const base = { groupId: group.groupId, payload: { roundId: round.id } };
  const at = toUtcIso(now);
  const recipients = recipientsOf(group);
  for (const r of recipients) {
    await jobs.plan({ ...base, id: announceJobId(group.groupId, round.id, r), kind: activityJobKinds.announce, dueAt: at, userId: r }, now);
  }
  const nudgeAt = addMinutes(round.deadline, -settings.nudgeHoursBefore * 60);
  if (nudgeAt > at) {
    for (const p of participantIds(group)) {
      await jobs.plan({ ...base, id: nudgeJobId(group.groupId, round.id, p), kind: activityJobKinds.nudge, dueAt: nudgeAt, userId: p }, now);
    }
  }
  await jobs.plan({ ...base, id: closeJobId(group.groupId, round.id), kind: activityJobKinds.close, dueAt: round.deadline }, now);
}

/** The result to everyone (or the linked chats), and always to the leader, who settles a tie. */
export async function planResult(jobs: JobQueue, group: Group, round: VoteRound, now: Date) {
  const recipients = recipientsOf(group);
  // A tie is the leader's to settle: the leader always hears of it in their own chat.
  if (group.linkedChatIds.length > 0) recipients.push(group.leaderId);
  for (const r of recipients) {
    await jobs.plan(
      {
        id: resultJobId(group.groupId, round.id, r, round.revision),
        kind: activityJobKinds.result,
        dueAt: toUtcIso(now),
        groupId: group.groupId,
        userId: r,
        payload: { roundId: round.id, revision: round.revision },
      },
      now,
    );
  }
}

/** The Teams ids (from each person's own chat with the bot) whose clients fetch their own view of a shared card. */
export async function teamsUserIds(refs: ConversationRefRepository, group: Group): Promise<string[]> {
  const people = [...participantIds(group), group.leaderId];
  const ids = await Promise.all(
    people.map(async (userId) => {
      const own = (await refs.listForOwner(userId)).filter((r) => r.userId === userId && r.conversationType === 'personal');
      return own[0]?.reference.user?.id ?? userId.slice(userId.indexOf(':') + 1);
    }),
  );
  return [...new Set(ids)];
}
