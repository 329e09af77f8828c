import type { Group } from '../../domain/groups';
import type { Observation } from '../../domain/leader';
import type { CheckInRepository } from '../checkins';
import type { SignalSource } from './ports';

/** How many of a member's latest check-ins are looked at: a window of weeks holds far fewer. */
const perMember = 50;

/**
 * Check-ins the members made while in this group, in the window: only THAT one happened and when —
 * never its mood or words (the observation has no field for them), shared or not.
 */
export class CheckInSignals implements SignalSource {
  constructor(private readonly checkIns: Pick<CheckInRepository, 'listInGroup'>) {}

  async collect(group: Group, window: { from: string; to: string }): Promise<Observation[]> {
    const perPerson = await Promise.all(
      group.members.map(async ({ userId }) =>
        (await this.checkIns.listInGroup(userId, group.groupId, perMember))
          .filter((c) => c.userId === userId && c.groupId === group.groupId && c.createdAt >= window.from && c.createdAt < window.to)
          .map((c): Observation => ({ userId, signal: 'checkin', at: c.createdAt })),
      ),
    );
    return perPerson.flat();
  }
}
