import type { CodeAttempts, ConversationRef, Group, Invite, User } from '../domain/model';

/** What the services need from storage. Implemented over Cosmos in src/store; nothing else implements them. */

export interface UserRepository {
  get(userId: string): Promise<User | undefined>;
  /** Creates when new (no _etag); otherwise replaces only if unchanged since read (CONFLICT). */
  save(user: User): Promise<User>;
  /** Everything of one person: profile, references, counters. */
  deleteAll(userId: string): Promise<void>;
}

export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  create(group: Group): Promise<Group>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(group: Group): Promise<Group>;
  listByLeader(leaderId: string): Promise<Group[]>;
  getInvite(code: string): Promise<Invite | undefined>;
  putInvite(invite: Invite): Promise<Invite>;
  deleteInvite(code: string): Promise<void>;
}

export interface ConversationRefRepository {
  upsert(ref: ConversationRef): Promise<ConversationRef>;
  get(ownerId: string, conversationId: string): Promise<ConversationRef | undefined>;
  listForOwner(ownerId: string): Promise<ConversationRef[]>;
  markUnreachable(ownerId: string, conversationId: string, status: number, at: Date): Promise<void>;
}

export interface CodeAttemptRepository {
  get(userId: string): Promise<CodeAttempts | undefined>;
  save(attempts: CodeAttempts): Promise<CodeAttempts>;
}

/** A message the bot sends on its own. Cards are plain Adaptive Card JSON built in src/cards. */
export interface OutboundMessage {
  text?: string;
  cards?: object[];
}

export type SendOutcome =
  | { kind: 'sent' }
  /** The bot was removed or the user is gone (403/404): do not try again. */
  | { kind: 'unreachable'; status: number }
  /** Still failing after the sender's own retries (429/5xx/network). The caller may try again later. */
  | { kind: 'failed'; status?: number };

export interface Messenger {
  send(ownerId: string, conversationId: string, message: OutboundMessage): Promise<SendOutcome>;
}
