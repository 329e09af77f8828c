import { z } from 'zod';
import { pendingFileId, pendingFileSchema, pendingFileTtlSeconds, type PendingFile } from '../../domain/outcomes';
import type { PendingFileRepository } from '../../services/outcomes';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

const storedPendingFile = pendingFileSchema.extend({ ttl: z.number().int().positive() });
const toDomain = ({ ttl: _ttl, ...file }: z.infer<typeof storedPendingFile>): PendingFile => file;

/**
 * Report files offered through Teams' consent card, in the leader's own partition of `users` (so a
 * consent answer from anyone else finds nothing, and "Delete my data" removes them). Each carries a
 * Cosmos `ttl` of a day; local mode's expiry sweep removes them too.
 */
export class CosmosPendingFileRepository implements PendingFileRepository {
  private readonly docs: Documents<typeof storedPendingFile>;

  constructor(containers: Containers) {
    this.docs = new Documents(containers.users, storedPendingFile);
  }

  async put(file: PendingFile): Promise<PendingFile> {
    return toDomain(await this.docs.create({ ...file, ttl: pendingFileTtlSeconds }));
  }
  async get(userId: string, fileId: string) {
    const found = await this.docs.read(pendingFileId(fileId), userId);
    return found && toDomain(found);
  }
  delete(userId: string, fileId: string) {
    return this.docs.delete(pendingFileId(fileId), userId);
  }
}
