import { z } from 'zod';
import { maxGuidanceChars } from '../../domain/leader';
import { id, text } from '../shared/actions';

/**
 * Leader: write to one participant. From the menu (nothing chosen yet) or from a card that names the
 * group and the person (an answer's "Answer", the alert's "I'll reach out").
 */
export const messagePayload = z.object({ action: z.literal('leader.message'), groupId: id.optional(), userId: id.optional() });
export type MessagePayload = z.infer<typeof messagePayload>;
/**
 * The write form's answer. Longer than the limit is still parsed, so it gets "shorten it" instead of
 * "old button"; far longer is no form of ours.
 */
export const sendPayload = z.object({ action: z.literal('leader.send'), text: text(maxGuidanceChars * 4) });
/** Participant: answer the message they got (its id, looked up in their own data only). */
export const replyPayload = z.object({ action: z.literal('leader.reply'), messageId: id });
export type ReplyPayload = z.infer<typeof replyPayload>;
/** The sender of an undelivered message sends it again. */
export const retryPayload = z.object({ action: z.literal('leader.retry'), participantId: id, messageId: id });
export type RetryPayload = z.infer<typeof retryPayload>;
