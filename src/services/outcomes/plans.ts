import type { Group } from '../../domain/groups';
import { employmentFollowUpDue, endFollowUpDue, followUpJobId, followUpJobKind, type FollowUpJobPayload, type OutcomeEntry } from '../../domain/outcomes';
import type { JobRequest } from '../../domain/shared/schedule';

const request = (group: Group, id: string, dueAt: string, payload: FollowUpJobPayload): JobRequest => ({
  id,
  kind: followUpJobKind,
  dueAt,
  groupId: group.groupId,
  userId: group.leaderId,
  payload,
});

/** The leader's follow-up reminders, each with a deterministic id. */
export const followUpPlans = {
  end: (group: Group, endDate: string): JobRequest[] => [
    request(group, followUpJobId(group.groupId, 'end1m'), endFollowUpDue(endDate, 1, group.timeZone), { reason: 'end1m' }),
    request(group, followUpJobId(group.groupId, 'end4m'), endFollowUpDue(endDate, 4, group.timeZone), { reason: 'end4m' }),
  ],
  employment: (group: Group, entry: OutcomeEntry): JobRequest =>
    request(group, followUpJobId(group.groupId, 'employment', entry.entryId), employmentFollowUpDue(entry.date, group.timeZone), { reason: 'employment', entryId: entry.entryId, userId: entry.userId }),
};
