import { z } from 'zod';
import type { Limits } from '../../domain/people';
import { localeSchema } from '../../domain/shared/locale';
import { boolish, simple } from '../shared/actions';

export const onboardPayload = simple('onboard');
export const limitsOpenPayload = simple('limits');
export const languagePayload = simple('language');
export const privacyPayload = simple('privacy');
/** The first-contact language question's buttons. */
export const languageSetPayload = z.object({ action: z.literal('language.set'), locale: localeSchema });

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
