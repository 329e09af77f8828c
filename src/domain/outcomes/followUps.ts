import { DateTime } from 'luxon';
import { z } from 'zod';
import { confirmableOn, isoDate } from './model';

/** The group's life cycle as the leader set it: in the group's partition, one document. */
export const groupDatesSchema = z.object({
  id: z.literal('outcomeDates'),
  groupId: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type GroupDates = z.infer<typeof groupDatesSchema>;

/** The scheduler's kind of the leader's follow-up reminders. */
export const followUpJobKind = 'outcomes.followUp';
export const followUpReasons = ['end1m', 'end4m', 'employment'] as const;
export type FollowUpReason = (typeof followUpReasons)[number];
export const followUpJobPayloadSchema = z.object({ reason: z.enum(followUpReasons), entryId: z.string().optional(), userId: z.string().optional() });
export type FollowUpJobPayload = z.infer<typeof followUpJobPayloadSchema>;

/** Deterministic ids: planning again (a changed end date) moves the one job, never makes a second. */
export const followUpJobId = (groupId: string, reason: FollowUpReason, entryId?: string) =>
  ['outcomes', groupId.replace(/[/\\?#]/g, '_'), reason, ...(entryId ? [entryId] : [])].join(':');

/** 09:00 in the group's zone on a date: when a reminder is sent. */
const morningOf = (date: string, timeZone: string) => DateTime.fromISO(`${date}T09:00`, { zone: timeZone }).toUTC().toISO()!;

export const endFollowUpDue = (endDate: string, months: 1 | 4, timeZone: string) => morningOf(DateTime.fromISO(endDate).plus({ months }).toISODate()!, timeZone);
export const employmentFollowUpDue = (startDate: string, timeZone: string) => morningOf(confirmableOn(startDate), timeZone);
