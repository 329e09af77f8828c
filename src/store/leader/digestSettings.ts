import { digestSettingsDocSchema, type DigestSettingsDoc } from '../../domain/leader';
import type { DigestSettingsRepository } from '../../services/leader';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

/** The leader's digest settings: one document `digestSettings` in their own partition of `users`. */
export class CosmosDigestSettingsRepository implements DigestSettingsRepository {
  private readonly docs: Documents<typeof digestSettingsDocSchema>;
  constructor(containers: Containers) {
    this.docs = new Documents(containers.users, digestSettingsDocSchema, 'digestSettings');
  }
  get(userId: string) {
    return this.docs.read('digestSettings', userId);
  }
  /** Their own settings: last write wins. */
  save(doc: DigestSettingsDoc) {
    return this.docs.upsert(doc);
  }
}
