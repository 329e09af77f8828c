import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { normalizeInviteCode } from '../../domain/groups/invite';
import { formerMemberOf, groupJobKinds, leaderNoticeJobId, type Group, type LeaderNoticePayload, type Member } from '../../domain/groups/model';
import { isMember, leads } from '../../domain/groups/rules';
import type { User } from '../../domain/people';
import type { CodeAttemptGuard, UserService } from '../people';
import type { JobQueue } from '../shared/ports';
import type { MutateGroup } from './invites';
import type { GroupRepository } from './ports';

/** Who is in a group: joining with a code, leaving, the member's name in the roster, and the leader's notice of each. */
export class Membership {
  constructor(
    private readonly groups: GroupRepository,
    private readonly users: UserService,
    private readonly guard: CodeAttemptGuard,
    private readonly maxParticipants: number,
    private readonly clock: Clock,
    /** Notices to the leader are jobs: the scheduler sends them, with its retries, outside this person's turn. */
    private readonly jobs: JobQueue,
    private readonly mutate: MutateGroup,
  ) {}

  /**
   * The group the profile names, if it lists the person too. A profile naming a group that does not
   * (a join whose place could not be taken, a leave that could not clear the profile) is repaired here.
   */
  async membershipOf(user: User | undefined): Promise<Group | undefined> {
    if (!user?.groupId) return undefined;
    const groupId = user.groupId;
    const group = await this.groups.get(groupId);
    if (group?.members.some((m) => m.userId === user.userId)) return group;
    await this.users.update(user.userId, (u) => (u.groupId === groupId ? { ...u, groupId: undefined } : u), user).catch(() => undefined);
    return undefined;
  }

  /**
   * Joining: consent first, then the code (rate limited), then a place in the group taken with an
   * IfMatch write on the group so two people can never take the last place at the same time.
   * The profile is written before the place: a member listed in a group always has a profile naming
   * it, so a failure leaves at most a profile naming a group without them (repaired by membershipOf,
   * completed by joining again), never a ghost holding a place.
   */
  async join(userId: string, rawCode: string): Promise<Group> {
    const user = await this.users.get(userId);
    if (!user?.consent?.given) throw new DomainError('CONSENT_REQUIRED');
    const tried = await this.guard.take(userId);
    const code = normalizeInviteCode(rawCode);
    const invite = code ? await this.groups.getInvite(code) : undefined;
    // A replaced code was real: not a guess, so it is not counted as a wrong try.
    if (invite?.replacedAt) throw new DomainError('INVITE_REPLACED');
    const group = invite ? await this.groups.get(invite.targetGroupId) : undefined;
    if (!invite || !group || group.inviteCode !== invite.code) {
      // An invite left behind by a renewal that failed half-way opens nothing: remove it.
      if (invite) await this.groups.deleteInvite(invite.code).catch(() => undefined);
      throw new DomainError('INVITE_INVALID');
    }
    await tried.release();
    if (Date.parse(invite.expiresAt) <= this.clock.now().getTime()) throw new DomainError('INVITE_EXPIRED');
    if (leads(group, userId)) throw new DomainError('LEADER_CANNOT_JOIN_OWN_GROUP');
    const already = group.members.find((m) => m.userId === userId);
    if (already && user.groupId === group.groupId) {
      // A repeat after a failure: the leader's notice may be what was missing.
      await this.tellLeader(group, 'joined', userId, already.joinedAt, group.members.length);
      return group;
    }
    if (user.groupId && user.groupId !== group.groupId && (await this.membershipOf(user))) throw new DomainError('ALREADY_IN_GROUP');

    const profile = await this.users.update(userId, (u) => {
      if (u.groupId && u.groupId !== group.groupId && u.groupId !== user.groupId) throw new DomainError('ALREADY_IN_GROUP');
      return { ...u, groupId: group.groupId };
    });
    const member: Member = { userId, displayName: profile.displayName ?? '', joinedAt: this.clock.now().toISOString() };
    try {
      const joined = await this.mutate(group.groupId, async (g) => {
        if (isMember(g, userId)) return g;
        const members = g.members.length >= this.maxParticipants ? await this.withoutGhosts(g) : g.members;
        if (members.length >= this.maxParticipants) throw new DomainError('GROUP_FULL', { max: this.maxParticipants });
        return { ...g, members: [...members, member] };
      }, group);
      const taken = joined.members.find((m) => m.userId === userId);
      await this.tellLeader(joined, 'joined', userId, taken?.joinedAt ?? member.joinedAt, joined.members.length);
      return joined;
    } catch (e) {
      // No place: the profile stops naming the group (if this fails too, membershipOf repairs it later).
      if (isDomainError(e, 'GROUP_FULL')) await this.users.update(userId, (u) => (u.groupId === group.groupId ? { ...u, groupId: undefined } : u)).catch(() => undefined);
      throw e;
    }
  }

  /** Members whose profile no longer names the group (left over by an older version's failed join) give their place back. */
  private async withoutGhosts(group: Group): Promise<Member[]> {
    const profiles = await Promise.all(group.members.map((m) => this.users.get(m.userId)));
    return group.members.filter((_, i) => profiles[i]?.groupId === group.groupId);
  }

  async leave(userId: string): Promise<Group> {
    const user = await this.users.get(userId);
    if (!user?.groupId) throw new DomainError('NOT_IN_GROUP');
    const groupId = user.groupId;
    const group = await this.groups.get(groupId);
    const member = group?.members.find((m) => m.userId === userId);
    // Recorded before the place is given back: a leaver still counts in the group's report (outcomes).
    if (member) await this.groups.putFormerMember(formerMemberOf(groupId, member, this.clock.now().toISOString()));
    const left = group && (await this.mutate(groupId, (g) => ({ ...g, members: g.members.filter((m) => m.userId !== userId) }), group));
    await this.users.update(userId, (u) => ({ ...u, groupId: undefined }), user);
    if (!group || !left) throw new DomainError('GROUP_NOT_FOUND');
    if (group.members.some((m) => m.userId === userId)) await this.tellLeader(left, 'left', userId, this.clock.now().toISOString(), left.members.length);
    return group;
  }

  private async tellLeader(group: Group, event: LeaderNoticePayload['event'], memberId: string, at: string, count: number): Promise<void> {
    await this.jobs.plan(
      {
        id: leaderNoticeJobId(group.groupId, event, memberId, at),
        kind: groupJobKinds.leaderNotice,
        dueAt: this.clock.now().toISOString(),
        groupId: group.groupId,
        userId: group.leaderId,
        payload: { event, memberId, count } satisfies LeaderNoticePayload,
      },
      this.clock.now(),
    );
  }

  /** Keeps the roster's name in step when a member changes the name they gave. */
  async rename(userId: string, displayName: string): Promise<void> {
    const user = await this.users.get(userId);
    if (!user?.groupId) return;
    await this.mutate(user.groupId, (g) => ({
      ...g,
      members: g.members.map((m) => (m.userId === userId ? { ...m, displayName } : m)),
    }));
  }
}
