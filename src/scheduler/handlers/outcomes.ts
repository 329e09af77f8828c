import type { Group } from '../../domain/groups';
import { currentEntries, followUpJobKind, followUpJobPayloadSchema, type FollowUpJobPayload } from '../../domain/outcomes';
import type { Locale } from '../../domain/shared/locale';
import type { Job } from '../../domain/shared/schedule';
import type { GroupRepository } from '../../services/groups';
import { findPersonalConversation, type ConversationRefRepository, type UserRepository } from '../../services/people';
import type { OutcomeService } from '../../services/outcomes';
import type { Messenger, OutboundMessage } from '../../services/shared/ports';
import type { HandlerResult, JobHandlers } from '../jobs';
import { fromSendOutcome } from './common';

/** The words of a follow-up reminder (implemented where cards and locales live). */
export type FollowUpRenderer = (request: { locale: Locale; group: Group; payload: FollowUpJobPayload; participant?: { userId: string; displayName: string; entry: import('../../domain/outcomes').OutcomeEntry } }) => OutboundMessage;

export interface OutcomeJobDeps {
  groups: GroupRepository;
  users: UserRepository;
  refs: ConversationRefRepository;
  outcomes: OutcomeService;
  messenger: Messenger;
  render: FollowUpRenderer;
}

/** `outcomes.followUp`: once, to the group's leader; checked again first (group gone, employment corrected or already followed up). */
export const outcomeJobHandlers = (deps: OutcomeJobDeps): JobHandlers => ({
  [followUpJobKind]: async (job: Job): Promise<HandlerResult> => {
    const payload = followUpJobPayloadSchema.parse(job.payload);
    const group = await deps.groups.get(job.groupId);
    if (!group) return { outcome: 'skipped', reason: 'group_gone' };
    const locale = (await deps.users.get(group.leaderId))?.locale ?? group.locale;
    let participant;
    if (payload.reason === 'employment') {
      const { participants } = await deps.outcomes.ledger(group.leaderId, group.groupId);
      const p = participants.find((x) => x.userId === payload.userId);
      const entry = p && currentEntries(p.history).find((e) => e.entryId === payload.entryId);
      if (!p || !entry) return { outcome: 'skipped', reason: 'entry_gone' };
      if (!p.followUpDue.some((e) => e.entryId === entry.entryId)) return { outcome: 'skipped', reason: 'already_answered' };
      participant = { userId: p.userId, displayName: p.displayName, entry };
    }
    const target = await findPersonalConversation(deps.refs, group.leaderId);
    if ('unreachable' in target) return { outcome: 'unreachable', status: target.unreachable, reason: target.reason };
    return fromSendOutcome(await deps.messenger.send(group.leaderId, target.conversationId, deps.render({ locale, group, payload, ...(participant ? { participant } : {}) })));
  },
});
