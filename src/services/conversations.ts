import type { Clock } from '../domain/clock';
import { chatOwnerKey, type ConversationRef, type StoredReference } from '../domain/model';
import type { ConversationRefRepository } from './ports';

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

  async personalConversationOf(userId: string): Promise<ConversationRef | undefined> {
    const refs = await this.refs.listForOwner(userId);
    return refs.find((r) => r.conversationType === 'personal' && !r.unreachable);
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
