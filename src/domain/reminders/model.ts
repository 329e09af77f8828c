import { DateTime } from 'luxon';
import { z } from 'zod';
import { clockTime, defaultQuietHours, defaultReminderOffsetsMinutes, jobId, offsetLabel, utcInstant, type QuietHours } from '../shared/schedule';

/**
 * A person's reminder preferences and pauses (users container, partition = userId), and the reminder job.
 * How they are stored (their stored `type`, Cosmos' `_etag`) is src/store/reminders' business.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');
const meetingRef = { meetingId: z.string(), revision: z.number().int().positive() };


export const quietHoursSchema = z.object({ start: clockTime, end: clockTime });

export const reminderPrefsSchema = z.object({
  id: z.literal('reminderPrefs'),
  userId: z.string(),
  /** Off: no meeting reminders at all (notices of moved or cancelled meetings still go). */
  enabled: z.boolean(),
  /** Minutes before a meeting; at most five, each up to a week. */
  offsetsMinutes: z.array(z.number().int().min(5).max(7 * 24 * 60)).max(5),
  quietHours: quietHoursSchema,
  updatedAt: utcInstant,
});
export type ReminderPrefs = z.infer<typeof reminderPrefsSchema>;

/** What applies to someone who never chose: 24 h and 2 h before, quiet 21–08. */
export interface EffectiveReminderPrefs {
  enabled: boolean;
  offsetsMinutes: number[];
  quietHours: QuietHours;
}

export function effectivePrefs(prefs: ReminderPrefs | undefined): EffectiveReminderPrefs {
  if (!prefs) return { enabled: true, offsetsMinutes: [...defaultReminderOffsetsMinutes], quietHours: { ...defaultQuietHours } };
  return { enabled: prefs.enabled, offsetsMinutes: [...new Set(prefs.offsetsMinutes)], quietHours: prefs.quietHours };
}

export const pauseReasons = ['job_interview', 'work_tryout', 'ill', 'other'] as const;
/** A pause may be planned up to this far ahead. */
export const maxPauseDays = 180;
export type PauseReason = (typeof pauseReasons)[number];

/**
 * A pause: no reminders while it lasts. The current one has id `pause`; every pause is also kept as
 * `pause:{createdAt}` so an engagement calculation can leave paused days out.
 */
export const pauseSchema = z.object({
  id: z.string().startsWith('pause'),
  userId: z.string(),
  reason: z.enum(pauseReasons),
  /** Last paused day (inclusive), in `zone`. */
  until: isoDate,
  /** The person's zone when the pause began: fixes when `until` ends. */
  zone: z.string(),
  createdAt: utcInstant,
  /** Set when the person ends the pause early. */
  endedAt: utcInstant.optional(),
});
export type Pause = z.infer<typeof pauseSchema>;
export const pauseHistoryId = (createdAt: string) => `pause:${createdAt}`;

/** The first instant after the pause: midnight after `until` in its zone, or when it was ended early. */
export function pauseEndsAt(pause: Pick<Pause, 'until' | 'zone' | 'endedAt'>): string {
  const planned = DateTime.fromISO(pause.until, { zone: pause.zone }).plus({ days: 1 }).startOf('day').toUTC().toJSDate().toISOString();
  return pause.endedAt && pause.endedAt < planned ? pause.endedAt : planned;
}

/** Whether `pause` covers `instant` (from its start up to, not including, its end). */
export function isPaused(pause: Pick<Pause, 'until' | 'zone' | 'createdAt' | 'endedAt'> | undefined, instant: Date | string): boolean {
  if (!pause) return false;
  const at = new Date(instant).toISOString();
  return pause.createdAt <= at && at < pauseEndsAt(pause);
}

export const remindPayloadSchema = z.object({
  ...meetingRef,
  /** The start the reminder was planned for: a moved meeting must not be announced at its old time. */
  meetingStartsAt: utcInstant,
  /** Which preference offset planned it; absent for a snoozed reminder. */
  offsetMinutes: z.number().int().optional(),
  /** How many times this reminder has been snoozed (0 = the planned one). */
  snoozes: z.number().int().nonnegative().default(0),
});
export type RemindPayload = z.infer<typeof remindPayloadSchema>;

export const remindJobId = (meetingId: string, userId: string, revision: number, offsetMinutes: number) =>
  jobId('remind', meetingId, userId, offsetLabel(offsetMinutes), `r${revision}`);
export const snoozedRemindJobId = (meetingId: string, userId: string, revision: number, snoozes: number) =>
  jobId('remind', meetingId, userId, `snooze${snoozes}`, `r${revision}`);
