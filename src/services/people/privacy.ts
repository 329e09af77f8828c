import { isDomainError } from '../../domain/shared/errors';
import type { GroupMembership, UserRepository } from './ports';

/** "Forget me": leave the group, then remove the profile, limits, references and counters. */
export async function forgetUser(userId: string, groups: GroupMembership, users: UserRepository): Promise<void> {
  try {
    await groups.leaveGroup(userId);
  } catch (e) {
    if (!isDomainError(e, 'NOT_IN_GROUP') && !isDomainError(e, 'GROUP_NOT_FOUND')) throw e;
  }
  await users.deleteAll(userId);
}
