import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { addMinutes, localToUtc, toUtcIso } from '../../domain/shared/schedule';
import {
  ActivityError,
  leadersOf,
  roundId,
  tally,
  ballotChanges,
  noneOfThese,
  everyoneVoted,
  entryOf,
  waitingProposals,
  type BallotEntry,
  type VoteRound,
} from '../../domain/activities';
import type { GroupRepository } from '../groups';
import type { ConversationRefRepository, UserRepository } from '../people';
import type { JobQueue } from '../shared/ports';
import { memberOf, participantIds } from './access';
import type { ActivityStore } from './ports';
import { planResult, planRoundJobs, teamsUserIds } from './roundJobs';
import { buildView, type RoundView } from './view';

export interface RoundServiceDeps {
  groups: GroupRepository;
  users: UserRepository;
  store: ActivityStore;
  jobs: JobQueue;
  refs: ConversationRefRepository;
}

const maxRetries = 5;
/** Every vote of a round goes through the round's eTag: four voters clicking at once make a few retries. */
const maxVoteRetries = 25;
/**
 * Vote rounds: the leader (or the group's setting) opens one over the waiting proposals; participants tick
 * every proposal they would join; it closes at the deadline or as soon as everyone has voted; a tie is
 * settled by the leader. Members hear of it through jobs (announce, nudge, close, result).
 */
export class RoundService {
  constructor(
    private readonly deps: RoundServiceDeps,
    private readonly clock: Clock,
  ) {}

