import type { Locale } from '../../../domain/shared/locale';
import type { Group } from '../../../domain/groups';
import { chatOwnerKey } from '../../../domain/people';
import { roundJobPayloadSchema } from '../../../domain/activities';
import type { Job } from '../../../domain/shared/schedule';
import type { RoundService } from '../../../services/activities';
import type { RoundRenderer } from '../../../services/activities';
import { findPersonalConversation } from '../../../services/people';
import type { GroupRepository } from '../../../services/groups';
import type { ConversationRefRepository, UserRepository } from '../../../services/people';
import type { Messenger, OutboundMessage } from '../../../services/shared/ports';
import type { HandlerResult } from '../../jobs';
import { fromSendOutcome } from '../common';

export interface ActivityJobDeps {
  groups: GroupRepository;
  users: UserRepository;
  refs: ConversationRefRepository;
  rounds: RoundService;
  messenger: Messenger;
  renderer: RoundRenderer;
  defaultLocale: Locale;
}

export const chatPrefix = 'chat:';
export const isChatRecipient = (recipient: string | undefined) => !!recipient?.startsWith(chatPrefix);

export async function loadRoundJob(deps: ActivityJobDeps, job: Job): Promise<{ group: Group; roundId: string } | HandlerResult> {
  const payload = roundJobPayloadSchema.parse(job.payload);
  const group = await deps.groups.get(job.groupId);
  if (!group) return { outcome: 'skipped', reason: 'group_not_found' };
  return { group, roundId: payload.roundId };
}

export const isResult = (v: object): v is HandlerResult => 'outcome' in v;

export async function localeOf(deps: ActivityJobDeps, group: Group, userId: string): Promise<Locale> {
  return (await deps.users.get(userId))?.locale ?? group.locale ?? deps.defaultLocale;
}

export async function sendToPerson(deps: ActivityJobDeps, userId: string, message: OutboundMessage): Promise<HandlerResult> {
  const target = await findPersonalConversation(deps.refs, userId);
  if ('unreachable' in target) return { outcome: 'unreachable', status: target.unreachable, reason: target.reason };
  return fromSendOutcome(await deps.messenger.send(userId, target.conversationId, message));
}

export async function sendToChat(deps: ActivityJobDeps, recipient: string, message: OutboundMessage): Promise<HandlerResult> {
  const conversationId = recipient.slice(chatPrefix.length);
  return fromSendOutcome(await deps.messenger.send(chatOwnerKey(conversationId), conversationId, message));
}
