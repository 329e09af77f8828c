import { codeAttemptsSchema, conversationRefSchema, userSchema, type CodeAttempts, type ConversationRef, type User } from '../../domain/people';
import type { CodeAttemptRepository, ConversationRefRepository, UserRepository } from '../../services/people';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

export const refId = (conversationId: string) => `ref:${conversationId}`;

export class CosmosUserRepository implements UserRepository {
  private readonly users: Documents<typeof userSchema>;
  constructor(private readonly containers: Containers) {
    this.users = new Documents(containers.users, userSchema);
  }
  get(userId: string) {
    return this.users.read(userId, userId);
  }
  save(user: User) {
    return user._etag ? this.users.replace(user, user.userId) : this.users.create(user);
  }
  async deleteAll(userId: string) {
    const { resources } = await this.containers.users.items
      // The owner is named in the WHERE clause too: the embedded server ignores the partition key of a query.
      .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.userId = @userId', parameters: [{ name: '@userId', value: userId }] }, { partitionKey: userId })
      .fetchAll();
    for (const { id } of resources) await this.users.delete(id, userId);
  }
}

export class CosmosConversationRefRepository implements ConversationRefRepository {
  private readonly refs: Documents<typeof conversationRefSchema>;
  constructor(containers: Containers) {
    this.refs = new Documents(containers.users, conversationRefSchema);
  }
  upsert(ref: ConversationRef) {
    return this.refs.upsert(ref);
  }
  get(ownerId: string, conversationId: string) {
    return this.refs.read(refId(conversationId), ownerId);
  }
  listForOwner(ownerId: string) {
    return this.refs.query(
      { query: "SELECT * FROM c WHERE c.type = 'conversationRef' AND c.userId = @ownerId", parameters: [{ name: '@ownerId', value: ownerId }] },
      ownerId,
    );
  }
  async markUnreachable(ownerId: string, conversationId: string, status: number, at: Date) {
    const ref = await this.get(ownerId, conversationId);
    if (!ref) return;
    await this.refs.upsert({ ...ref, unreachable: { at: at.toISOString(), status }, updatedAt: at.toISOString() });
  }
}

export class CosmosCodeAttemptRepository implements CodeAttemptRepository {
  private readonly attempts: Documents<typeof codeAttemptsSchema>;
  constructor(containers: Containers) {
    this.attempts = new Documents(containers.users, codeAttemptsSchema);
  }
  get(userId: string) {
    return this.attempts.read('codeAttempts', userId);
  }
  save(attempts: CodeAttempts) {
    return attempts._etag ? this.attempts.replace(attempts, attempts.userId) : this.attempts.create(attempts);
  }
}

