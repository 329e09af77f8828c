import { z } from 'zod';
import { localeSchema } from '../shared/locale';
import { jobId } from '../shared/schedule';

/** Stored documents of groups, one zod schema each. Repositories parse every read with these. */

const isoInstant = z.iso.datetime({ offset: true });
const etag = { _etag: z.string().optional() };

export const memberSchema = z.object({
  userId: z.string(),
  displayName: z.string().max(100),
  joinedAt: isoInstant,
});
export type Member = z.infer<typeof memberSchema>;

export const groupSchema = z.object({
  type: z.literal('group'),
  id: z.string(),
  groupId: z.string(),
  name: z.string().min(1).max(60),
  timeZone: z.string(),
  locale: localeSchema,
  leaderId: z.string(),
  members: z.array(memberSchema),
  inviteCode: z.string().optional(),
  inviteExpiresAt: isoInstant.optional(),
  linkedChatIds: z.array(z.string()).default([]),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  ...etag,
});
export type Group = z.infer<typeof groupSchema>;

/**
 * Someone who left the group during its life (the practice reports drop-outs among everyone who took
 * part). One document per person in the group's partition; it carries their `userId`, so "Delete my
 * data" removes it with the rest. The leader already knew the name; nobody else reads it.
 */
export const formerMemberSchema = z.object({
  type: z.literal('formerMember'),
  id: z.string().startsWith('former:'),
  groupId: z.string(),
  userId: z.string(),
  displayName: z.string().max(100),
  joinedAt: isoInstant,
  leftAt: isoInstant,
  ...etag,
});
export type FormerMember = z.infer<typeof formerMemberSchema>;
export const formerMemberId = (userId: string) => `former:${userId}`;
export const formerMemberOf = (groupId: string, { userId, displayName, joinedAt }: Member, leftAt: string): FormerMember => ({
  type: 'formerMember',
  id: formerMemberId(userId),
  groupId,
  userId,
  displayName,
  joinedAt,
  leftAt,
});

/** Lives in the groups container under its own partition `invite:{code}` so a code is found by a point read. */
export const inviteSchema = z.object({
  type: z.literal('invite'),
  id: z.literal('invite'),
  groupId: z.string(),
  code: z.string(),
  targetGroupId: z.string(),
  expiresAt: isoInstant,
  createdAt: isoInstant,
  /** Set when the leader made a new code: the old one then answers "replaced" instead of "wrong". */
  replacedAt: isoInstant.optional(),
  ...etag,
});
export type Invite = z.infer<typeof inviteSchema>;

export const inviteKey = (code: string) => `invite:${code}`;

/** Jobs of the groups feature: notices to other people go through the scheduler, never inside a person's turn. */
export const groupJobKinds = { leaderNotice: 'leaderNotice' } as const;

/** The leader hears that someone joined or left; the name is read when it is sent (nothing personal in the job). */
export const leaderNoticePayloadSchema = z.object({
  event: z.enum(['joined', 'left']),
  memberId: z.string(),
  /** Participants after the change. */
  count: z.number().int().nonnegative(),
});
export type LeaderNoticePayload = z.infer<typeof leaderNoticePayloadSchema>;

/** One notice per join or leave (`at`: when it happened), so planning it again keeps one job. */
export const leaderNoticeJobId = (groupId: string, event: LeaderNoticePayload['event'], memberId: string, at: string) =>
  jobId(groupJobKinds.leaderNotice, groupId, event, memberId, at);
