import { z } from 'zod';
import { conversationRefSchema, userSchema } from '../../domain/people';
import { pauseSchema, reminderPrefsSchema } from '../../domain/reminders';
import type { RecipientDocuments, RecipientRepository } from '../../services/meetings';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

const recipientDocument = z.union([userSchema, conversationRefSchema, reminderPrefsSchema, pauseSchema]);

/**
 * Everything in one person's partition of `users` that a message to them depends on — the profile
 * (zone, language), reminder settings, the current pause and the conversation references — in one
 * query (two requests with the SDK's query plan) instead of four reads. Each document is zod-parsed.
 */
export class CosmosRecipientRepository implements RecipientRepository {
  private readonly docs: Documents<typeof recipientDocument>;
  constructor(containers: Containers) {
    this.docs = new Documents(containers.users, recipientDocument);
  }

  async load(userId: string): Promise<RecipientDocuments> {
    const found = await this.docs.query(
      {
        // The owner is named in the WHERE clause too: the embedded server ignores the partition key of a query.
        query: "SELECT * FROM c WHERE c.userId = @userId AND (c.id IN (@userId, 'reminderPrefs', 'pause') OR c.type = 'conversationRef')",
        parameters: [{ name: '@userId', value: userId }],
      },
      userId,
    );
    const result: RecipientDocuments = { refs: [] };
    for (const doc of found) {
      if (doc.type === 'user') result.user = doc;
      else if (doc.type === 'reminderPrefs') result.prefs = doc;
      else if (doc.type === 'pause' && doc.id === 'pause') result.pause = doc;
      else if (doc.type === 'conversationRef') result.refs.push(doc);
    }
    return result;
  }
}
