import { z } from 'zod';
import { utcInstant } from '../shared/schedule';

/** What an activity asks of a person: compared privately against each participant's own limits. */
export const effortLevels = ['low', 'medium', 'high'] as const;
export const travelLevels = ['none', 'local', 'far'] as const;
export const costLevels = ['free', 'low', 'some'] as const;
export type Effort = (typeof effortLevels)[number];
export type Travel = (typeof travelLevels)[number];
export type CostLevel = (typeof costLevels)[number];

export const demandsSchema = z.object({
  effort: z.enum(effortLevels),
  travel: z.enum(travelLevels),
  cost: z.enum(costLevels),
  other: z.string().max(200).optional(),
});
export type Demands = z.infer<typeof demandsSchema>;

export const proposalLimits = { title: 80, description: 500, place: 200, cost: 100, times: 3 } as const;

/** The editable part of a proposal, as the form and the step-by-step dialog collect it. */
export const proposalInputSchema = z.object({
  title: z.string().trim().min(1).max(proposalLimits.title),
  description: z.string().trim().max(proposalLimits.description).default(''),
  /** Suggested times as UTC instants, already in the future when checked. */
  times: z.array(utcInstant).max(proposalLimits.times).default([]),
  place: z.string().trim().max(proposalLimits.place).default(''),
  cost: z.string().trim().max(proposalLimits.cost).default(''),
  demands: demandsSchema,
  ideaId: z.string().max(40).optional(),
});
export type ProposalInput = z.infer<typeof proposalInputSchema>;

export const proposalStatuses = ['open', 'withdrawn'] as const;

/** One proposal in the group's partition of `groups`; only its author changes it, until a round includes it. */
export const proposalSchema = proposalInputSchema.extend({
  type: z.literal('proposal'),
  /** `proposal:{uuid}`: the uuid comes with the form, so a repeated submit finds the first one. */
  id: z.string().startsWith('proposal:'),
  groupId: z.string(),
  authorId: z.string(),
  status: z.enum(proposalStatuses),
  /**
   * The round that took it, written in the batch that creates the round, so an edit read before fails its
   * IfMatch. A proposal is locked when a stored round lists it (the embedded server's batch is not atomic:
   * a failed opening may leave this set).
   */
  roundId: z.string().optional(),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  _etag: z.string().optional(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalId = (requestId: string) => `proposal:${requestId}`;
