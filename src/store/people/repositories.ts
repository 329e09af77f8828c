import { isDomainError } from '../../domain/shared/errors';
import { codeAttemptsSchema, conversationRefSchema, userSchema, type CodeAttempts, type ConversationRef, type User } from '../../domain/people';
import type { CodeAttemptRepository, ConversationRefRepository, UserRepository } from '../../services/people';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';
import { versionOf } from '../../domain/shared/version';

/** How the people feature's documents are stored in `users`: the domain schema and its stored type. */
export const peopleDocuments = (containers: Containers) => ({
  user: new Documents(containers.users, userSchema, 'user'),
  conversationRef: new Documents(containers.users, conversationRefSchema, 'conversationRef'),
  codeAttempts: new Documents(containers.users, codeAttemptsSchema, 'codeAttempts'),
});

export const refId = (conversationId: string) => `ref:${conversationId}`;

export class CosmosUserRepository implements UserRepository {
  private readonly users: Documents<typeof userSchema>;
  constructor(private readonly containers: Containers) {
    this.users = peopleDocuments(containers).user;
  }
  get(userId: string) {
    return this.users.read(userId, userId);
  }
  save(user: User) {
    return versionOf(user) ? this.users.replace(user, user.userId) : this.users.create(user);
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
    this.refs = peopleDocuments(containers).conversationRef;
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
  async markUnreachable(ownerId: string, conversationId: string, status: number, at: Date, seen?: ConversationRef): Promise<boolean> {
    const mark = { at: at.toISOString(), status };
    for (let attempt = 0; attempt < 3; attempt++) {
      const ref = attempt === 0 && seen ? seen : await this.get(ownerId, conversationId);
      // Captured after `at` (reinstalled, written to again): that reference is newer than the failure.
      if (!ref || ref.updatedAt > mark.at) return false;
      try {
        await this.refs.replace({ ...ref, unreachable: mark, updatedAt: mark.at }, ownerId);
        return true;
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
        // Someone wrote it since it was read. A send's failure only concerns the reference it used.
        if (seen) return false;
      }
    }
    return false;
  }

}

export class CosmosCodeAttemptRepository implements CodeAttemptRepository {
  private readonly attempts: Documents<typeof codeAttemptsSchema>;
  constructor(containers: Containers) {
    this.attempts = peopleDocuments(containers).codeAttempts;
  }
  get(userId: string) {
    return this.attempts.read('codeAttempts', userId);
  }
  save(attempts: CodeAttempts) {
    return versionOf(attempts) ? this.attempts.replace(attempts, attempts.userId) : this.attempts.create(attempts);
  }
}

