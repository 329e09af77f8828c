import { z } from 'zod';
import { jobId, utcInstant } from '../shared/schedule';

/**
 * Stored documents about sessions. Sessions, RSVPs and attendance live in the `groups` container in
 * the group's partition; reminder preferences and pauses in the `users` container in the person's.
 */

const etag = { _etag: z.string().optional() };

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

// ---- job payloads of the session job kinds -------------------------------------------------------

export const sessionJobKinds = { remind: 'remind', reflect: 'reflect', notify: 'notify', attendance: 'attendance' } as const;

const sessionRef = { sessionId: z.string(), revision: z.number().int().positive() };

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
export const reflectJobId = (sessionId: string, userId: string, revision: number) => jobId('reflect', sessionId, userId, `r${revision}`);
export const attendanceJobId = (sessionId: string, leaderId: string, revision: number) => jobId('attendance', sessionId, leaderId, `r${revision}`);
export const notifyJobId = (sessionId: string, userId: string, event: SessionEvent, revision: number) =>
  jobId('notify', sessionId, userId, event, `r${revision}`);
