import { z } from 'zod';
import { jobId, utcInstant } from '../shared/schedule';

/**
 * Private guidance: a thread between a group's leader and one participant. Every message of it is a
 * document in the participant's partition of `users` (it is their data: exported and erased with
 * them); `leaderId` names the other person and is dropped when the leader erases their own data.
 */

/** Longest message, in characters (a phone screen or two; far below the 2000 of any typed message). */
export const maxGuidanceChars = 1000;

/** Why a message did not reach the other person, in a form the cards word in any language. */
export const undeliveredReasons = ['no_conversation', 'bot_removed', 'connector', 'left_group'] as const;
export type UndeliveredReason = (typeof undeliveredReasons)[number];

export const guidanceMessageSchema = z.object({
  type: z.literal('guidanceMessage'),
  id: z.string().startsWith('guidance:'),
  /** The participant: the partition, and the owner of the thread. */
  userId: z.string(),
  groupId: z.string(),
  /** The group's leader when it was written; absent after the leader erased their data. */
  leaderId: z.string().optional(),
  from: z.enum(['leader', 'participant']),
  text: z.string().min(1).max(maxGuidanceChars),
  createdAt: utcInstant,
  status: z.enum(['sending', 'delivered', 'undelivered']),
  /** 1 for the first send; each retry counts one up (and has its own job). */
  attempt: z.number().int().min(1),
  deliveredAt: utcInstant.optional(),
  undelivered: z.object({ reason: z.enum(undeliveredReasons), at: utcInstant, status: z.number().int().optional() }).optional(),
  _etag: z.string().optional(),
});
export type GuidanceMessage = z.infer<typeof guidanceMessageSchema>;

export const guidanceMessageId = (uuid: string) => `guidance:${uuid}`;

// ---- jobs ----------------------------------------------------------------------------------------

export const guidanceJobKinds = { deliver: 'leader.guidance' } as const;
export const deliverPayloadSchema = z.object({ participantId: z.string(), messageId: z.string() });
export type DeliverPayload = z.infer<typeof deliverPayloadSchema>;
/** One send per message and attempt; the participant's id is in it so their erase finds the job. */
export const deliverJobId = (participantId: string, messageId: string, attempt: number) => jobId(guidanceJobKinds.deliver, participantId, messageId, attempt);

// ---- rules ---------------------------------------------------------------------------------------

/** What only guidance can get wrong; the dialogs say it as leader.guidance.errors.<code>. */
export const guidanceErrorCodes = ['EMPTY', 'TOO_LONG', 'NOT_A_PARTICIPANT', 'THREAD_NOT_FOUND', 'THREAD_CLOSED', 'NOT_UNDELIVERED', 'NO_PARTICIPANTS'] as const;
export type GuidanceErrorCode = (typeof guidanceErrorCodes)[number];
export class GuidanceError extends Error {
  constructor(readonly code: GuidanceErrorCode) {
    super(code);
    this.name = 'GuidanceError';
  }
}
export const isGuidanceError = (e: unknown): e is GuidanceError => e instanceof GuidanceError;

/** A message as it will be stored: trimmed, never empty, never longer than the limit. */
export function guidanceText(raw: string | undefined, max = maxGuidanceChars): string {
  const text = (raw ?? '').trim();
  if (!text) throw new GuidanceError('EMPTY');
  if (text.length > max) throw new GuidanceError('TOO_LONG');
  return text;
}

/** The reason in words' code for a send that did not go: never a person, never a text. */
export function undeliveredReason(outcome: { kind: 'unreachable'; status: number; reason?: string } | { kind: 'failed'; status?: number }): UndeliveredReason {
  if (outcome.kind === 'failed') return 'connector';
  return outcome.reason === 'no_conversation' ? 'no_conversation' : 'bot_removed';
}

/** Who the message goes to: the other one of the two. */
export const recipientOf = (m: Pick<GuidanceMessage, 'from' | 'userId' | 'leaderId'>): string | undefined => (m.from === 'leader' ? m.userId : m.leaderId);
/** Who wrote it. */
export const senderOf = (m: Pick<GuidanceMessage, 'from' | 'userId' | 'leaderId'>): string | undefined => (m.from === 'leader' ? m.leaderId : m.userId);
