import { z } from 'zod';
import { escoGroups, strengthIdSchema, type StrengthId } from '../../domain/checkins';

/** Every check-in card payload, action names 'checkins.<verb>'. Anything else under that prefix is stale or forged. */

const id = z.string().min(1).max(200);
const boolish = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const text = (max: number) => z.string().max(max).optional().default('');

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

export const checkInAction = z.discriminatedUnion('action', [
  /** From the reflection prompt (with its meeting) or the menu. */
  z.object({ action: z.literal('checkins.start'), meetingId: id.optional() }),
  saveCheckInPayload,
  /** On the card: "ask me one at a time" instead. */
  z.object({ action: z.literal('checkins.stepwise') }),
  z.object({ action: z.literal('checkins.reflections') }),
  z.object({ action: z.literal('checkins.share'), checkInId: id, shared: boolish }),
  /** The leader's view of one group they lead (or of every group they lead). */
  z.object({ action: z.literal('checkins.leader'), groupId: id.optional() }),
  z.object({ action: z.literal('checkins.export') }),
]);
export type CheckInAction = z.infer<typeof checkInAction>;

export const isCheckInValue = (value: unknown): value is { action: string } =>
  typeof value === 'object' && value !== null && typeof (value as { action?: unknown }).action === 'string' && (value as { action: string }).action.startsWith('checkins.');

export type ParsedCheckInAction = { ok: true; action: CheckInAction } | { ok: false };

export function parseCheckInAction(value: unknown): ParsedCheckInAction {
  const parsed = checkInAction.safeParse(value);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false };
}
