import { z } from 'zod';
import { jobId } from '../shared/schedule';

/** The scheduler's job kinds of the activities feature. */
export const activityJobKinds = {
  /** Sends the opened round to one member's personal chat, or once to the linked group chat. */
  announce: 'activities.announce',
  /** One nudge to a participant who has not voted, a set time before the deadline. */
  nudge: 'activities.nudge',
  /** Closes the round at its deadline (if everyone has not voted before). */
  close: 'activities.close',
  /** Tells one recipient the result (and again when the leader settles a tie). */
  result: 'activities.result',
} as const;

export const roundJobPayloadSchema = z.object({ roundId: z.string(), revision: z.number().int().positive().optional() });
export type RoundJobPayload = z.infer<typeof roundJobPayloadSchema>;

/* Deterministic ids: planning twice keeps one job. Round ids repeat across groups, so the group is part of every id. */
export const announceJobId = (groupId: string, roundIdValue: string, recipient: string) => jobId(activityJobKinds.announce, groupId, roundIdValue, recipient);
export const nudgeJobId = (groupId: string, roundIdValue: string, userId: string) => jobId(activityJobKinds.nudge, groupId, roundIdValue, userId);
export const closeJobId = (groupId: string, roundIdValue: string) => jobId(activityJobKinds.close, groupId, roundIdValue);
export const resultJobId = (groupId: string, roundIdValue: string, recipient: string, revision: number) =>
  jobId(activityJobKinds.result, groupId, roundIdValue, recipient, `r${revision}`);
