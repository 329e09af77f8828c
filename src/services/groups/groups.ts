import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { newInviteCode, normalizeInviteCode } from '../../domain/groups/invite';
import type { Locale } from '../../domain/shared/locale';
import { inviteKey, type Group, type Invite, type Member } from '../../domain/groups/model';
import type { CodeAttemptGuard } from '../people';
import type { GroupRepository } from './ports';
import type { UserService } from '../people';

export interface GroupRules {
  maxParticipants: number;
  inviteTtlDays: number;
}

export interface NewGroup {
  name: string;
  timeZone: string;
  locale: Locale;
}

export interface Roster {
  group: Group;
  members: Member[];
  freePlaces: number;
}

const maxConflictRetries = 5;

/** The practice's unit: four participants and one leader. Every use case checks the actor's role first. */
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly users: UserService,
    private readonly guard: CodeAttemptGuard,
    private readonly rules: GroupRules,
    private readonly clock: Clock,
    private readonly newCode: () => string = () => newInviteCode(),
  ) {}

  private now() {
    return this.clock.now();
  }

  async createGroup(leaderId: string, input: NewGroup): Promise<{ group: Group; invite: Invite }> {
    const leader = await this.users.get(leaderId);
    if (!this.users.mayLead(leader, leaderId)) throw new DomainError('NOT_LEADER');
    const name = input.name.trim();
    if (name.length < 2 || name.length > 60 || !IANAZone.isValidZone(input.timeZone)) throw new DomainError('INVALID_INPUT');
    const groupId = `g-${randomUUID()}`;
    const now = this.now().toISOString();
    const invite = await this.issueInvite(groupId);
    const group = await this.groups.create({
      type: 'group',
      id: groupId,
      groupId,
      name,
      timeZone: input.timeZone,
      locale: input.locale,
      leaderId,
      members: [],
      inviteCode: invite.code,
      inviteExpiresAt: invite.expiresAt,
      linkedChatIds: [],
      createdAt: now,
      updatedAt: now,
    });
    await this.users.update(leaderId, (u) => ({ ...u, leadsGroupIds: [...new Set([...u.leadsGroupIds, groupId])] }));
    return { group, invite };
  }

  private async issueInvite(groupId: string): Promise<Invite> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.rules.inviteTtlDays * 86_400_000).toISOString();
    for (let attempt = 0; ; attempt++) {
      const code = this.newCode();
      try {
        return await this.groups.putInvite({
          type: 'invite',
          id: 'invite',
          groupId: inviteKey(code),
          code,
          targetGroupId: groupId,
          expiresAt,
          createdAt: now.toISOString(),
        });
      } catch (e) {
        // A collision of two random codes is astronomically rare; try another one.
        if (!isDomainError(e, 'CONFLICT') || attempt >= 3) throw e;
      }
    }
  }

  /** A fresh code; the old one stops working at once. */
  async renewInvite(leaderId: string, groupId: string): Promise<{ group: Group; invite: Invite }> {
    const group = await this.ledGroup(leaderId, groupId);
    const invite = await this.issueInvite(groupId);
    const updated = await this.mutateGroup(groupId, (g) => ({ ...g, inviteCode: invite.code, inviteExpiresAt: invite.expiresAt }), group);
    if (group.inviteCode) await this.groups.deleteInvite(group.inviteCode);
    return { group: updated, invite };
  }

  async groupsLedBy(leaderId: string): Promise<Group[]> {
    return this.groups.listByLeader(leaderId);
  }

  /** The group the leader asks about, or NOT_GROUP_LEADER: a leader sees only their own groups. */
  async ledGroup(leaderId: string, groupId: string): Promise<Group> {
    const group = await this.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }

  async roster(leaderId: string, groupId: string): Promise<Roster> {
    const group = await this.ledGroup(leaderId, groupId);
    return { group, members: group.members, freePlaces: Math.max(0, this.rules.maxParticipants - group.members.length) };
  }

  async groupOf(userId: string): Promise<Group | undefined> {
    const user = await this.users.get(userId);
    return user?.groupId ? this.groups.get(user.groupId) : undefined;
  }

  /**
   * Joining: consent first, then the code (rate limited), then a place in the group taken with an
   * IfMatch write on the group so two people can never take the last place at the same time.
   */
  async joinGroup(userId: string, rawCode: string): Promise<Group> {
    const user = await this.users.get(userId);
    if (!user?.consent?.given) throw new DomainError('CONSENT_REQUIRED');
    const tried = await this.guard.take(userId);
    const code = normalizeInviteCode(rawCode);
    const invite = code ? await this.groups.getInvite(code) : undefined;
    const group = invite ? await this.groups.get(invite.targetGroupId) : undefined;
    if (!invite || !group || group.inviteCode !== invite.code) throw new DomainError('INVITE_INVALID');
    await tried.release();
    if (Date.parse(invite.expiresAt) <= this.now().getTime()) throw new DomainError('INVITE_EXPIRED');
    if (group.leaderId === userId) throw new DomainError('LEADER_CANNOT_JOIN_OWN_GROUP');
    if (user.groupId === group.groupId) return group;
    if (user.groupId) throw new DomainError('ALREADY_IN_GROUP');

    const member: Member = { userId, displayName: user.displayName ?? '', joinedAt: this.now().toISOString() };
    const joined = await this.mutateGroup(group.groupId, (g) => {
      if (g.members.some((m) => m.userId === userId)) return g;
      if (g.members.length >= this.rules.maxParticipants) throw new DomainError('GROUP_FULL', { max: this.rules.maxParticipants });
      return { ...g, members: [...g.members, member] };
    }, group);
    try {
      await this.users.update(userId, (u) => {
        if (u.groupId && u.groupId !== group.groupId) throw new DomainError('ALREADY_IN_GROUP');
        return { ...u, groupId: group.groupId };
      }, user);
    } catch (e) {
      // Never leave a half-join behind: give the place back.
      await this.mutateGroup(group.groupId, (g) => ({ ...g, members: g.members.filter((m) => m.userId !== userId) }));
      throw e;
    }
    return joined;
  }

  async leaveGroup(userId: string): Promise<Group> {
    const user = await this.users.get(userId);
    if (!user?.groupId) throw new DomainError('NOT_IN_GROUP');
    const groupId = user.groupId;
    const group = await this.groups.get(groupId);
    if (group) await this.mutateGroup(groupId, (g) => ({ ...g, members: g.members.filter((m) => m.userId !== userId) }), group);
    await this.users.update(userId, (u) => ({ ...u, groupId: undefined }), user);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    return group;
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
  private async mutateGroup(groupId: string, change: (g: Group) => Group, known?: Group): Promise<Group> {
    for (let attempt = 0; ; attempt++) {
      const current = attempt === 0 && known ? known : await this.groups.get(groupId);
      if (!current) throw new DomainError('GROUP_NOT_FOUND');
      const next = change(current);
      if (next === current) return current;
      try {
        return await this.groups.replace({ ...next, updatedAt: this.now().toISOString() });
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT') || attempt >= maxConflictRetries) throw e;
      }
    }
  }
}
