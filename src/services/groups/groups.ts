import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { newInviteCode, normalizeInviteCode } from '../../domain/groups/invite';
import type { Locale } from '../../domain/shared/locale';
import { formerMemberOf, groupJobKinds, leaderNoticeJobId, type Group, type LeaderNoticePayload, type Invite, type Member } from '../../domain/groups/model';
import type { User } from '../../domain/people';
import type { JobQueue } from '../shared/ports';
import type { CodeAttemptGuard } from '../people';
import type { GroupRepository } from './ports';
import type { UserService } from '../people';
import { isMember, leads } from '../../domain/groups/rules';
import { retryOnConflict } from '../shared/retryOnConflict';
import { Invites } from './invites';

export interface GroupRules {
  maxParticipants: number;
  inviteTtlDays: number;
}

export interface NewGroup {
  name: string;
  timeZone: string;
  locale: Locale;
  /** A UUID the dialog keeps for this run: a repeated create finishes the same group instead of making a second. */
  requestId?: string;
}

export interface Roster {
  group: Group;
  members: Member[];
  freePlaces: number;
}

const maxConflictRetries = 5;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The practice's unit: four participants and one leader. Every use case checks the actor's role first. */
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly users: UserService,
    private readonly guard: CodeAttemptGuard,
    private readonly rules: GroupRules,
    private readonly clock: Clock,
    /** Notices to the leader are jobs: the scheduler sends them, with its retries, outside this person's turn. */
    private readonly jobs: JobQueue,
    private readonly newCode: () => string = () => newInviteCode(),
  ) {
    this.invites = new Invites(groups, clock, rules.inviteTtlDays, newCode, (groupId, change, known) => this.mutateGroup(groupId, change, known));
  }

  private readonly invites: Invites;

  private now() {
    return this.clock.now();
  }

  /**
   * Three writes, ordered so that each can be repeated with the same `requestId` and a reader finds a
   * consistent state after any of them fails: the leader's profile names the group first (readers skip
   * a name whose group does not exist yet), then the group with its code, then the invite document
   * (written last, so an invite never points at no group).
   */
  async createGroup(leaderId: string, input: NewGroup): Promise<{ group: Group; invite: Invite }> {
    const leader = await this.users.get(leaderId);
    if (!this.users.mayLead(leader, leaderId)) throw new DomainError('NOT_LEADER');
    const name = input.name.trim();
    if (name.length < 2 || name.length > 60 || !IANAZone.isValidZone(input.timeZone)) throw new DomainError('INVALID_INPUT');
    if (input.requestId !== undefined && !uuidPattern.test(input.requestId)) throw new DomainError('INVALID_INPUT');
    const groupId = `g-${input.requestId ?? randomUUID()}`;
    await this.users.update(leaderId, (u) => (u.leadsGroupIds.includes(groupId) ? u : { ...u, leadsGroupIds: [...u.leadsGroupIds, groupId] }), leader);
    let group = await this.groups.get(groupId);
    if (!group) {
      const now = this.now();
      const code = this.newCode();
      try {
        group = await this.groups.create({
          type: 'group',
          id: groupId,
          groupId,
          name,
          timeZone: input.timeZone,
          locale: input.locale,
          leaderId,
          members: [],
          inviteCode: code,
          inviteExpiresAt: this.invites.expiry(now),
          linkedChatIds: [],
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        });
      } catch (e) {
        // The same request at the same time: the other one created it.
        group = isDomainError(e, 'CONFLICT') ? await this.groups.get(groupId) : undefined;
        if (!group) throw e;
      }
    }
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    return this.invites.ensure(group);
  }

  /** A fresh code; the old one stops working at once and, when tried, says it was replaced. */
  async renewInvite(leaderId: string, groupId: string): Promise<{ group: Group; invite: Invite }> {
    const group = await this.ledGroup(leaderId, groupId);
    const invite = await this.invites.issue(groupId);
    const updated = await this.mutateGroup(groupId, (g) => ({ ...g, inviteCode: invite.code, inviteExpiresAt: invite.expiresAt }), group);
    const old = group.inviteCode ? await this.groups.getInvite(group.inviteCode) : undefined;
    if (old) await this.groups.saveInvite({ ...old, replacedAt: this.now().toISOString() });
    return { group: updated, invite };
  }

  /** Point reads of the groups the leader's profile names; a name whose group does not exist (yet) is skipped. */
  async groupsLedBy(leaderId: string): Promise<Group[]> {
    const leader = await this.users.get(leaderId);
    const groups = await Promise.all((leader?.leadsGroupIds ?? []).map((id) => this.groups.get(id)));
    return groups.filter((g): g is Group => g?.leaderId === leaderId);
  }

  /** The group the leader asks about, or NOT_GROUP_LEADER: a leader sees only their own groups. */
  async ledGroup(leaderId: string, groupId: string): Promise<Group> {
    const group = await this.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (!leads(group, leaderId)) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }

  async roster(leaderId: string, groupId: string): Promise<Roster> {
    const group = await this.ledGroup(leaderId, groupId);
    return { group, members: group.members, freePlaces: Math.max(0, this.rules.maxParticipants - group.members.length) };
  }

  async groupOf(userId: string): Promise<Group | undefined> {
    return this.membershipOf(await this.users.get(userId));
  }

  /**
   * The group the profile names, if it lists the person too. A profile naming a group that does not
   * (a join whose place could not be taken, a leave that could not clear the profile) is repaired here.
   */
  private async membershipOf(user: User | undefined): Promise<Group | undefined> {
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
  async joinGroup(userId: string, rawCode: string): Promise<Group> {
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
    if (Date.parse(invite.expiresAt) <= this.now().getTime()) throw new DomainError('INVITE_EXPIRED');
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
    const member: Member = { userId, displayName: profile.displayName ?? '', joinedAt: this.now().toISOString() };
    try {
      const joined = await this.mutateGroup(group.groupId, async (g) => {
        if (isMember(g, userId)) return g;
        const members = g.members.length >= this.rules.maxParticipants ? await this.withoutGhosts(g) : g.members;
        if (members.length >= this.rules.maxParticipants) throw new DomainError('GROUP_FULL', { max: this.rules.maxParticipants });
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

  async leaveGroup(userId: string): Promise<Group> {
    const user = await this.users.get(userId);
    if (!user?.groupId) throw new DomainError('NOT_IN_GROUP');
    const groupId = user.groupId;
    const group = await this.groups.get(groupId);
    const member = group?.members.find((m) => m.userId === userId);
    // Recorded before the place is given back: a leaver still counts in the group's report (outcomes).
    if (member) await this.groups.putFormerMember(formerMemberOf(groupId, member, this.now().toISOString()));
    const left = group && (await this.mutateGroup(groupId, (g) => ({ ...g, members: g.members.filter((m) => m.userId !== userId) }), group));
    await this.users.update(userId, (u) => ({ ...u, groupId: undefined }), user);
    if (!group || !left) throw new DomainError('GROUP_NOT_FOUND');
    if (group.members.some((m) => m.userId === userId)) await this.tellLeader(left, 'left', userId, this.now().toISOString(), left.members.length);
    return group;
  }

  private async tellLeader(group: Group, event: LeaderNoticePayload['event'], memberId: string, at: string, count: number): Promise<void> {
    await this.jobs.plan(
      {
        id: leaderNoticeJobId(group.groupId, event, memberId, at),
        kind: groupJobKinds.leaderNotice,
        dueAt: this.now().toISOString(),
        groupId: group.groupId,
        userId: group.leaderId,
        payload: { event, memberId, count } satisfies LeaderNoticePayload,
      },
      this.now(),
    );
  }

  /**
   * Links a Teams group chat to a group so later messages there know their group. A chat that another
   * group still lists stays with it unless that group's own leader moves it.
   */
  async linkChat(leaderId: string, groupId: string, conversationId: string, linkedGroupId?: string): Promise<Group> {
    const group = await this.ledGroup(leaderId, groupId);
    if (linkedGroupId && linkedGroupId !== groupId) {
      const current = await this.groups.get(linkedGroupId);
      if (current?.linkedChatIds.includes(conversationId)) {
        if (current.leaderId !== leaderId) throw new DomainError('CHAT_LINKED_ELSEWHERE');
        await this.mutateGroup(linkedGroupId, (g) => ({ ...g, linkedChatIds: g.linkedChatIds.filter((id) => id !== conversationId) }), current);
      }
    }
    return this.mutateGroup(groupId, (g) => ({ ...g, linkedChatIds: [...new Set([...g.linkedChatIds, conversationId])] }), group);
  }

  /** Keeps the roster's name in step when a member changes the name they gave. */
  async renameMember(userId: string, displayName: string): Promise<void> {
    const user = await this.users.get(userId);
    if (!user?.groupId) return;
    await this.mutateGroup(user.groupId, (g) => ({
      ...g,
      members: g.members.map((m) => (m.userId === userId ? { ...m, displayName } : m)),
    }));
  }

  /**
   * Apply the change and write with IfMatch; on a 412 read again and re-apply. A group the caller has
   * just read is used for the first attempt instead of being read a second time.
   */
  private async mutateGroup(groupId: string, change: (g: Group) => Group | Promise<Group>, known?: Group): Promise<Group> {
    return retryOnConflict(async (round) => {
      const current = round === 0 && known ? known : await this.groups.get(groupId);
      if (!current) throw new DomainError('GROUP_NOT_FOUND');
      const next = await change(current);
      if (next === current) return current;
      return this.groups.replace({ ...next, updatedAt: this.now().toISOString() });
    }, maxConflictRetries + 1);
  }
}
