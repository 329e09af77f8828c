import { z } from 'zod';
import { dropReasons, isoDate, outcomeKinds, studyKinds, workHours, workTerms } from '../../domain/outcomes';
import { boolish, id, text } from '../shared/actions';

/** Card inputs arrive as strings; an empty choice means "not given". */
const optional = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal('')]).optional().transform((v) => (v ? v : undefined));

export const outcomesHomePayload = z.object({ action: z.literal('outcomes.home'), groupId: id.optional() });
export const recordFormPayload = z.object({ action: z.literal('outcomes.record'), groupId: id, userId: id, supersedes: id.optional() });
export const recordSavePayload = z.object({
  action: z.literal('outcomes.record.save'),
  groupId: id,
  userId: id,
  requestId: id,
  supersedes: id.optional(),
  kind: z.enum(outcomeKinds),
  date: isoDate,
  endDate: z.union([isoDate, z.literal('')]).optional().transform((v) => (v ? v : undefined)),
  hours: optional(workHours),
  term: optional(workTerms),
  studyKind: optional(studyKinds),
  reason: optional(dropReasons),
});
export type RecordSavePayload = z.infer<typeof recordSavePayload>;
export const followUpPayload = z.object({ action: z.literal('outcomes.followUp'), groupId: id, userId: id, entryId: id, stillEmployed: boolish });
export const notePayload = z.object({ action: z.literal('outcomes.note.save'), groupId: id, requestId: id, note: text(500) });
export const reportPayload = z.object({ action: z.literal('outcomes.report'), groupId: id.optional() });
export const datesPayload = z.object({ action: z.literal('outcomes.dates.save'), groupId: id, startDate: isoDate, endDate: isoDate });
export const serviceReportPayload = z.object({ action: z.literal('outcomes.serviceReport') });
