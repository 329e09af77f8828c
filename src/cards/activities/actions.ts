import { z } from 'zod';
import { costLevels, effortLevels, travelLevels } from '../../domain/activities';
import { boolish, id, text } from '../shared/actions';

/** Every payload the activities cards carry. Action names are `activities.<verb>`; anything else is stale or forged. */

export const proposalFormPayload = z.object({
  action: z.literal('activities.propose.save'),
  groupId: id,
  requestId: z.uuid(),
  proposalId: id.optional(),
  ideaId: z.string().max(40).optional(),
  title: text(200),
  description: text(1000),
  when: text(300),
  place: text(400),
  cost: text(200),
  effort: z.enum(effortLevels).optional().default('low'),
  travel: z.enum(travelLevels).optional().default('local'),
  costLevel: z.enum(costLevels).optional().default('free'),
  other: text(400),
});
export type ProposalFormPayload = z.infer<typeof proposalFormPayload>;

export const votePayload = z.object({
  action: z.literal('activities.vote'),
  groupId: id,
  roundId: id,
  proposalId: id,
  approve: boolish,
  /** The card's revision when it was drawn (Teams refreshes a card whose data changed). */
  revision: z.string().max(200).optional(),
});
export type VotePayload = z.infer<typeof votePayload>;

export const refreshPayload = z.object({ action: z.literal('activities.refresh'), groupId: id, roundId: id, revision: z.string().max(200).optional() });

export const activityAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('activities.home'), groupId: id.optional() }),
  z.object({ action: z.literal('activities.propose'), groupId: id.optional(), ideaId: z.string().max(40).optional(), proposalId: id.optional() }),
  z.object({ action: z.literal('activities.proposeSteps'), groupId: id.optional() }),
  z.object({ action: z.literal('activities.ideas'), groupId: id.optional() }),
  proposalFormPayload,
  z.object({ action: z.literal('activities.propose.cancel') }),
  z.object({ action: z.literal('activities.withdraw'), groupId: id, proposalId: id }),
  z.object({ action: z.literal('activities.round.new'), groupId: id }),
  z.object({ action: z.literal('activities.round.open'), groupId: id, date: text(20), time: text(10) }),
  z.object({ action: z.literal('activities.round.show'), groupId: id.optional(), roundId: id.optional() }),
  votePayload,
  refreshPayload,
  z.object({ action: z.literal('activities.pick'), groupId: id, roundId: id, proposalId: id }),
  z.object({ action: z.literal('activities.schedule'), groupId: id, roundId: id }),
  z.object({ action: z.literal('activities.settings.save'), groupId: id, autoOpenAt: text(5) }),
]);
export type ActivityAction = z.infer<typeof activityAction>;
export type ActivityActionName = ActivityAction['action'];
