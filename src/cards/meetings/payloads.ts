import { z } from 'zod';
import { attendanceStatuses, rsvpAnswers } from '../../domain/meetings';
import { id, simple, text } from '../shared/actions';

/** Upcoming meetings: a participant's with RSVP buttons, a leader's with schedule/move/cancel/attendance. */
export const meetingsPayload = simple('meetings');
/** Leader: open the schedule form for this group. */
export const meetingNewPayload = z.object({ action: z.literal('meeting.new'), groupId: id });
/** Leader: move or cancel one meeting, or open its attendance roster. */
export const meetingMovePayload = z.object({ action: z.literal('meeting.move'), groupId: id, meetingId: id });
export const meetingCancelPayload = z.object({ action: z.literal('meeting.cancel'), groupId: id, meetingId: id });
export const attendanceOpenPayload = z.object({ action: z.literal('attendance'), groupId: id, meetingId: id });
/** Participant: will I come? From a notice, a reminder or the meetings list. */
export const rsvpPayload = z.object({ action: z.literal('rsvp'), groupId: id, meetingId: id, answer: z.enum(rsvpAnswers) });
export type RsvpPayload = z.infer<typeof rsvpPayload>;

/** The schedule / move form's answer (the dialog that showed the form knows which group and meeting). */
export const meetingFormPayload = z.object({
  action: z.literal('meeting.save'),
  title: text(100),
  /** Input.Date: yyyy-MM-dd */
  date: text(20),
  /** Input.Time: HH:mm */
  time: text(10),
  /** Minutes, from a ChoiceSet. */
  duration: text(10),
  place: text(200),
});
export type MeetingFormPayload = z.infer<typeof meetingFormPayload>;

/** The attendance roster: one Input.ChoiceSet per member, ids `m0`, `m1`, … in the order of `members`. */
export const attendancePayload = z.looseObject({
  action: z.literal('attendance.save'),
  groupId: id,
  meetingId: id,
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
