import type { Vote, VoteRound } from './round';

export interface Tally {
  /** Approvals per proposal of the round (0 for none). */
  counts: Record<string, number>;
  /** Who has ticked at least one proposal. */
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

/** Everyone has voted when every participant has ticked at least one proposal. */
export const everyoneVoted = (voters: readonly string[], participants: readonly string[]) =>
  participants.length > 0 && participants.every((p) => voters.includes(p));

export const notVoted = (voters: readonly string[], participants: readonly string[]) => participants.filter((p) => !voters.includes(p));
