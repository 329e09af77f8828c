import { voteId, type Vote, type VoteRound } from './round';

/**
 * The ballot's "none of these suit me": an approval ballot with no tick, said out loud. It counts as having
 * voted (no nudge, and "everyone has voted" can close the round) and adds to no proposal's count.
 */
export const noneOfThese = 'none';

export interface Tally {
  /** Approvals per proposal of the round (0 for none). */
  counts: Record<string, number>;
  /** Who has voted: ticked at least one proposal, or said none of these suits them. */
  voters: string[];
}

/**
 * Approval voting: each voter ticks every proposal they would join; a proposal's count is the number of
 * voters who ticked it. Only votes of the round's proposals by `eligible` voters count; the newest document
 * per (proposal, voter) is the only one there is (deterministic ids), so nothing is counted twice.
 */
export function tally(round: Pick<VoteRound, 'id' | 'proposalIds'>, votes: Vote[], eligible: readonly string[]): Tally {
  const counts: Record<string, number> = Object.fromEntries(round.proposalIds.map((id) => [id, 0]));
  const voters = new Set<string>();
  const seen = new Set<string>();
  for (const v of votes) {
    const key = `${v.proposalId}|${v.userId}`;
    if (v.proposalId === noneOfThese) {
      if (v.roundId === round.id && v.approved && eligible.includes(v.userId)) voters.add(v.userId);
      continue;
    }
    if (v.roundId !== round.id || !v.approved || seen.has(key) || !(v.proposalId in counts) || !eligible.includes(v.userId)) continue;
    seen.add(key);
    counts[v.proposalId] = (counts[v.proposalId] ?? 0) + 1;
    voters.add(v.userId);
  }
  return { counts, voters: [...voters].sort() };
}

/**
 * The proposals with the most approvals, in ballot order. One = the winner; several = a tie, which the
 * leader settles by picking one of them. With no approvals at all every proposal is tied.
 */
export function leadersOf(round: Pick<VoteRound, 'proposalIds'>, counts: Record<string, number>): string[] {
  const best = Math.max(0, ...round.proposalIds.map((id) => counts[id] ?? 0));
  return round.proposalIds.filter((id) => (counts[id] ?? 0) === best);
}

/** Everyone has voted when every participant has ticked at least one proposal or said none of these suits them. */
export const everyoneVoted = (voters: readonly string[], participants: readonly string[]) =>
  participants.length > 0 && participants.every((p) => voters.includes(p));

export const notVoted = (voters: readonly string[], participants: readonly string[]) => participants.filter((p) => !voters.includes(p));

/**
 * The vote documents one click writes, without reading the ballot first: the clicked one, and what a tick or
 * "none of these" undoes — "none of these" unticks every proposal of the round, a tick takes back "none of
 * these". Each is an idempotent overwrite of that voter's own document.
 */
export function ballotChanges(round: Pick<VoteRound, 'id' | 'groupId' | 'proposalIds'>, click: { userId: string; proposalId: string; approve: boolean; at: string }): Vote[] {
  const vote = (proposalId: string, approved: boolean): Vote => ({
    type: 'vote', id: voteId(round.id, proposalId, click.userId), groupId: round.groupId, roundId: round.id, proposalId, userId: click.userId, approved, at: click.at,
  });
  const undone = !click.approve ? [] : click.proposalId === noneOfThese ? round.proposalIds : [noneOfThese];
  return [vote(click.proposalId, click.approve), ...undone.map((id) => vote(id, false))];
}
