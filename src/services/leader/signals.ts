import type { Group } from '../../domain/groups';
import { tally } from '../../domain/activities';
import type { Observation } from '../../domain/leader';
import { meetingJobKinds } from '../../domain/meetings';
import type { ActivityStore } from '../activities';
import type { MeetingRepository } from '../meetings';
import { findPersonalConversation, type ConversationRefRepository } from '../people';
import type { JobQueue } from '../shared/ports';
import type { SignalSource } from './ports';

/**
 * Meetings that ended in the window: for each member, whether they were marked present or absent
 * (or not marked), whether they answered before it began, and how many reminders of it reached them.
 */
export class MeetingSignals implements SignalSource {
  constructor(private readonly deps: { meetings: MeetingRepository; jobs: JobQueue }) {}

  async collect(group: Group, window: { from: string; to: string }): Promise<Observation[]> {
    const ended = await this.deps.meetings.listEnded(group.groupId, window.from, window.to);
    const perMeeting = await Promise.all(
      ended.map(async (meeting) => {
        const [attendance, rsvps, sent] = await Promise.all([
          this.deps.meetings.listAttendance(group.groupId, meeting.id),
          this.deps.meetings.listRsvps(group.groupId, meeting.id),
          this.deps.jobs.listFinished(group.groupId, { meetingId: meeting.id, statuses: ['sent'] }),
        ]);
        return group.members.map(({ userId }): Observation => ({
          userId,
          signal: 'meeting',
          at: meeting.startsAt,
          attendance: attendance.find((a) => a.userId === userId)?.status ?? 'unmarked',
          answered: rsvps.some((r) => r.userId === userId && r.answeredAt < meeting.startsAt),
          remindersSent: sent.filter((j) => j.kind === meetingJobKinds.remind && j.userId === userId).length,
        }));
      }),
    );
    return perMeeting.flat();
  }
}

/** Members the bot cannot reach in their personal chat now (removed the bot, or never opened it). */
export class ReachabilitySignals implements SignalSource {
  constructor(private readonly refs: ConversationRefRepository) {}

  async collect(group: Group, window: { from: string; to: string }): Promise<Observation[]> {
    const targets = await Promise.all(group.members.map(async ({ userId }) => ({ userId, target: await findPersonalConversation(this.refs, userId) })));
    return targets.filter(({ target }) => 'unreachable' in target).map(({ userId }): Observation => ({ userId, signal: 'unreachable', at: window.to }));
  }
}

/** Vote rounds that closed in the window: for each member who was in the group when it opened, whether they voted. */
export class VoteSignals implements SignalSource {
  constructor(private readonly store: Pick<ActivityStore, 'listRounds' | 'listVotes'>) {}

  async collect(group: Group, window: { from: string; to: string }): Promise<Observation[]> {
    const closed = (await this.store.listRounds(group.groupId)).filter((r) => r.status === 'closed' && r.closedAt && r.closedAt >= window.from && r.closedAt < window.to);
    const perRound = await Promise.all(
      closed.map(async (round) => {
        // The ballot's own rule: a tick taken back is no vote; "none of these" is one.
        const voters = new Set(tally(round, await this.store.listVotes(group.groupId, round.id), group.members.map((m) => m.userId)).voters);
        return group.members.map((m): Observation => ({ userId: m.userId, signal: 'vote', at: round.openedAt, voted: voters.has(m.userId) }));
      }),
    );
    return perRound.flat();
  }
}
