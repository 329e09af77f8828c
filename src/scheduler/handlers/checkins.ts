import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkInJobKinds, expireJobId, noGroup } from '../../domain/checkins';
import type { Locale } from '../../domain/shared/locale';
import { toUtcIso } from '../../domain/shared/schedule';
import type { CheckInMessages, CheckInRepository } from '../../services/checkins';
import { findPersonalConversation } from '../../services/people';
import type { ConversationRefRepository, UserRepository } from '../../services/people';
import type { GroupRepository } from '../../services/groups';
import type { JobQueue, Messenger, OutboundMessage } from '../../services/shared/ports';
import type { JobHandlers } from '../jobs';
import { fromSendOutcome, skipped } from './common';

export interface CheckInJobDeps {
  checkIns: CheckInRepository;
  users: UserRepository;
  groups: GroupRepository;
  refs: ConversationRefRepository;
  messenger: Messenger;
  jobs: JobQueue;
  messages: CheckInMessages;
  defaultLocale: Locale;
}

const nextStepPayload = z.object({ checkInId: z.string().min(1) });

async function sendTo(deps: CheckInJobDeps, userId: string, message: OutboundMessage) {
  const target = await findPersonalConversation(deps.refs, userId);
  if ('unreachable' in target) return { outcome: 'unreachable' as const, status: target.unreachable, reason: target.reason };
  return fromSendOutcome(await deps.messenger.send(userId, target.conversationId, message));
}

/** The local clean-up runs once a day at 03:00 UTC; the job of the next day is planned when one runs. */
export const nextExpiryRun = (now: Date): { id: string; dueAt: string } => {
  const next = DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days: 1 }).startOf('day').plus({ hours: 3 });
  return { id: expireJobId(next.toISODate()!), dueAt: toUtcIso(next) };
};

export async function planExpiry(jobs: JobQueue, now: Date): Promise<void> {
  const { id, dueAt } = nextExpiryRun(now);
  await jobs.plan({ id, kind: checkInJobKinds.expire, dueAt, groupId: noGroup, payload: {} }, now);
}

export function checkInJobHandlers(deps: CheckInJobDeps): JobHandlers {
  return {
    [checkInJobKinds.nextStep]: async (job) => {
      const { checkInId } = nextStepPayload.parse(job.payload);
      if (!job.userId) return skipped('no_user');
      const [checkIn, user] = await Promise.all([deps.checkIns.get(job.userId, checkInId), deps.users.get(job.userId)]);
      // Erased, answered already, or consent withdrawn: nothing to remind of.
      if (!checkIn?.nextStep || !user?.consent?.given) return skipped('gone');
      if (checkIn.nextStep.outcome) return skipped('answered');
      return sendTo(deps, job.userId, deps.messages.nextStepReminder(user.locale ?? deps.defaultLocale, checkIn.nextStep.text));
    },
    [checkInJobKinds.contact]: async (job) => {
      if (!job.userId) return skipped('no_user');
      const group = await deps.groups.get(job.groupId);
      const member = group?.members.find((m) => m.userId === job.userId);
      if (!group || !member) return skipped('not_in_group');
      const leader = await deps.users.get(group.leaderId);
      return sendTo(deps, group.leaderId, deps.messages.contactRequest(leader?.locale ?? group.locale, member.displayName));
    },
    [checkInJobKinds.expire]: async (_job, { now }) => {
      await deps.checkIns.deleteExpired(now);
      await planExpiry(deps.jobs, now);
      return { outcome: 'sent' };
    },
  };
}
