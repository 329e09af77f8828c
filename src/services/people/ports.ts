import type { CodeAttempts, ConversationRef, User } from '../../domain/people';
import type { Versioned } from '../../domain/shared/version';

/** What the people services need from storage. Implemented over Cosmos in src/store/people. */

export interface UserRepository {
  get(userId: string): Promise<Versioned<User> | undefined>;
  /** Creates when new (no version); otherwise replaces only if unchanged since read (CONFLICT). */
  save(user: Versioned<User>): Promise<Versioned<User>>;
  /** Everything of one person: profile, references, counters. */
  deleteAll(userId: string): Promise<void>;
}

export interface ConversationRefRepository {
  upsert(ref: ConversationRef): Promise<ConversationRef>;
  get(ownerId: string, conversationId: string): Promise<Versioned<ConversationRef> | undefined>;
  listForOwner(ownerId: string): Promise<ConversationRef[]>;
  /**
   * Conditional: nothing changes when the reference was captured after `at`, or (with `seen`, the
   * reference a send used) when it was written since it was read. True when it was marked.
   */
  markUnreachable(ownerId: string, conversationId: string, status: number, at: Date, seen?: ConversationRef): Promise<boolean>;
}

export interface CodeAttemptRepository {
  get(userId: string): Promise<Versioned<CodeAttempts> | undefined>;
  /** Creates when it has no version (CONFLICT if someone created it first), else replaces only if unchanged (CONFLICT). */
  save(attempts: Versioned<CodeAttempts>): Promise<Versioned<CodeAttempts>>;
}

/** Leaving one's group, as "forget me" needs it (implemented by the groups feature's GroupService). */
export interface GroupMembership {
  leaveGroup(userId: string): Promise<unknown>;
}

/** What the proactive sender needs of the stored references: one to speak through, and marking one unreachable. */
export type ReferenceBook = Pick<ConversationRefRepository, 'get' | 'markUnreachable'>;
