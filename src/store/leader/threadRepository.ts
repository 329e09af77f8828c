import { guidanceMessageSchema, type GuidanceMessage } from '../../domain/leader';
import type { ThreadRepository } from '../../services/leader';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';
import { InvalidStoredDocumentError } from '../shared/errors';

/**
 * Guidance messages in the `users` container, partition `/userId` = the participant: the thread is
 * their data, so "my data" exports it and "delete my data" removes it with the rest of the partition.
 * The leader reads one thread = one single-partition query.
 */
export class CosmosThreadRepository implements ThreadRepository {
  private readonly docs: Documents<typeof guidanceMessageSchema>;

  constructor(containers: Containers) {
    this.docs = new Documents(containers.users, guidanceMessageSchema);
  }

  create(message: GuidanceMessage) {
    return this.docs.create(message);
  }

  async get(participantId: string, messageId: string): Promise<GuidanceMessage | undefined> {
    const doc = await this.docs.read(messageId, participantId).catch((e: unknown) => {
      // Another kind of document under a forged id is no message of a thread.
      if (e instanceof InvalidStoredDocumentError) return undefined;
      throw e;
    });
    return doc?.type === 'guidanceMessage' ? doc : undefined;
  }

  replace(message: GuidanceMessage) {
    return this.docs.replace(message, message.userId);
  }

  async listThread(participantId: string, groupId: string, leaderId: string, limit: number): Promise<GuidanceMessage[]> {
    const newest = await this.docs.query(
      {
        // The owner is named in the WHERE clause too: the embedded server ignores a query's partition key.
        query: "SELECT TOP @limit * FROM c WHERE c.type = 'guidanceMessage' AND c.userId = @u AND c.groupId = @g AND c.leaderId = @l ORDER BY c.createdAt DESC",
        parameters: [
          { name: '@limit', value: limit },
          { name: '@u', value: participantId },
          { name: '@g', value: groupId },
          { name: '@l', value: leaderId },
        ],
      },
      participantId,
    );
    return newest.reverse();
  }

  /** Across partitions: rare (a leader asks to be forgotten), and the threads live with each participant. */
  async detachLeader(leaderId: string): Promise<number> {
    const found = await this.docs.query({
      query: "SELECT * FROM c WHERE c.type = 'guidanceMessage' AND c.leaderId = @l",
      parameters: [{ name: '@l', value: leaderId }],
    });
    for (const { leaderId: _gone, ...message } of found) await this.docs.replace(message, message.userId);
    return found.length;
  }
}
