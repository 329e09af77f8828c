import { z } from 'zod';
import type { Limits } from '../domain/model';
import { attendanceStatuses, pauseReasons, rsvpAnswers } from '../domain/sessions';

/** Every Action.Submit payload the bot ever puts on a card. Anything else is stale or forged. */
const simple = z.enum([
  'menu',
  'help',
  'onboard',
  'join',
  'leave',
  'newGroup',
  'myGroups',
  'myGroup',
  'limits',
  'language',
  'privacy',
  'becomeLeader',
  'linkChat',
  /** Upcoming meetings: a participant's with RSVP buttons, a leader's with schedule/move/cancel/attendance. */
  'sessions',
  /** A person's reminder settings (offsets, quiet hours, on/off). */
  'reminders',
  /** Pause reminders for a while (job interview, work try-out, illness). */
  'pause',
  /** End the running pause now. */
  'pause.end',
  /** "Cancel" on a form: ends the dialog that showed it, nothing is changed. */
  'form.cancel',
]);
export type SimpleAction = z.infer<typeof simple>;

const boolish = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const id = z.string().min(1).max(200);
/** Card inputs arrive as strings (Input.Number too, in some clients); empty means unanswered. */
const text = (max: number) => z.string().max(max).optional().default('');

export const limitsPayload = z.object({
  action: z.literal('limits.save'),
  mobility: boolish.optional().default(false),
  budget: boolish.optional().default(false),
  times: z.string().max(500).optional().default(''),
  note: z.string().max(500).optional().default(''),
  skip: boolish.optional().default(false),
});
export type LimitsPayload = z.infer<typeof limitsPayload>;

/** The form's answer as stored limits: empty text fields mean "nothing to say". */
export const limitsFromPayload = (p: LimitsPayload): Limits => ({
  mobility: p.mobility,
  budget: p.budget,
  times: p.times.trim() || undefined,
  note: p.note.trim() || undefined,
});

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

/** Reminder settings form: offsets come from a multi-select ChoiceSet as "1440,120". */
export const remindersPayload = z.object({
  action: z.literal('reminders.save'),
  enabled: boolish.optional().default(true),
  offsets: text(100),
  quietStart: text(10),
  quietEnd: text(10),
});
export type RemindersPayload = z.infer<typeof remindersPayload>;

export const pausePayload = z.object({
  action: z.literal('pause.save'),
  reason: z.enum(pauseReasons),
  /** Input.Date: the last paused day, yyyy-MM-dd. */
  until: text(20),
});
export type PausePayload = z.infer<typeof pausePayload>;

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

export const cardAction = z.union([
  z.object({ action: simple }),
  z.object({ action: z.literal('renewInvite'), groupId: id }),
  limitsPayload,
  sessionFormPayload,
  remindersPayload,
  pausePayload,
  attendancePayload,
  /** Leader: open the schedule form for this group. */
  z.object({ action: z.literal('session.new'), groupId: id }),
  /** Leader: move or cancel one session, or open its attendance roster. */
  z.object({ action: z.enum(['session.move', 'session.cancel', 'attendance']), groupId: id, sessionId: id }),
  /** Participant: will I come? From a notice, a reminder or the meetings list. */
  z.object({ action: z.literal('rsvp'), groupId: id, sessionId: id, answer: z.enum(rsvpAnswers) }),
  /** Participant: remind me again in N minutes (the card carries the reminder's job id). */
  z.object({ action: z.literal('snooze'), groupId: id, jobId: id, minutes: z.coerce.number().int() }),
]);
export type CardAction = z.infer<typeof cardAction>;

/** Form answers belong to the dialog that showed the form; without one they come from an old card. */
export const formAnswers: ReadonlySet<CardAction['action']> = new Set(['limits.save', 'session.save', 'reminders.save', 'pause.save', 'form.cancel']);

export type ParsedValue = { ok: true; action: CardAction } | { ok: false };

/** Teams wraps Action.Submit data in msteams fields; everything we did not put there is ignored. */
export function parseCardValue(value: unknown): ParsedValue {
  const parsed = cardAction.safeParse(value);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false };
}

export const submit = (title: string, data: Record<string, unknown>) => ({ type: 'Action.Submit', title, data });

/** A button that sends no form inputs, so the client never blocks it on an unfinished form (Cancel, End pause). */
export const submitWithoutInputs = (title: string, data: Record<string, unknown>) => ({ ...submit(title, data), associatedInputs: 'none' });
