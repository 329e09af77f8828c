import { DateTime } from 'luxon';
import { checkInJobKinds, contactJobId } from '../../domain/checkins';
import type { Clock } from '../../domain/shared/clock';
import { toUtcIso } from '../../domain/shared/schedule';
import type { GroupRepository } from '../groups';
import type { UserRepository } from '../people';
import type { JobQueue } from '../shared/ports';

/**
 * The safety path's one write: after a "yes", the leader is told — by a scheduler job, never inside the
 * person's turn — only that the person asked for contact. Nothing of what they wrote goes with it.
 */
export class SafetyService {
  constructor(
    private readonly deps: { users: UserRepository; groups: GroupRepository; jobs: JobQueue },
    private readonly clock: Clock,
  ) {}

  /** 'planned' when a leader will be told; 'noLeader' when the person is in no group. */
  async requestContact(userId: string): Promise<'planned' | 'noLeader'> {
    const user = await this.deps.users.get(userId);
    const group = user?.groupId ? await this.deps.groups.get(user.groupId) : undefined;
    if (!group || !group.members.some((m) => m.userId === userId)) return 'noLeader';
    const now = this.clock.now();
    await this.deps.jobs.plan(
      {
        id: contactJobId(userId, DateTime.fromJSDate(now, { zone: 'UTC' }).toISODate()!),
        kind: checkInJobKinds.contact,
        dueAt: toUtcIso(now),
        groupId: group.groupId,
        userId,
        payload: {},
      },
      now,
    );
    return 'planned';
  }
}
