import type { Clock } from '../../domain/shared/clock';
import { chatOwnerKey, type ConversationRef, type StoredReference } from '../../domain/people/model';
import type { ConversationRefRepository } from './ports';

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
  ) {}

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
      type: 'conversationRef',
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
