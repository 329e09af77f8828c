import { z } from 'zod';
import { attendanceStatuses, rsvpAnswers } from '../../domain/meetings';
import { id, simple, text } from '../shared/actions';

/** Upcoming meetings: a participant's with RSVP buttons, a leader's with schedule/move/cancel/attendance. */
export const sessionsPayload = simple('sessions');
/** Leader: open the schedule form for this group. */
export const sessionNewPayload = z.object({ action: z.literal('session.new'), groupId: id });
/** Leader: move or cancel one session, or open its attendance roster. */
export const sessionMovePayload = z.object({ action: z.literal('session.move'), groupId: id, sessionId: id });
export const sessionCancelPayload = z.object({ action: z.literal('session.cancel'), groupId: id, sessionId: id });
export const attendanceOpenPayload = z.object({ action: z.literal('attendance'), groupId: id, sessionId: id });
/** Participant: will I come? From a notice, a reminder or the meetings list. */
export const rsvpPayload = z.object({ action: z.literal('rsvp'), groupId: id, sessionId: id, answer: z.enum(rsvpAnswers) });
export type RsvpPayload = z.infer<typeof rsvpPayload>;

/** The schedule / move form's answer (the dialog that showed the form knows which group and session). */
export const sessionFormPayload = z.object({
  action: z.literal('session.save'),
  title: text(100),
  /** Input.Date: yyyy-MM-dd */
  date: text(20),
  /** Input.Time: HH:mm */
  time: text(10),
  /** Minutes, from a ChoiceSet. */
  duration: text(10),
  place: text(200),
});
export type SessionFormPayload = z.infer<typeof sessionFormPayload>;

/** The attendance roster: one Input.ChoiceSet per member, ids `m0`, `m1`, … in the order of `members`. */
export const attendancePayload = z.looseObject({
  action: z.literal('attendance.save'),
  groupId: id,
  sessionId: id,
  members: z.array(id).max(50),
});
export type AttendancePayload = z.infer<typeof attendancePayload>;

/** The roster's answers as (userId, status) pairs; members left unanswered are left out. */
export function attendanceFromPayload(p: AttendancePayload): Array<{ userId: string; status: (typeof attendanceStatuses)[number] }> {
  const marks: Array<{ userId: string; status: (typeof attendanceStatuses)[number] }> = [];
  p.members.forEach((userId, i) => {
    const value = (p as Record<string, unknown>)[`m${i}`];
    const status = z.enum(attendanceStatuses).safeParse(value);
    if (status.success) marks.push({ userId, status: status.data });
  });
  return marks;
}
