import { z } from 'zod';
import type { Limits } from '../domain/model';

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
]);
export type SimpleAction = z.infer<typeof simple>;

const boolish = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

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

export const cardAction = z.union([
  z.object({ action: simple }),
  z.object({ action: z.literal('renewInvite'), groupId: z.string().min(1).max(100) }),
  limitsPayload,
]);
export type CardAction = z.infer<typeof cardAction>;

export type ParsedValue = { ok: true; action: CardAction } | { ok: false };

/** Teams wraps Action.Submit data in msteams fields; everything we did not put there is ignored. */
export function parseCardValue(value: unknown): ParsedValue {
  const parsed = cardAction.safeParse(value);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false };
}

export const submit = (title: string, data: Record<string, unknown>) => ({ type: 'Action.Submit', title, data });
