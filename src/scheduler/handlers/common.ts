import type { DeliveryDecision } from '../../domain/reminders';
import type { Locale } from '../../domain/shared/locale';
import type { Messenger, SendOutcome } from '../../services/shared/ports';
import type { DeliveryOutcome, MeetingDeliveryService, ReflectionPrompter, ReminderRenderer, MeetingRepository, RecipientRepository } from '../../services/meetings';
import type { HandlerResult } from '../jobs';

/** What the meeting job handlers are built from: the delivery service's stores, the sender, the renderer and the prompter. */
export interface MeetingJobDeps {
  meetings: MeetingRepository;
  recipients: RecipientRepository;
  messenger: Messenger;
  renderer: ReminderRenderer;
  prompter: ReflectionPrompter;
  defaultLocale: Locale;
}

/** What each handler uses: the service (all reads and sends) and the two ports that speak. */
export interface MeetingJobTools {
  delivery: MeetingDeliveryService;
  renderer: ReminderRenderer;
  prompter: ReflectionPrompter;
}

export const skipped = (reason: string): HandlerResult => ({ outcome: 'skipped', reason });

/** The delivery policy's "not now" or "not at all" as the job's result; undefined means send. */
export function unlessDelivered(decision: DeliveryDecision): HandlerResult | undefined {
  if (decision.send) return undefined;
  if ('deferUntil' in decision) return { outcome: 'deferred', until: decision.deferUntil, reason: 'quiet_hours' };
  return skipped(decision.skip);
}

export function fromSendOutcome(outcome: SendOutcome | DeliveryOutcome): HandlerResult {
  switch (outcome.kind) {
    case 'sent':
      return { outcome: 'sent' };
    case 'unreachable':
      return { outcome: 'unreachable', status: outcome.status, ...('reason' in outcome ? { reason: outcome.reason } : {}) };
    case 'failed':
      return { outcome: 'failed', ...(outcome.status ? { status: outcome.status } : {}) };
  }
}
