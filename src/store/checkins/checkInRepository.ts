import { z } from 'zod';
import { checkInSchema, expiresAt, type CheckIn } from '../../domain/checkins';
import type { CheckInRepository } from '../../services/checkins';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

/**
 * Check-ins in the `users` container, partition `/userId` = the person who wrote them.
 *
 * Why the person's partition and not the group's: the person reads their own history most (every
 * check-in reads the last ones for the follow-up and the mood rule; "My reflections" reads them all) —
 * one partition, no cross-partition query. The leader reads at most four members' entries of one
 * group: four single-partition queries with `groupId` in the filter. The entry stays with its writer
 * when they leave the group (a new leader never inherits it), erase is one partition, and `ttl` is per
 * document. Stored names: type 'checkin'; `meetingId` is stored as `sessionId`, like every meeting id
 * (Documents maps it, src/store/shared/storedNames.ts).
 *
 * Retention: each document carries `ttl` (seconds, CHECKIN_TTL_DAYS) — Cosmos deletes it when the
 * container has TTL on (defaultTtl -1: per document). `expiresAt` is for the local daily clean-up.
 */
const storedCheckIn = checkInSchema.extend({
  type: z.literal('checkin'),
  ttl: z.number().int().positive(),
  expiresAt: z.string(),
  _etag: z.string().optional(),
});
type StoredCheckIn = z.infer<typeof storedCheckIn>;

const toDomain = ({ type: _t, ttl: _ttl, expiresAt: _e, _etag, ...checkIn }: StoredCheckIn): CheckIn => checkIn;

export class CosmosCheckInRepository implements CheckInRepository {
  private readonly docs: Documents<typeof storedCheckIn>;

  constructor(
    containers: Containers,
    private readonly ttlDays: number,
  ) {
    this.docs = new Documents(containers.users, storedCheckIn);
  }

  async put(checkIn: CheckIn): Promise<CheckIn> {
    const stored = await this.docs.upsert({
      ...checkIn,
      type: 'checkin',
      ttl: this.ttlDays * 86_400,
      expiresAt: expiresAt(checkIn.createdAt, this.ttlDays),
    });
    return toDomain(stored);
  }

  async get(userId: string, checkInId: string): Promise<CheckIn | undefined> {
    const doc = await this.docs.read(checkInId, userId);
    return doc && doc.type === 'checkin' ? toDomain(doc) : undefined;
  }

  async listByUser(userId: string, limit: number): Promise<CheckIn[]> {
    const docs = await this.docs.query(
      {
        // The owner is named in the WHERE clause too: the embedded server ignores a query's partition key.
        query: "SELECT TOP @limit * FROM c WHERE c.type = 'checkin' AND c.userId = @userId ORDER BY c.createdAt DESC",
        parameters: [
          { name: '@limit', value: limit },
          { name: '@userId', value: userId },
        ],
      },
      userId,
    );
    return docs.map(toDomain);
  }

  async listInGroup(userId: string, groupId: string, limit: number): Promise<CheckIn[]> {
    const docs = await this.docs.query(
      {
        query: "SELECT TOP @limit * FROM c WHERE c.type = 'checkin' AND c.userId = @userId AND c.groupId = @groupId ORDER BY c.createdAt DESC",
        parameters: [
          { name: '@limit', value: limit },
          { name: '@userId', value: userId },
          { name: '@groupId', value: groupId },
        ],
      },
      userId,
    );
    return docs.map(toDomain);
  }

}
