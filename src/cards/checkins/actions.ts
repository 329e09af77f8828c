import { z } from 'zod';
import { escoGroups, strengthIdSchema, type StrengthId } from '../../domain/checkins';
import { boolish, id, text } from '../shared/actions';

/** Every check-in card payload (action names 'checkins.<verb>'), each with its zod schema. */


/** The strengths of one ESCO group arrive from a multi-select ChoiceSet as "keptTime,triedNew". */
const strengthList = z
  .string()
  .max(1000)
  .optional()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
  .pipe(z.array(strengthIdSchema).max(30));

export const strengthInputId = (group: (typeof escoGroups)[number]) => `s_${group}`;

export const saveCheckInPayload = z.looseObject({
  action: z.literal('checkins.save'),
  meetingId: id.optional(),
  /** The dialog run that showed the card: a repeated or late submit stores one entry. */
  requestId: id.optional(),
  mood: z.enum(['', '1', '2', '3', '4', '5']).optional().default(''),
  did: text(1000),
  strengthsOther: text(300),
  nextStep: text(300),
  /** Input.Date: yyyy-MM-dd, or empty. */
  nextStepDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional().default(''),
  share: boolish.optional().default(false),
  ...Object.fromEntries(escoGroups.map((g) => [strengthInputId(g), strengthList])),
});
export type SaveCheckInPayload = z.infer<typeof saveCheckInPayload>;

export const strengthsOfPayload = (p: SaveCheckInPayload): StrengthId[] =>
  escoGroups.flatMap((g) => (p as Record<string, unknown>)[strengthInputId(g)] as StrengthId[]);

/** From the reflection prompt (with its meeting) or the menu. */
export const startPayload = z.object({ action: z.literal('checkins.start'), meetingId: id.optional() });
/** On the card: "ask me one at a time" instead. */
export const stepwisePayload = z.object({ action: z.literal('checkins.stepwise') });
export const reflectionsPayload = z.object({ action: z.literal('checkins.reflections') });
export const sharePayload = z.object({ action: z.literal('checkins.share'), checkInId: id, shared: boolish });
/** The leader's view of one group they lead (or of every group they lead). */
export const leaderPayload = z.object({ action: z.literal('checkins.leader'), groupId: id.optional() });
export const exportPayload = z.object({ action: z.literal('checkins.export') });
