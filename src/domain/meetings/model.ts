import { z } from 'zod';
import { jobId, utcInstant } from '../shared/schedule';

/**
 * Stored documents about meetings. Meetings, RSVPs and attendance live in the `groups` container in
 * the group's partition; reminder preferences and pauses in the `users` container in the person's.
 * How they are stored (stored type, stored names, Cosmos' `_etag`) is src/store/meetings' business.
 */

export const meetingStatuses = ['scheduled', 'cancelled'] as const;

export const meetingSchema = z.object({
  /** Made by the store from the schedule request's id (MeetingRepository.idFor). */
  id: z.string().min(1),
  groupId: z.string(),
  title: z.string().min(1).max(100),
  startsAt: utcInstant,
  endsAt: utcInstant,
  place: z.string().max(200),
  activityId: z.string().optional(),
  status: z.enum(meetingStatuses),
  /** Grows by one with every move; jobs planned for an older revision are stale. */
  revision: z.number().int().positive(),
  /** Where the last move took it from: a repeated move plans the same notices again. */
  previousStartsAt: utcInstant.optional(),
  createdBy: z.string(),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  cancelledAt: utcInstant.optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const rsvpAnswers = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** One document per person and meeting: a repeated answer is an idempotent overwrite. */
export const rsvpSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  meetingId: z.string(),
  userId: z.string(),
  answer: z.enum(rsvpAnswers),
  answeredAt: utcInstant,
});
export type Rsvp = z.infer<typeof rsvpSchema>;
export const rsvpId = (meetingId: string, userId: string) => `rsvp:${meetingId}:${userId}`;

export const attendanceStatuses = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  meetingId: z.string(),
  userId: z.string(),
  status: z.enum(attendanceStatuses),
  recordedBy: z.string(),
  recordedAt: utcInstant,
});
export type Attendance = z.infer<typeof attendanceSchema>;
export const attendanceId = (meetingId: string, userId: string) => `attendance:${meetingId}:${userId}`;

// ---- job payloads of the meeting job kinds -------------------------------------------------------

export const meetingJobKinds = { remind: 'remind', reflect: 'reflect', notify: 'notify', attendance: 'attendance' } as const;

const meetingRef = { meetingId: z.string(), revision: z.number().int().positive() };

export const reflectPayloadSchema = z.object({ ...meetingRef, meetingEndsAt: utcInstant });
export type ReflectPayload = z.infer<typeof reflectPayloadSchema>;

/** The leader's roster card when a meeting ends: the same shape as a reflection prompt's. */
export const attendancePayloadSchema = reflectPayloadSchema;
export type AttendanceJobPayload = ReflectPayload;

export const meetingEvents = ['scheduled', 'moved', 'cancelled'] as const;
export type MeetingEvent = (typeof meetingEvents)[number];

export const notifyPayloadSchema = z.object({
  ...meetingRef,
  event: z.enum(meetingEvents),
  /** For `moved`: where it was, so the message can say "moved from … to …". */
  previousStartsAt: utcInstant.optional(),
});
export type NotifyPayload = z.infer<typeof notifyPayloadSchema>;

/*
 * Deterministic job ids: planning twice finds the same job. The meeting revision is part of the id, so
 * a moved meeting gets fresh reminders while the old revision's jobs are cancelled.
 */
export const reflectJobId = (meetingId: string, userId: string, revision: number) => jobId('reflect', meetingId, userId, `r${revision}`);
export const attendanceJobId = (meetingId: string, leaderId: string, revision: number) => jobId('attendance', meetingId, leaderId, `r${revision}`);
export const notifyJobId = (meetingId: string, userId: string, event: MeetingEvent, revision: number) =>
  jobId('notify', meetingId, userId, event, `r${revision}`);
