import { countMayNotSuit, mayNotSuit, noneOfThese, notVoted, tally, type Vote, type VoteRound } from '../../domain/activities';
import type { Group } from '../../domain/groups';
import type { Limits } from '../../domain/people';
import type { UserRepository } from '../people';
import { participantIds, type ActivityRole } from './access';

/**
 * One person's view of a round. It holds only what that person may see: the counts (everyone), their own
 * ticks and private notes (a participant), who has not voted and how many a proposal may not suit (the
 * leader). Who voted for what is in no view.
 */
export interface RoundView {
  group: Group;
  round: VoteRound;
  /** Absent in the shared view of a group chat's card. */
  viewerId?: string;
  role: ActivityRole;
  counts: Record<string, number>;
  /** The viewer's own ticks (participants). */
  mine: string[];
  /** The viewer said none of these suits them (participants): that counts as having voted. */
  noneForMe: boolean;
  /** Proposals that may exceed the viewer's own limits (participants; never shown to anyone else). */
  hardForMe: string[];
  /** Leader only: how many participants each proposal may not suit, a number per proposal. */
  mayNotSuitCount: Record<string, number>;
  /** Leader only: display names of the participants who have not voted yet. */
  notVotedNames: string[];
  everyoneVoted: boolean;
}

export async function buildView(input: { actorId?: string; group: Group; role: ActivityRole; round: VoteRound; votes: Vote[]; users: UserRepository }): Promise<RoundView> {
  const { actorId, group, role, round, votes } = input;
  const participants = participantIds(group);
  const live = tally(round, votes, participants);
  const counts = round.status === 'closed' && round.counts ? round.counts : live.counts;
  const mine = actorId && role === 'participant' ? votes.filter((v) => v.userId === actorId && v.approved && round.proposalIds.includes(v.proposalId)).map((v) => v.proposalId) : [];
  const noneForMe = !!actorId && role === 'participant' && votes.some((v) => v.userId === actorId && v.proposalId === noneOfThese && v.approved && v.roundId === round.id);
  let hardForMe: string[] = [];
  let mayNotSuitCount: Record<string, number> = {};
  let notVotedNames: string[] = [];
  if (actorId && role === 'participant') {
    const limits = (await input.users.get(actorId))?.limits;
    hardForMe = round.entries.filter((e) => mayNotSuit(e.demands, limits)).map((e) => e.proposalId);
  } else if (actorId && role === 'leader') {
    const limitsOfEach: Array<Limits | undefined> = await Promise.all(participants.map(async (p) => (await input.users.get(p))?.limits));
    mayNotSuitCount = Object.fromEntries(round.entries.map((e) => [e.proposalId, countMayNotSuit(e.demands, limitsOfEach)]));
    const missing = notVoted(live.voters, participants);
    notVotedNames = group.members.filter((m) => missing.includes(m.userId)).map((m) => m.displayName);
  }
  return {
    group,
    round,
    ...(actorId ? { viewerId: actorId } : {}),
    role,
    counts,
    mine,
    noneForMe,
    hardForMe,
    mayNotSuitCount,
    notVotedNames,
    everyoneVoted: live.voters.length === participants.length && participants.length > 0,
  };
}
