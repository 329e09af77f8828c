import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { inviteKey, type Group, type Invite } from '../../domain/groups/model';
import { retryOnConflict } from '../shared/retryOnConflict';
import type { GroupRepository } from './ports';

/** Changes one group with IfMatch (GroupService's own write, handed in so both use the same retry). */
export type MutateGroup = (groupId: string, change: (g: Group) => Group | Promise<Group>, known?: Group) => Promise<Group>;

/** A group's invite documents: each under its own partition `invite:{code}`, so a code is one point read. */
export class Invites {
  constructor(
    private readonly groups: GroupRepository,
    private readonly clock: Clock,
    private readonly ttlDays: number,
    private readonly newCode: () => string,
    private readonly mutate: MutateGroup,
  ) {}

  expiry(now: Date): string {
    return new Date(now.getTime() + this.ttlDays * 86_400_000).toISOString();
  }

  /** The invite document of the group's current code, written if missing (a repeated create, a failed write). */
  async ensure(known: Group): Promise<{ group: Group; invite: Invite }> {
    let group = known;
    for (let attempt = 0; ; attempt++) {
      const code = group.inviteCode ?? this.newCode();
      const existing = await this.groups.getInvite(code);
      if (existing?.targetGroupId === group.groupId) return { group, invite: existing };
      if (!existing) {
        if (group.inviteCode !== code) group = await this.mutate(group.groupId, (g) => ({ ...g, inviteCode: code, inviteExpiresAt: this.expiry(this.clock.now()) }), group);
        try {
          return { group, invite: await this.put(group.groupId, code, group.inviteExpiresAt ?? this.expiry(this.clock.now())) };
        } catch (e) {
          if (!isDomainError(e, 'CONFLICT') || attempt >= 3) throw e;
          continue; // written at the same moment: read it again
        }
      }
      // A collision of two random codes is astronomically rare; give the group another one.
      if (attempt >= 3) throw new DomainError('CONFLICT');
      group = await this.mutate(group.groupId, (g) => ({ ...g, inviteCode: this.newCode() }), group);
    }
  }

  private put(groupId: string, code: string, expiresAt: string): Promise<Invite> {
    return this.groups.putInvite({
      id: 'invite',
      groupId: inviteKey(code),
      code,
      targetGroupId: groupId,
      expiresAt,
      createdAt: this.clock.now().toISOString(),
    });
  }

  async issue(groupId: string): Promise<Invite> {
    const expiresAt = this.expiry(this.clock.now());
    // A collision of two random codes is astronomically rare; try another one.
    return retryOnConflict(() => this.put(groupId, this.newCode(), expiresAt), 4);
  }
}
