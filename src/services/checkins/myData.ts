import type { Clock } from '../../domain/shared/clock';
import { isDomainError } from '../../domain/shared/errors';
import type { GroupService } from '../groups';
import type { UserRepository } from '../people';
import type { PersonalData, PersonalDataStore, PersonKeys } from './ports';

/** "My data": everything stored about a person, to take with them; "Delete my data": all of it, everywhere. */
export class MyDataService {
  constructor(
    private readonly deps: { store: PersonalDataStore; groups: GroupService; users: UserRepository },
    private readonly clock: Clock,
  ) {}

  async export(person: PersonKeys): Promise<{ exportedAt: string; userId: string; data: PersonalData }> {
    const data = await this.deps.store.collect(person);
    return { exportedAt: this.clock.now().toISOString(), userId: person.userId, data };
  }

  /**
   * Leaves the group (the membership and its place), tells the roster "a member left", then deletes
   * every document carrying the person's id in every container. Repeatable: a second run finds less.
   */
  async erase(person: PersonKeys): Promise<Record<string, number>> {
    const user = await this.deps.users.get(person.userId);
    const groupId = user?.groupId;
    try {
      await this.deps.groups.leaveGroup(person.userId);
      if (groupId) await this.deps.store.recordDeparture(groupId, this.clock.now());
    } catch (e) {
      if (!isDomainError(e, 'NOT_IN_GROUP') && !isDomainError(e, 'GROUP_NOT_FOUND')) throw e;
    }
    return this.deps.store.erase(person);
  }

  departures(groupId: string): Promise<string[]> {
    return this.deps.store.departures(groupId);
  }
}
