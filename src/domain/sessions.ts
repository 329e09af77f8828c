import { DateTime } from 'luxon';
import { z } from 'zod';
import { clockTime, defaultQuietHours, defaultReminderOffsetsMinutes, jobId, offsetLabel, utcInstant, type QuietHours } from './schedule';

/**
 * Stored documents about sessions. Sessions, RSVPs and attendance live in the `groups` container in
 * the group's partition; reminder preferences and pauses in the `users` container in the person's.
 */

const etag = { _etag: z.string().optional() };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');

export const sessionStatuses = ['scheduled', 'cancelled'] as const;

export const sessionSchema = z.object({
  type: z.literal('session'),
  /** `session:{uuid}` */
  id: z.string().startsWith('session:'),
  groupId: z.string(),
  title: z.string().min(1).max(100),
  startsAt: utcInstant,
  endsAt: utcInstant,
  place: z.string().max(200),
  activityId: z.string().optional(),
  status: z.enum(sessionStatuses),
  /** Grows by one with every move; jobs planned for an older revision are stale. */
  revision: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  cancelledAt: utcInstant.optional(),
  ...etag,
});
export type Session = z.infer<typeof sessionSchema>;

export const rsvpAnswers = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** One document per person and session: a repeated answer is an idempotent overwrite. */
export const rsvpSchema = z.object({
  type: z.literal('rsvp'),
  id: z.string(),
  groupId: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  answer: z.enum(rsvpAnswers),
  answeredAt: utcInstant,
  ...etag,
});
export type Rsvp = z.infer<typeof rsvpSchema>;
export const rsvpId = (sessionId: string, userId: string) => `rsvp:${sessionId}:${userId}`;

export const attendanceStatuses = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceSchema = z.object({
  type: z.literal('attendance'),
  id: z.string(),
  groupId: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  status: z.enum(attendanceStatuses),
  recordedBy: z.string(),
  recordedAt: utcInstant,
  ...etag,
});
export type Attendance = z.infer<typeof attendanceSchema>;
export const attendanceId = (sessionId: string, userId: string) => `attendance:${sessionId}:${userId}`;

// ---- a person's reminder preferences and pauses (users container, partition = userId) ----------

export const quietHoursSchema = z.object({ start: clockTime, end: clockTime });

export const reminderPrefsSchema = z.object({
  type: z.literal('reminderPrefs'),
  id: z.literal('reminderPrefs'),
  userId: z.string(),
  /** Off: no session reminders at all (notices of moved or cancelled sessions still go). */
  enabled: z.boolean(),
  /** Minutes before a session; at most five, each up to a week. */
  offsetsMinutes: z.array(z.number().int().min(5).max(7 * 24 * 60)).max(5),
  quietHours: quietHoursSchema,
  updatedAt: utcInstant,
  ...etag,
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
  type: z.literal('pause'),
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
  ...etag,
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

// ---- job payloads of the session job kinds -------------------------------------------------------

export const sessionJobKinds = { remind: 'remind', reflect: 'reflect', notify: 'notify', attendance: 'attendance' } as const;

const sessionRef = { sessionId: z.string(), revision: z.number().int().positive() };

export const remindPayloadSchema = z.object({
  ...sessionRef,
  /** The start the reminder was planned for: a moved session must not be announced at its old time. */
  sessionStartsAt: utcInstant,
  /** Which preference offset planned it; absent for a snoozed reminder. */
  offsetMinutes: z.number().int().optional(),
  /** How many times this reminder has been snoozed (0 = the planned one). */
  snoozes: z.number().int().nonnegative().default(0),
});
export type RemindPayload = z.infer<typeof remindPayloadSchema>;

export const reflectPayloadSchema = z.object({ ...sessionRef, sessionEndsAt: utcInstant });
export type ReflectPayload = z.infer<typeof reflectPayloadSchema>;

/** The leader's roster card when a session ends: the same shape as a reflection prompt's. */
export const attendancePayloadSchema = reflectPayloadSchema;
export type AttendanceJobPayload = ReflectPayload;

export const sessionEvents = ['scheduled', 'moved', 'cancelled'] as const;
export type SessionEvent = (typeof sessionEvents)[number];

export const notifyPayloadSchema = z.object({
  ...sessionRef,
  event: z.enum(sessionEvents),
  /** For `moved`: where it was, so the message can say "moved from … to …". */
  previousStartsAt: utcInstant.optional(),
});
export type NotifyPayload = z.infer<typeof notifyPayloadSchema>;

/*
 * Deterministic job ids: planning twice finds the same job. The session revision is part of the id, so
 * a moved session gets fresh reminders while the old revision's jobs are cancelled.
 */
export const remindJobId = (sessionId: string, userId: string, revision: number, offsetMinutes: number) =>
  jobId('remind', sessionId, userId, offsetLabel(offsetMinutes), `r${revision}`);
export const snoozedRemindJobId = (sessionId: string, userId: string, revision: number, snoozes: number) =>
  jobId('remind', sessionId, userId, `snooze${snoozes}`, `r${revision}`);
export const reflectJobId = (sessionId: string, userId: string, revision: number) => jobId('reflect', sessionId, userId, `r${revision}`);
export const attendanceJobId = (sessionId: string, leaderId: string, revision: number) => jobId('attendance', sessionId, leaderId, `r${revision}`);
export const notifyJobId = (sessionId: string, userId: string, event: SessionEvent, revision: number) =>
  jobId('notify', sessionId, userId, event, `r${revision}`);
