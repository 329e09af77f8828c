import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/shared/clock';
import { chatOwnerKey, type ConversationRef, type StoredReference, type User } from '../../domain/people/model';
import { isDomainError } from '../../domain/shared/errors';
import { retryOnConflict } from '../shared/retryOnConflict';
import type { ConversationRefRepository, UserRepository } from './ports';
import type { JobQueue } from '../shared/ports';

export type PersonalTarget =
  | { conversationId: string; ref: ConversationRef }
  | { unreachable: number; reason: 'no_conversation' | 'conversation_unreachable' };

export async function findPersonalConversation(refs: ConversationRefRepository, userId: string): Promise<PersonalTarget> {
  return personalTargetFrom(await refs.listForOwner(userId), userId);
}

/** The person's newest reachable personal chat among their stored references (already read by the caller). */
export function personalTargetFrom(refs: ConversationRef[], userId: string): PersonalTarget {
  // Filtered here too: a reference is only ever used for its own owner.
  const all = refs.filter((r) => r.userId === userId && r.conversationType === 'personal');
  const reachable = all.filter((r) => !r.unreachable).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  if (reachable[0]) return { conversationId: reachable[0].reference.conversation.id, ref: reachable[0] };
  const marked = all.find((r) => r.unreachable);
  return marked ? { unreachable: marked.unreachable!.status, reason: 'conversation_unreachable' } : { unreachable: 404, reason: 'no_conversation' };
}

export type ConversationType = ConversationRef['conversationType'];

/** Where to send later: one reference per person and per group chat, refreshed when it changes. */
export class ConversationService {
  constructor(
    private readonly refs: ConversationRefRepository,
    private readonly clock: Clock,
    private readonly users?: UserRepository,
    private readonly jobs?: Pick<JobQueue, 'finishPendingAsUnreachable'>,
  ) {}

  /**
   * The bot was removed from a conversation (installationUpdate remove, or a conversationUpdate that
   * removes it): its reference is marked unreachable (Company Communicator style), and when that was
   * the person's last reachable personal chat, what was still to be sent to them is recorded as
   * unreachable instead of being tried. A reference captured after `at` (reinstalled) is left alone.
   */
  async botRemoved(ownerId: string, conversationType: ConversationType, conversationId: string): Promise<void> {
    const now = this.clock.now();
    await this.markUnreachable(ownerId, conversationId, 403, now);
    if (conversationType !== 'personal' || !this.jobs) return;
    const target = await findPersonalConversation(this.refs, ownerId);
    if ('unreachable' in target) await this.jobs.finishPendingAsUnreachable(ownerId, 403, 'bot_removed', now);
  }

  /**
   * What decides whether a stored reference is still right: where the conversation is served, its
   * tenant and language (not the activity id, which changes every turn).
   */
  static referenceKey(ownerId: string, conversationType: ConversationType, reference: StoredReference): string {
    const { channelId, serviceUrl, locale, conversation, bot } = reference;
    const parts = [ownerId, conversationType, channelId, serviceUrl, locale ?? '', conversation.id, conversation.tenantId ?? '', bot.id];
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
  }

  /**
   * Refreshes the reference of the conversation a turn came from. A person whose profile remembers
   * this reference's key costs nothing; otherwise the stored one is read and written when it changed,
   * and the profile remembers the key (best effort: a profile changed meanwhile remembers next time).
   */
  async refresh(ownerId: string, conversationType: ConversationType, reference: StoredReference, profile: User | undefined): Promise<void> {
    const key = ConversationService.referenceKey(ownerId, conversationType, reference);
    if (profile?.referenceKey === key && conversationType === 'personal') return;
    await this.capture(ownerId, conversationType, reference);
    if (!profile || conversationType !== 'personal' || !this.users) return;
    await this.users.save({ ...profile, referenceKey: key }).catch((e: unknown) => {
      if (!isDomainError(e, 'CONFLICT')) throw e;
    });
  }

  /** The stored reference of one conversation (what the proactive sender speaks through). */
  async get(ownerId: string, conversationId: string): Promise<ConversationRef | undefined> {
    return this.refs.get(ownerId, conversationId);
  }

  /**
   * A conversation the bot can no longer reach; the person's next turn stores its reference again.
   * Conditional (see ConversationRefRepository.markUnreachable): false when a newer capture won.
   */
  async markUnreachable(ownerId: string, conversationId: string, status: number, at: Date, seen?: ConversationRef): Promise<boolean> {
    const marked = await this.refs.markUnreachable(ownerId, conversationId, status, at, seen);
    const users = this.users;
    if (!marked || !users || ownerId.startsWith(chatOwnerKey(''))) return marked;
    await retryOnConflict(async () => {
      const profile = await users.get(ownerId);
      if (profile?.referenceKey) await users.save({ ...profile, referenceKey: undefined });
    });
    return true;
  }

  static ownerOf(conversationType: ConversationType, userId: string, conversationId: string): string {
    return conversationType === 'personal' ? userId : chatOwnerKey(conversationId);
  }

  /** One point read per turn; a write only when the reference is new, changed or was unreachable. */
  async capture(ownerId: string, conversationType: ConversationType, reference: StoredReference): Promise<ConversationRef> {
    const existing = await this.refs.get(ownerId, reference.conversation.id);
    if (
      existing &&
      !existing.unreachable &&
      existing.reference.serviceUrl === reference.serviceUrl &&
      existing.reference.locale === reference.locale &&
      existing.reference.conversation.tenantId === reference.conversation.tenantId
    ) {
      return existing;
    }
    return this.refs.upsert({
      id: `ref:${reference.conversation.id}`,
      userId: ownerId,
      conversationType,
      reference,
      groupId: existing?.groupId,
      updatedAt: this.clock.now().toISOString(),
    });
  }

  personalTarget(userId: string): Promise<PersonalTarget> {
    return findPersonalConversation(this.refs, userId);
  }

  async groupForChat(conversationId: string): Promise<string | undefined> {
    const ref = await this.refs.get(chatOwnerKey(conversationId), conversationId);
    return ref?.groupId;
  }

  async attachChatToGroup(conversationId: string, groupId: string): Promise<void> {
    const ref = await this.refs.get(chatOwnerKey(conversationId), conversationId);
    if (!ref) return;
    await this.refs.upsert({ ...ref, groupId, updatedAt: this.clock.now().toISOString() });
  }
}
