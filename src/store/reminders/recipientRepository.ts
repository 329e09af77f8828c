import type { RecipientDocuments, RecipientRepository } from '../../services/meetings';
import type { Container } from '@azure/cosmos';
import type { Containers } from '../shared/cosmosClient';
import { queryMixed } from '../shared/mixedDocuments';
import { peopleDocuments } from '../people';
import { reminderDocuments } from './repositories';

const recipientDocuments = (containers: Containers) => {
  const people = peopleDocuments(containers);
  return {
    user: people.user,
    conversationRef: people.conversationRef,
    ...reminderDocuments(containers),
  };
};

/**
 * Everything in one person's partition of `users` that a message to them depends on — the profile
 * (zone, language), reminder settings, the current pause and the conversation references — in one
 * query (two requests with the SDK's query plan) instead of four reads. Each document is zod-parsed.
 */
export class CosmosRecipientRepository implements RecipientRepository {
  private readonly docs: ReturnType<typeof recipientDocuments>;
  private readonly users: Container;
  constructor(containers: Containers) {
    this.docs = recipientDocuments(containers);
    this.users = containers.users;
  }

  async load(userId: string): Promise<RecipientDocuments> {
    const found = await queryMixed(
      this.users,
      this.docs,
      {
        // The owner is named in the WHERE clause too: the embedded server ignores the partition key of a query.
        query: "SELECT * FROM c WHERE c.userId = @userId AND (c.id IN (@userId, 'reminderPrefs', 'pause') OR c.type = 'conversationRef')",
        parameters: [{ name: '@userId', value: userId }],
      },
      userId,
    );
    const result: RecipientDocuments = { refs: [] };
    for (const one of found) {
      if (one.type === 'user') result.user = one.doc;
      else if (one.type === 'reminderPrefs') result.prefs = one.doc;
      else if (one.type === 'pause' && one.doc.id === 'pause') result.pause = one.doc;
      else if (one.type === 'conversationRef') result.refs.push(one.doc);
    }
    return result;
  }
}