  /** Leader: open a round with a deadline typed as a local wall-clock time in the group's zone ("yyyy-MM-ddTHH:mm"). */
  async openRound(actorId: string, groupId: string, deadlineLocal: string): Promise<VoteRound> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    if (role !== 'leader') throw new DomainError('NOT_GROUP_LEADER');
    const deadline = localToUtc(deadlineLocal, group.timeZone);
    if (!deadline) throw new DomainError('INVALID_INPUT');
    if (deadline <= toUtcIso(this.clock.now())) throw new ActivityError('DEADLINE_IN_PAST');
    return this.openWith(group, deadline, actorId);
  }

  /** The group's setting: a round opens by itself once enough proposals wait. Returns the round it opened. */
  async openIfEnough(group: Group): Promise<VoteRound | undefined> {
    const settings = await this.deps.store.getSettings(group.groupId);
    if (!settings?.autoOpenAt) return undefined;
    const [proposals, rounds] = await Promise.all([this.deps.store.listProposals(group.groupId), this.deps.store.listRounds(group.groupId)]);
    if (rounds.some((r) => r.status === 'open') || waitingProposals(proposals, rounds).length < settings.autoOpenAt) return undefined;
    const deadline = addMinutes(this.clock.now(), settings.autoDeadlineDays * 24 * 60);
    try {
      return await this.openWith(group, deadline, 'auto');
    } catch (e) {
      if (e instanceof ActivityError) return undefined; // someone opened one at the same moment
      throw e;
    }
  }

  /** The round and the proposals it takes in one batch; a proposal edited or withdrawn meanwhile makes it read them again. */
  private async openWith(group: Group, deadline: string, openedBy: string): Promise<VoteRound> {
    const { groupId } = group;
    for (let attempt = 0; attempt < maxRetries; attempt++) {
      const [proposals, rounds] = await Promise.all([this.deps.store.listProposals(groupId), this.deps.store.listRounds(groupId)]);
      if (rounds.some((r) => r.status === 'open')) throw new ActivityError('ROUND_ALREADY_OPEN');
      const waiting = waitingProposals(proposals, rounds).slice(0, 10);
      if (waiting.length < 2) throw new ActivityError('TOO_FEW_PROPOSALS');
      const now = this.clock.now();
      const at = toUtcIso(now);
      const fresh: VoteRound = {
        type: 'voteRound',
        id: roundId(rounds.length + 1),
        groupId,
        status: 'open',
        deadline,
        proposalIds: waiting.map((p) => p.id),
        entries: waiting.map(entryOf),
        revision: 1,
        openedBy,
        openedAt: at,
        updatedAt: at,
      };
      let round: VoteRound;
      try {
        round = await this.deps.store.createRound(fresh, waiting);
      } catch (e) {
        if (isDomainError(e, 'CONFLICT')) continue; // another round opened, or a proposal changed: read again
        throw e;
      }
      await planRoundJobs(this.deps, group, round, now);
      return round;
    }
    throw new ActivityError('ROUND_ALREADY_OPEN');
  }

  /**
   * Participant: tick (approve) or untick one proposal, or say none of these suits them (`noneOfThese`). A
   * repeat of the same click changes nothing. The click's votes are written with the round's next revision,
   * IfMatch on the round as read: the vote is either in the round's counts or, when the round closed first,
   * refused (ROUND_CLOSED) with nothing written — never stored and left out.
   */
  async castVote(actorId: string, groupId: string, roundIdValue: string, proposalIdValue: string, approve: boolean): Promise<RoundView> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    if (role !== 'participant') throw new ActivityError('NOT_A_VOTER');
    for (let attempt = 0; attempt < maxVoteRetries; attempt++) {
      const at = toUtcIso(this.clock.now());
      const round = await this.deps.store.getRound(groupId, roundIdValue);
      if (!round) throw new ActivityError('ROUND_NOT_FOUND');
      if (round.status !== 'open' || at >= round.deadline) throw new ActivityError('ROUND_CLOSED');
      if (proposalIdValue !== noneOfThese && !round.proposalIds.includes(proposalIdValue)) throw new ActivityError('NOT_IN_ROUND');
      let written: VoteRound;
      try {
        written = await this.deps.store.recordVotes(ballotChanges(round, { userId: actorId, proposalId: proposalIdValue, approve, at }), round);
      } catch (e) {
        if (isDomainError(e, 'CONFLICT')) continue; // another vote, or the close, came first: read the round again
        throw e;
      }
      const votes = await this.deps.store.listVotes(groupId, round.id);
      if (everyoneVoted(tally(written, votes, participantIds(group)).voters, participantIds(group))) {
        const closed = await this.close(group, round.id, 'everyone_voted').catch((e: unknown) => {
          if (isDomainError(e, 'CONFLICT')) return undefined; // still busy with votes: the next one, or the deadline, closes it
          throw e;
        });
        if (closed) return this.view(actorId, group, role, closed);
      }
      return buildView({ actorId, group, role, round: written, votes, users: this.deps.users });
    }
    throw new DomainError('CONFLICT');
  }

  /**
   * Closes once, IfMatch on the round: the counts are every vote stored while it was open (a vote written
   * after the close read the round changed the round's eTag, so the close reads again).
   */
  async close(group: Group, roundIdValue: string, because: 'deadline' | 'everyone_voted'): Promise<VoteRound> {
    for (let attempt = 0; attempt < maxVoteRetries; attempt++) {
      const round = await this.deps.store.getRound(group.groupId, roundIdValue);
      if (!round) throw new ActivityError('ROUND_NOT_FOUND');
      if (round.status === 'closed') return round;
      const now = this.clock.now();
      const closedAt = toUtcIso(now);
      const counts = tally(round, await this.deps.store.listVotes(group.groupId, round.id), participantIds(group)).counts;
      const leaders = leadersOf(round, counts);
      try {
        const closed = await this.deps.store.replaceRound({
          ...round,
          status: 'closed',
          closedAt,
          closedBecause: because,
          counts,
          leaders,
          ...(leaders.length === 1 ? { winnerId: leaders[0] } : {}),
          revision: round.revision + 1,
          updatedAt: closedAt,
        });
        await planResult(this.deps.jobs, group, closed, now);
        return closed;
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
    }
    throw new DomainError('CONFLICT');
  }

  /** Leader: settle a tie by picking one of the tied proposals. */
  async pick(actorId: string, groupId: string, roundIdValue: string, proposalIdValue: string): Promise<VoteRound> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    if (role !== 'leader') throw new DomainError('NOT_GROUP_LEADER');
    const round = await this.deps.store.getRound(groupId, roundIdValue);
    if (!round) throw new ActivityError('ROUND_NOT_FOUND');
    if (round.status !== 'closed' || !round.leaders?.includes(proposalIdValue) || round.leaders.length < 2) throw new ActivityError('NOT_TIED');
    if (round.winnerId === proposalIdValue) return round;
    if (round.winnerId) throw new ActivityError('NOT_TIED');
    const now = this.clock.now();
    const picked = await this.deps.store.replaceRound({ ...round, winnerId: proposalIdValue, pickedByLeader: true, revision: round.revision + 1, updatedAt: toUtcIso(now) });
    await planResult(this.deps.jobs, group, picked, now);
    return picked;
  }

  /** The scheduler's close at the deadline: nothing to do when everyone voted before. */
  async closeAtDeadline(groupId: string, roundIdValue: string): Promise<VoteRound | undefined> {
    const group = await this.deps.groups.get(groupId);
    const round = group && (await this.deps.store.getRound(groupId, roundIdValue));
    if (!group || !round || round.status === 'closed') return undefined;
    return this.close(group, roundIdValue, 'deadline');
  }

  /** Leader: the winner, for the meeting form. */
  async winner(actorId: string, groupId: string, roundIdValue: string): Promise<{ group: Group; round: VoteRound; entry: BallotEntry }> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    if (role !== 'leader') throw new DomainError('NOT_GROUP_LEADER');
    const round = await this.deps.store.getRound(groupId, roundIdValue);
    if (!round) throw new ActivityError('ROUND_NOT_FOUND');
    const entry = round.entries.find((e) => e.proposalId === round.winnerId);
    if (!entry) throw new ActivityError('NO_WINNER_YET');
    return { group, round, entry };
  }

  /** The meeting made of the winner: the round remembers it (and the idea counts as done). */
  async markScheduled(groupId: string, roundIdValue: string, meetingId: string): Promise<void> {
    for (let attempt = 0; attempt < maxRetries; attempt++) {
      const round = await this.deps.store.getRound(groupId, roundIdValue);
      if (!round || round.scheduledMeetingId === meetingId) return;
      try {
        await this.deps.store.replaceRound({ ...round, scheduledMeetingId: meetingId, revision: round.revision + 1, updatedAt: toUtcIso(this.clock.now()) });
        return;
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
    }
  }

  /** The round as one person may see it (their own ticks, their private note; the leader's extra view). */
  async roundFor(actorId: string, groupId: string, roundIdValue?: string): Promise<RoundView | undefined> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    const round = roundIdValue ? await this.deps.store.getRound(groupId, roundIdValue) : (await this.deps.store.listRounds(groupId)).at(-1);
    if (roundIdValue && !round) throw new ActivityError('ROUND_NOT_FOUND');
    return round && this.view(actorId, group, role, round);
  }

  /** The Teams ids whose clients fetch their own view of a shared card. */
  refreshUserIds(group: Group): Promise<string[]> {
    return teamsUserIds(this.deps.refs, group);
  }

  /** What everyone may see (the chat's shared card): counts only. */
  async publicView(group: Group, roundIdValue: string): Promise<RoundView | undefined> {
    const round = await this.deps.store.getRound(group.groupId, roundIdValue);
    return round && this.view(undefined, group, 'participant', round);
  }

  private async view(actorId: string | undefined, group: Group, role: 'leader' | 'participant', round: VoteRound): Promise<RoundView> {
    const votes = await this.deps.store.listVotes(group.groupId, round.id);
    return buildView({ actorId, group, role, round, votes, users: this.deps.users });
  }
}
