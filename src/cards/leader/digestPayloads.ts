import { z } from 'zod';
import { digestCadences } from '../../domain/leader';
import { boolish, simple } from '../shared/actions';

/** Leader: the digest of every group they lead, now. */
export const digestNowPayload = simple('leader.digestNow');
/** Leader: the form of when the digest comes. */
export const digestSettingsPayload = simple('leader.digestSettings');
/**
 * Leader: the form's answer. Inputs arrive as strings; the time is checked by the handler so that a
 * wrong one gets a sentence, not a stale-card answer.
 */
export const digestSavePayload = z.object({
  action: z.literal('leader.digestSave'),
  cadence: z.enum(digestCadences),
  weekday: z.coerce.number().int().min(1).max(7),
  time: z.string().max(10),
  beforeMeetings: boolish.optional().default(false),
});
export type DigestSavePayload = z.infer<typeof digestSavePayload>;
