import { z } from 'zod';
import { checkInJobKinds } from '../../domain/checkins';
import type { Locale } from '../../domain/shared/locale';
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
  };
}
