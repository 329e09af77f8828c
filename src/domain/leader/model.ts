import { z } from 'zod';
import { jobId, utcInstant } from '../shared/schedule';

/**
 * The leader's side: what the early warning stores. All of it lives in the `groups` container in the
 * group's partition and carries the participant's `userId`, so it is seen by the group's leader only
 * and an erase of the person (a scan for their id) removes it. How they are stored (their stored `type`,
 * Cosmos' `_etag`) is src/store/leader's business.
 */

/**
 * The rules' numbers. Defaults fit a group of four meeting about weekly: four weeks of meetings are
 * looked at, two missed meetings raise an alert, and the leader is not told again for two weeks.
 */
export const watchSettingsSchema = z.object({
  /** How far back signals count (days). */
  windowDays: z.number().int().min(7).max(90),
  /** Points at or above which the leader gets an alert. */
  alertAt: z.number().int().min(1).max(50),
  /** Points below which the person has recovered and the episode ends. */
  recoverBelow: z.number().int().min(0).max(50),
  /** While still above the threshold, no new alert for this many days after the last one. */
  quietDays: z.number().int().min(1).max(90),
  /** A new member is not judged before this many meetings since they joined (pauses left out). */
  minMeetings: z.number().int().min(1).max(10),
  /** Local time in the group's zone when the day's evaluation runs. */
  evaluateAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type WatchSettings = z.infer<typeof watchSettingsSchema>;

export const defaultWatchSettings: WatchSettings = { windowDays: 28, alertAt: 4, recoverBelow: 2, quietDays: 14, minMeetings: 2, evaluateAt: '09:00' };

/** Points per signal: a missed meeting weighs most; an unanswered meeting counts only when they did not come; a vote round they let pass 1. */
export const signalPoints = { missedMeeting: 2, unansweredMeeting: 1, missedVote: 1, unreachable: 3, noCheckIn: 1 } as const;
/** Days without a check-in since a meeting they came to before it counts ("no check-in for 14 days"). */
export const checkInGapDays = 14;

/** One reason in a form the cards can word in any language: a code and its numbers, never free text. */
export const reasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('missed'), missed: z.number().int(), of: z.number().int() }),
  z.object({ code: z.literal('reminders_unanswered'), reminders: z.number().int(), meetings: z.number().int() }),
  z.object({ code: z.literal('no_rsvp'), meetings: z.number().int() }),
  z.object({ code: z.literal('no_vote'), rounds: z.number().int(), of: z.number().int() }),
  z.object({ code: z.literal('unreachable') }),
  z.object({ code: z.literal('no_checkin'), days: z.number().int() }),
]);
export type Reason = z.infer<typeof reasonSchema>;

/** Where one participant stands: `flagged` from the alert until recovery. One document per participant. */
export const watchStateSchema = z.object({
  id: z.string().startsWith('watch:'),
  groupId: z.string(),
  userId: z.string(),
  status: z.enum(['ok', 'flagged']),
  episodeStartedAt: utcInstant.optional(),
  lastAlertAt: utcInstant.optional(),
  recoveredAt: utcInstant.optional(),
  updatedAt: utcInstant,
});
export type WatchState = z.infer<typeof watchStateSchema>;
export const watchStateId = (userId: string) => `watch:${userId}`;

export const feedbackAnswers = ['reach_out', 'handled', 'not_useful'] as const;
export type FeedbackAnswer = (typeof feedbackAnswers)[number];

export const alertSchema = z.object({
  id: z.string().startsWith('alert:'),
  groupId: z.string(),
  userId: z.string(),
  leaderId: z.string(),
  /** The local day of the evaluation that raised it (yyyy-MM-dd in the group's zone). */
  day: z.string(),
  reasons: z.array(reasonSchema).min(1),
  createdAt: utcInstant,
  feedback: z.object({ answer: z.enum(feedbackAnswers), why: z.string().max(300).optional(), at: utcInstant }).optional(),
});
export type Alert = z.infer<typeof alertSchema>;
export const alertId = (userId: string, day: string) => `alert:${userId}:${day}`;

/** The leader's contacts with one participant ("I'll reach out", "already handled"): kept per participant. */
export const contactSchema = z.object({
  id: z.string().startsWith('contact:'),
  groupId: z.string(),
  userId: z.string(),
  leaderId: z.string(),
  kind: z.enum(['reach_out', 'handled']),
  alertId: z.string().optional(),
  at: utcInstant,
});
export type Contact = z.infer<typeof contactSchema>;
export const contactId = (userId: string, at: string) => `contact:${userId}:${at}`;

// ---- jobs ----------------------------------------------------------------------------------------

export const leaderJobKinds = { watch: 'leader.watch', alert: 'leader.alert' } as const;
export const watchPayloadSchema = z.object({ day: z.string() });
export const alertPayloadSchema = z.object({ alertId: z.string() });
/** One evaluation per group and local day; one send per alert. */
export const watchJobId = (groupId: string, day: string) => jobId(leaderJobKinds.watch, groupId, day);
export const alertJobId = (groupId: string, alert: string) => jobId(leaderJobKinds.alert, groupId, alert);
