import { randomUUID } from 'node:crypto';
import type { Group, Member } from '../../domain/groups';
import {
  deliverJobId,
  GuidanceError,
  guidanceJobKinds,
  guidanceMessageId,
  guidanceText,
  recipientOf,
  senderOf,
  undeliveredReason,
  type DeliverPayload,
  type GuidanceMessage,
  type UndeliveredReason,
} from '../../domain/leader';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import type { Locale } from '../../domain/shared/locale';
import { deferPastQuietHours, inQuietHours, toUtcIso } from '../../domain/shared/schedule';
import { personalZone, type User } from '../../domain/people';
import { effectivePrefs, type ReminderPrefs } from '../../domain/reminders';
import type { ReminderPrefsRepository } from '../reminders';
import type { GroupRepository } from '../groups';
import { findPersonalConversation, type ConversationRefRepository, type UserRepository } from '../people';
import type { JobQueue, Messenger, SendOutcome } from '../shared/ports';
import type { GuidanceRenderer, ThreadRepository } from './guidancePorts';

export interface GuidanceDeps {
  groups: GroupRepository;
  users: UserRepository;
  refs: ConversationRefRepository;
  threads: ThreadRepository;
  /** The participant's quiet hours hold a leader's message too (a reminder's rule: not at night). */
  prefs: Pick<ReminderPrefsRepository, 'get'>;
  jobs: JobQueue;
  messenger: Messenger;
  renderer: GuidanceRenderer;
  defaultLocale: Locale;
}

/** What a delivery job did: the scheduler records it; the message document says the same in its status. */
export type GuidanceDelivery =
  | { kind: 'sent' }
  | { kind: 'deferred'; until: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'undelivered'; reason: UndeliveredReason; status?: number };

/** How many earlier messages the writer sees above the form. */
const shownBefore = 5;

/**
 * Private guidance between a group's leader and one participant. Nothing of it is ever posted to a
 * group chat: each message is stored in the participant's partition, then a job sends it to the
 * other person's personal chat (the same path as every proactive message). What cannot be delivered
 * is marked undelivered with the reason, the sender is told, and a retry sends the same text again.
 */
export class GuidanceService {
  constructor(
    private readonly deps: GuidanceDeps,
    private readonly clock: Clock,
  ) {}

  /** The leader's view of one thread: the group they lead, the participant, the latest messages. */
  async thread(leaderId: string, groupId: string, participantId: string): Promise<{ group: Group; member: Member; messages: GuidanceMessage[] }> {
    const { group, member } = await this.participantOf(leaderId, groupId, participantId);
    return { group, member, messages: await this.deps.threads.listThread(participantId, groupId, leaderId, shownBefore) };
  }

