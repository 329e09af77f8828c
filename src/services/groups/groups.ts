import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { newInviteCode } from '../../domain/groups/invite';
import type { Locale } from '../../domain/shared/locale';
import type { Group, Invite, Member } from '../../domain/groups/model';
import type { JobQueue } from '../shared/ports';
import type { CodeAttemptGuard } from '../people';
import type { GroupRepository } from './ports';
import type { UserService } from '../people';
import { leads } from '../../domain/groups/rules';
import { retryOnConflict } from '../shared/retryOnConflict';
import { Invites, type MutateGroup } from './invites';
import { Membership } from './membership';

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
    guard: CodeAttemptGuard,
    private readonly rules: GroupRules,
    private readonly clock: Clock,
    /** Notices to the leader are jobs: the scheduler sends them, with its retries, outside this person's turn. */
    jobs: JobQueue,
    private readonly newCode: () => string = () => newInviteCode(),
  ) {
    const mutate: MutateGroup = (groupId, change, known) => this.mutateGroup(groupId, change, known);
    this.invites = new Invites(groups, clock, rules.inviteTtlDays, newCode, mutate);
    this.membership = new Membership(groups, users, guard, rules.maxParticipants, clock, jobs, mutate);
  }

  private readonly invites: Invites;
  private readonly membership: Membership;

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
    return this.membership.membershipOf(await this.users.get(userId));
  }

  /** Consent, then the code (rate limited), then a place taken with IfMatch (see Membership.join). */
  joinGroup(userId: string, rawCode: string): Promise<Group> {
    return this.membership.join(userId, rawCode);
  }

  leaveGroup(userId: string): Promise<Group> {
    return this.membership.leave(userId);
  }

  /** Keeps the roster's name in step when a member changes the name they gave. */
  renameMember(userId: string, displayName: string): Promise<void> {
    return this.membership.rename(userId, displayName);
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
