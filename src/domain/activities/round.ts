import { z } from 'zod';
import { utcInstant } from '../shared/schedule';
import { demandsSchema, type Proposal } from './proposal';

/* Rounds, votes and settings as the code sees them; their stored type and Cosmos' `_etag` are src/store/activities' business. */

/** What a round shows of each proposal, copied when the round opens: an edit afterwards cannot change the ballot. */
export const ballotEntrySchema = z.object({
  proposalId: z.string(),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  cost: z.string(),
  times: z.array(utcInstant),
  demands: demandsSchema,
  ideaId: z.string().optional(),
});
export type BallotEntry = z.infer<typeof ballotEntrySchema>;

export const roundStatuses = ['open', 'closed'] as const;
export const closeReasons = ['deadline', 'everyone_voted'] as const;

export const voteRoundSchema = z.object({
  /** `round:{n}`: the n-th round of the group, so two rounds opened at once collide (409) instead of both opening. */
  id: z.string().startsWith('round:'),
  groupId: z.string(),
  status: z.enum(roundStatuses),
  deadline: utcInstant,
  proposalIds: z.array(z.string()).min(1).max(10),
  entries: z.array(ballotEntrySchema).min(1).max(10),
  /** Grows with every change of state (closed, picked, scheduled): cards carry it, Teams refreshes on change. */
  revision: z.number().int().positive(),
  openedBy: z.string(),
  openedAt: utcInstant,
  closedAt: utcInstant.optional(),
  closedBecause: z.enum(closeReasons).optional(),
  /** Approvals per proposal when the round closed. */
  counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** The proposals with the most approvals; more than one = a tie the leader settles. */
  leaders: z.array(z.string()).optional(),
  winnerId: z.string().optional(),
  pickedByLeader: z.boolean().optional(),
  scheduledMeetingId: z.string().optional(),
  updatedAt: utcInstant,
});
export type VoteRound = z.infer<typeof voteRoundSchema>;

export const roundId = (n: number) => `round:${n}`;

/** One document per (round, proposal, voter): two voters never touch the same document, a repeat overwrites. */
export const voteSchema = z.object({
  id: z.string().startsWith('vote:'),
  groupId: z.string(),
  roundId: z.string(),
  proposalId: z.string(),
  userId: z.string(),
  approved: z.boolean(),
  at: utcInstant,
});
export type Vote = z.infer<typeof voteSchema>;

const safe = (part: string) => part.replace(/[/\\?#]/g, '_');
export const voteId = (roundIdValue: string, proposalIdValue: string, userId: string) =>
  `vote:${safe(roundIdValue)}:${safe(proposalIdValue)}:${safe(userId)}`;

/** A group's own rules for planning activities (one document `activitySettings` in the group's partition). */
export const activitySettingsSchema = z.object({
  id: z.literal('activitySettings'),
  groupId: z.string(),
  /** Open a round by itself when this many proposals wait; absent = only the leader opens. */
  autoOpenAt: z.number().int().min(2).max(10).optional(),
  /** An automatic round's deadline, in days from opening. */
  autoDeadlineDays: z.number().int().min(1).max(14).default(3),
  /** Members who have not voted are nudged this long before the deadline. */
  nudgeHoursBefore: z.number().int().min(1).max(72).default(24),
  updatedAt: utcInstant,
});
export type ActivitySettings = z.infer<typeof activitySettingsSchema>;

export const defaultActivitySettings = (groupId: string, at: string): ActivitySettings => ({
  id: 'activitySettings',
  groupId,
  autoDeadlineDays: 3,
  nudgeHoursBefore: 24,
  updatedAt: at,
});

/** A proposal as the ballot keeps it. */
export const entryOf = (p: Proposal): BallotEntry => ({
  proposalId: p.id,
  title: p.title,
  description: p.description,
  place: p.place,
  cost: p.cost,
  times: p.times,
  demands: p.demands,
  ...(p.ideaId ? { ideaId: p.ideaId } : {}),
});

/** Proposals still waiting for a vote: open, and in no round yet. */
export function waitingProposals(proposals: Proposal[], rounds: VoteRound[]): Proposal[] {
  const inRounds = new Set(rounds.flatMap((r) => r.proposalIds));
  return proposals.filter((p) => p.status === 'open' && !inRounds.has(p.id));
}
