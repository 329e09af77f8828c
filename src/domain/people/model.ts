import { z } from 'zod';
import { localeSchema } from '../shared/locale';

/**
 * The people feature's documents, one zod schema each. Repositories parse every read with these; how
 * they are stored (their stored `type`, Cosmos' `_etag`) is src/store/people's business.
 */

const isoInstant = z.iso.datetime({ offset: true });

/** Personal limits: "each participant takes part within the limits of his or her capabilities". Never shown to peers. */
export const limitsSchema = z.object({
  mobility: z.boolean().default(false),
  budget: z.boolean().default(false),
  times: z.string().max(500).optional(),
  note: z.string().max(500).optional(),
});
export type Limits = z.infer<typeof limitsSchema>;

export const consentSchema = z.object({ given: z.boolean(), at: isoInstant });

export const userSchema = z.object({
  id: z.string(),
  userId: z.string(),
  locale: localeSchema.optional(),
  timeZone: z.string().optional(),
  consent: consentSchema.optional(),
  /** Stored only once consent is given. */
  displayName: z.string().max(100).optional(),
  limits: limitsSchema.optional(),
  groupId: z.string().optional(),
  canLead: z.boolean().default(false),
  leadsGroupIds: z.array(z.string()).default([]),
  /** A digest of the personal conversation reference last stored: a turn that brings the same one writes nothing. */
  referenceKey: z.string().max(64).optional(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type User = z.infer<typeof userSchema>;

/** What the bot needs to speak first: botbuilder's ConversationReference, minus names. */
export const storedReferenceSchema = z.object({
  activityId: z.string().optional(),
  channelId: z.string(),
  serviceUrl: z.string(),
  locale: z.string().optional(),
  conversation: z.looseObject({
    id: z.string(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.looseObject({ id: z.string() }),
  user: z.looseObject({ id: z.string(), aadObjectId: z.string().optional() }).optional(),
});
export type StoredReference = z.infer<typeof storedReferenceSchema>;

export const conversationRefSchema = z.object({
  id: z.string(),
  /** The owner: a user id, or `chat:{conversationId}` for a group chat. */
  userId: z.string(),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  reference: storedReferenceSchema,
  groupId: z.string().optional(),
  unreachable: z.object({ at: isoInstant, status: z.number() }).optional(),
  updatedAt: isoInstant,
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export const codeAttemptsSchema = z.object({
  id: z.literal('codeAttempts'),
  userId: z.string(),
  /** Every code try in the window (counted before the code is looked at; a right one is removed). Stored name kept. */
  failures: z.array(isoInstant),
});
export type CodeAttempts = z.infer<typeof codeAttemptsSchema>;

export const chatOwnerKey = (conversationId: string) => `chat:${conversationId}`;
