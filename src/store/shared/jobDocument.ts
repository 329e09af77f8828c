import { z } from 'zod';
import { jobSchema, type Job } from '../../domain/shared/schedule';

/** Pending jobs share one partition, so the due query is one query in one partition. */
export const pendingPartition = 'pending';
/** Finished jobs of one group live together: the leader's "who could not be reached" is one partition. */
export const donePartition = (groupId: string) => `done:${groupId}`;

/** A job as stored in the `jobs` container: its partition (`pending` or `done:{groupId}`) and eTag. */
export const storedJobSchema = jobSchema.extend({
  type: z.literal('job'),
  /** `pending` while it may still run; `done:{groupId}` once finished. */
  pk: z.string(),
  /** Seconds the finished record is kept after its last write (Cosmos per-document expiry). */
  ttl: z.number().int().positive().optional(),
  _etag: z.string().optional(),
});
export type StoredJob = z.infer<typeof storedJobSchema>;

/** A job handed back by the scheduler is the stored one it was given (with its eTag). */
export const asStored = (job: Job): StoredJob => job as StoredJob;