  /** The group and the participant, if the writer leads that group and the person is in it. */
  private async participantOf(leaderId: string, groupId: string, participantId: string): Promise<{ group: Group; member: Member }> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    const member = group.members.find((m) => m.userId === participantId);
    if (!member) throw new GuidanceError('NOT_A_PARTICIPANT');
    return { group, member };
  }

  /** The leader writes to one participant of a group they lead. */
  async writeToParticipant(
    leaderId: string,
    groupId: string,
    participantId: string,
    raw: string,
  ): Promise<{ message: GuidanceMessage; name: string; heldUntil?: string; zone: string }> {
    const text = guidanceText(raw);
    const { group, member } = await this.participantOf(leaderId, groupId, participantId);
    const message = await this.store({ userId: participantId, groupId, leaderId, from: 'leader', text });
    const [user, prefs] = await Promise.all([this.deps.users.get(participantId), this.deps.prefs.get(participantId)]);
    const heldUntil = quietUntil(user, prefs, group, this.clock.now());
    return { message, name: member.displayName, zone: group.timeZone, ...(heldUntil ? { heldUntil } : {}) };
  }

  /** The participant's side of a thread they were written in, if it is still open (same leader, still a member). */
  async replyTarget(participantId: string, messageId: string): Promise<{ group: Group; original: GuidanceMessage; leaderName?: string }> {
    const original = await this.deps.threads.get(participantId, messageId);
    if (!original || original.userId !== participantId) throw new GuidanceError('THREAD_NOT_FOUND');
    const group = await this.openGroup(original);
    if (!group) throw new GuidanceError('THREAD_CLOSED');
    return { group, original, leaderName: await this.nameOfLeader(group.leaderId) };
  }

  /** The participant answers; it goes to the leader who wrote to them. */
  async answerLeader(participantId: string, messageId: string, raw: string): Promise<{ message: GuidanceMessage; leaderName?: string }> {
    const text = guidanceText(raw);
    const { group, leaderName } = await this.replyTarget(participantId, messageId);
    const message = await this.store({ userId: participantId, groupId: group.groupId, leaderId: group.leaderId, from: 'participant', text });
    return { message, leaderName };
  }

  /** Sends an undelivered message again (its sender only). */
  async retry(actorId: string, participantId: string, messageId: string): Promise<GuidanceMessage> {
    const message = await this.deps.threads.get(participantId, messageId);
    if (!message || message.userId !== participantId || senderOf(message) !== actorId) throw new GuidanceError('THREAD_NOT_FOUND');
    if (message.status !== 'undelivered') throw new GuidanceError('NOT_UNDELIVERED');
    if (!(await this.openGroup(message))) throw new GuidanceError('THREAD_CLOSED');
    const { undelivered: _u, ...rest } = message;
    const saved = await this.deps.threads.replace({ ...rest, status: 'sending', attempt: message.attempt + 1 });
    await this.plan(saved);
    return saved;
  }

  /** The `leader.guidance` job: one message to the other person's personal chat, never anywhere else. */
  async deliver({ participantId, messageId }: DeliverPayload, now: Date): Promise<GuidanceDelivery> {
    const message = await this.deps.threads.get(participantId, messageId);
    if (!message) return { kind: 'skipped', reason: 'message_not_found' };
    if (message.status !== 'sending') return { kind: 'skipped', reason: 'not_sending' };
    const group = await this.openGroup(message);
    const recipient = recipientOf(message);
    if (!group || !recipient) return this.undelivered(message, group, 'left_group', now);
    const [profile, prefs] = await Promise.all([this.deps.users.get(recipient), message.from === 'leader' ? this.deps.prefs.get(recipient) : undefined]);
    const until = message.from === 'leader' ? quietUntil(profile, prefs, group, now) : undefined;
    if (until) return { kind: 'deferred', until };
    const target = await findPersonalConversation(this.deps.refs, recipient);
    const fromName = message.from === 'leader' ? await this.nameOfLeader(group.leaderId) : this.memberName(group, message.userId);
    const outcome: SendOutcome & { reason?: string } =
      'unreachable' in target
        ? { kind: 'unreachable', status: target.unreachable, reason: target.reason }
        : await this.deps.messenger.send(recipient, target.conversationId, this.deps.renderer.render({ kind: 'incoming', locale: profile?.locale ?? group.locale ?? this.deps.defaultLocale, group, message, fromName }));
    if (outcome.kind === 'sent') {
      await this.deps.threads.replace({ ...message, status: 'delivered', deliveredAt: toUtcIso(now) });
      return { kind: 'sent' };
    }
    return this.undelivered(message, group, undeliveredReason(outcome), now, outcome.status);
  }

  /** The leader erased their data: their threads stay with the participants, without the leader's id. */
  forget(userId: string): Promise<number> {
    return this.deps.threads.detachLeader(userId);
  }

  private async store(fields: Pick<GuidanceMessage, 'userId' | 'groupId' | 'leaderId' | 'from' | 'text'>): Promise<GuidanceMessage> {
    const message = await this.deps.threads.create({
      id: guidanceMessageId(randomUUID()), ...fields, createdAt: toUtcIso(this.clock.now()), status: 'sending', attempt: 1,
    });
    await this.plan(message);
    return message;
  }

  private async plan(message: GuidanceMessage): Promise<void> {
    const now = this.clock.now();
    await this.deps.jobs.plan(
      {
        id: deliverJobId(message.userId, message.id, message.attempt),
        kind: guidanceJobKinds.deliver,
        dueAt: toUtcIso(now),
        groupId: message.groupId,
        userId: recipientOf(message),
        payload: { participantId: message.userId, messageId: message.id } satisfies DeliverPayload,
      },
      now,
    );
  }

  /** The group, if the thread is still open: it has the same leader and the participant is still in it. */
  private async openGroup(message: GuidanceMessage): Promise<Group | undefined> {
    const group = await this.deps.groups.get(message.groupId);
    if (!group || !message.leaderId || group.leaderId !== message.leaderId) return undefined;
    return group.members.some((m) => m.userId === message.userId) ? group : undefined;
  }

  private memberName = (group: Group, userId: string) => group.members.find((m) => m.userId === userId)?.displayName;

  private async nameOfLeader(leaderId: string): Promise<string | undefined> {
    const leader = await this.deps.users.get(leaderId);
    return leader?.consent?.given ? leader.displayName : undefined;
  }

  /** Kept in the thread as undelivered, with the reason; the sender hears it in their personal chat. */
  private async undelivered(message: GuidanceMessage, group: Group | undefined, reason: UndeliveredReason, now: Date, status?: number): Promise<GuidanceDelivery> {
    await this.deps.threads.replace({ ...message, status: 'undelivered', undelivered: { reason, at: toUtcIso(now), ...(status ? { status } : {}) } });
    const sender = senderOf(message);
    const home = group ?? (await this.deps.groups.get(message.groupId));
    if (sender && home) {
      const [profile, target] = await Promise.all([this.deps.users.get(sender), findPersonalConversation(this.deps.refs, sender)]);
      const toName = message.from === 'leader' ? this.memberName(home, message.userId) : await this.nameOfLeader(home.leaderId);
      const locale = profile?.locale ?? home.locale ?? this.deps.defaultLocale;
      if (!('unreachable' in target)) await this.deps.messenger.send(sender, target.conversationId, this.deps.renderer.render({ kind: 'undelivered', locale, group: home, message, reason, toName }));
    }
    return { kind: 'undelivered', reason, ...(status ? { status } : {}) };
  }
}

/** When the participant's quiet hours end, if they hold a message now (their zone, else the group's). */
function quietUntil(user: Pick<User, 'timeZone'> | undefined, prefs: ReminderPrefs | undefined, group: Group, now: Date): string | undefined {
  const zone = personalZone(user, group.timeZone);
  const { quietHours } = effectivePrefs(prefs);
  return inQuietHours(now, zone, quietHours) ? deferPastQuietHours(now, zone, quietHours) : undefined;
}
