import { ActivityError } from '../../domain/activities';
import { DomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import type { GroupRepository } from '../groups';

export type ActivityRole = 'leader' | 'participant';

/** The group and the actor's role in it; a stranger or another group's member gets NOT_YOUR_GROUP (nothing of it is shown). */
export async function memberOf(groups: GroupRepository, actorId: string, groupId: string): Promise<{ group: Group; role: ActivityRole }> {
  const group = await groups.get(groupId);
  if (!group) throw new DomainError('GROUP_NOT_FOUND');
  if (group.leaderId === actorId) return { group, role: 'leader' };
  if (group.members.some((m) => m.userId === actorId)) return { group, role: 'participant' };
  throw new ActivityError('NOT_YOUR_GROUP');
}

export const participantIds = (group: Group) => group.members.map((m) => m.userId);
