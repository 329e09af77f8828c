import { digestJobKind, digestPayloadSchema } from '../../domain/leader';
import type { DigestRenderer, DigestService } from '../../services/leader';
import { findPersonalConversation, type ConversationRefRepository } from '../../services/people';
import type { Messenger } from '../../services/shared/ports';
import type { JobHandler, JobHandlers } from '../jobs';
import { fromSendOutcome, skipped } from './common';

export interface DigestJobDeps {
  digest: DigestService;
  refs: ConversationRefRepository;
  messenger: Messenger;
  renderer: DigestRenderer;
}

/**
 * `leader.digest`: one leader's digest at one local moment. Skipped when that moment is no longer one
 * (settings changed, the meeting it came before moved or was cancelled, the person leads no group).
 * After it runs the next one is planned, so the chain goes on; the job's id (leader + local slot) and
 * the runner's claim make it one send even with two runners.
 */
export function digestJobHandlers(deps: DigestJobDeps): JobHandlers {
  return {
    [digestJobKind]: async (job, { now }) => {
      const payload = digestPayloadSchema.parse(job.payload);
      const leaderId = job.userId ?? '';
      const loaded = await deps.digest.scheduled(leaderId, payload, now);
      if ('skip' in loaded) {
        await deps.digest.ensurePlanned(leaderId, now);
        return skipped(loaded.skip);
      }
      const target = await findPersonalConversation(deps.refs, leaderId);
      if ('unreachable' in target) {
        await deps.digest.ensurePlanned(leaderId, now);
        return { outcome: 'unreachable', status: target.unreachable, reason: target.reason };
      }
      const outcome = fromSendOutcome(await deps.messenger.send(leaderId, target.conversationId, await deps.renderer.render(loaded.request)));
      // A failed send is retried by the runner; the next digest is planned only once this one is done.
      if (outcome.outcome !== 'failed') await afterSend(deps.digest, leaderId, outcome.outcome === 'sent', now);
      return outcome;
    },
  };
}

/**
 * What follows a digest that went out. Never a reason to fail the job: a failed job is run again, and
 * the leader would get the same digest twice. If the store fails here, the next meeting notice or
 * day's evaluation plans the next digest.
 */
async function afterSend(digest: DigestService, leaderId: string, sent: boolean, now: Date): Promise<void> {
  try {
    if (sent) await digest.markSent(leaderId, now);
    await digest.ensurePlanned(leaderId, now);
  } catch {
    // best effort, see above
  }
}

/** Wraps a handler of a group's job (a meeting's notice, the day's evaluation) so its leader's next digest is planned after it. */
export const alsoPlanDigest =
  (digest: DigestService, handler: JobHandler): JobHandler =>
  async (job, context) => {
    const result = await handler(job, context);
    // Best effort, after the handler has sent: failing here would run the notice again and send it twice.
    await digest.ensurePlannedForGroup(job.groupId, context.now).catch(() => undefined);
    return result;
  };
