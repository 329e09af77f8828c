import { deliverPayloadSchema, guidanceJobKinds } from '../../domain/leader';
import type { GuidanceService } from '../../services/leader';
import type { JobHandlers } from '../jobs';
import { skipped } from './common';

/**
 * `leader.guidance`: one private message to the other person's personal chat. Not retried by the
 * runner: a message that did not go is marked undelivered in the thread and its sender is told at
 * once, with "Try again" — so nobody hears "not delivered" about a message that later arrives.
 */
export function guidanceJobHandlers(guidance: GuidanceService): JobHandlers {
  return {
    [guidanceJobKinds.deliver]: async (job, { now }) => {
      const result = await guidance.deliver(deliverPayloadSchema.parse(job.payload), now);
      switch (result.kind) {
        case 'sent':
          return { outcome: 'sent' };
        case 'deferred':
          return { outcome: 'deferred', until: result.until, reason: 'quiet_hours' };
        case 'skipped':
          return skipped(result.reason);
        case 'undelivered':
          return result.reason === 'connector' || result.reason === 'left_group'
            ? skipped(`undelivered_${result.reason}`)
            : { outcome: 'unreachable', status: result.status ?? 404, reason: result.reason };
      }
    },
  };
}
