import { z } from 'zod';
import { pauseReasons } from '../../domain/reminders';
import { boolish, id, simple, text } from '../shared/actions';

/** A person's reminder settings (offsets, quiet hours, on/off). */
export const remindersOpenPayload = simple('reminders');
/** Pause reminders for a while (job interview, work try-out, illness). */
export const pauseOpenPayload = simple('pause');
/** End the running pause now. */
export const pauseEndPayload = simple('pause.end');
/** Participant: remind me again in N minutes (the card carries the reminder's job id). */
export const snoozePayload = z.object({ action: z.literal('snooze'), groupId: id, jobId: id, minutes: z.coerce.number().int() });
export type SnoozePayload = z.infer<typeof snoozePayload>;

/** Reminder settings form: offsets come from a multi-select ChoiceSet as "1440,120". */
export const remindersPayload = z.object({
  action: z.literal('reminders.save'),
  enabled: boolish.optional().default(true),
  offsets: text(100),
  quietStart: text(10),
  quietEnd: text(10),
  /** The quiet-hours checkbox; absent (an older card) means "as the times say". */
  quietOn: boolish.optional(),
});
export type RemindersPayload = z.infer<typeof remindersPayload>;

export const pausePayload = z.object({
  action: z.literal('pause.save'),
  reason: z.enum(pauseReasons),
  /** Input.Date: the last paused day, yyyy-MM-dd. */
  until: text(20),
});
export type PausePayload = z.infer<typeof pausePayload>;
