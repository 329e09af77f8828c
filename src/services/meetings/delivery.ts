import { isMember, leads, type Group } from '../../domain/groups';
import type { Attendance, Meeting, Rsvp } from '../../domain/meetings';
import { effectivePrefs, type DeliveryFacts, type EffectiveReminderPrefs, type MeetingFacts, type Pause } from '../../domain/reminders';
import type { Locale } from '../../domain/shared/locale';
import { isValidZone } from '../../domain/shared/schedule';
import type { ConversationRef } from '../../domain/people';
import { personalTargetFrom } from '../people';
import type { Messenger, OutboundMessage, SendOutcome } from '../shared/ports';
import type { MeetingRepository, RecipientDocuments, RecipientRepository } from './ports';

export interface MeetingDeliveryDeps {
  meetings: MeetingRepository;
  recipients: RecipientRepository;
  messenger: Messenger;
  defaultLocale: Locale;
}

export interface Recipient {
  zone: string;
  locale: Locale;
  prefs: EffectiveReminderPrefs;
}

/** A meeting message's world: the meeting, its group, the recipient and what they said. */
export interface DeliveryContext {
  meeting: Meeting;
  group: Group;
  recipient: Recipient;
  pause?: Pause;
  rsvp?: Rsvp;
  attendance?: Attendance;
  /** The recipient's conversation references: where to send. */
  refs: ConversationRef[];
}

export type DeliveryOutcome = SendOutcome | { kind: 'unreachable'; status: number; reason: string };

/**
 * What the scheduler's meeting jobs read and send, as one use case: it loads everything the delivery
 * policy (src/domain/reminders/delivery.ts) looks at in two queries at once — the group's partition
 * (the group, the meeting, the person's RSVP and attendance) and the person's (profile, settings, pause,
 * conversation references) — and sends to the person's personal chat with the references just read.
 */
export class MeetingDeliveryService {
  constructor(private readonly deps: MeetingDeliveryDeps) {}

  /** Undefined when the meeting or its group is gone. */
  async load(groupId: string, meetingId: string, userId: string): Promise<DeliveryContext | undefined> {
    const [{ meeting, group, rsvp, attendance }, { user, prefs, pause, refs }] = await Promise.all([
      this.deps.meetings.getWithGroup(groupId, meetingId, userId),
      this.deps.recipients.load(userId),
    ]);
    if (!meeting || !group) return undefined;
    const recipient: Recipient = {
      zone: isValidZone(user?.timeZone) ? user.timeZone : group.timeZone,
      locale: user?.locale ?? group.locale ?? this.deps.defaultLocale,
      prefs: effectivePrefs(prefs),
    };
    return { meeting, group, recipient, refs, ...(pause ? { pause } : {}), ...(rsvp ? { rsvp } : {}), ...(attendance ? { attendance } : {}) };
  }

  /** A person's own documents (profile, settings, pause, conversation references) without a meeting: for notices about their group. */
  loadPerson(userId: string): Promise<RecipientDocuments> {
    return this.deps.recipients.load(userId);
  }

  listAttendance(groupId: string, meetingId: string): Promise<Attendance[]> {
    return this.deps.meetings.listAttendance(groupId, meetingId);
  }

  /** The facts the delivery policy decides on, for `userId` as a member (or, with `asLeader`, as the leader). */
  facts(
    ctx: DeliveryContext,
    userId: string,
    now: Date,
    planned: MeetingFacts['planned'],
    options: { asLeader?: boolean; offsetMinutes?: number } = {},
  ): DeliveryFacts {
    const { meeting, group, recipient } = ctx;
    return {
      now,
      inGroup: options.asLeader ? leads(group, userId) : isMember(group, userId),
      meeting: { status: meeting.status, revision: meeting.revision, startsAt: meeting.startsAt, endsAt: meeting.endsAt, planned },
      ...(ctx.pause ? { pause: ctx.pause } : {}),
      ...(ctx.rsvp ? { rsvp: ctx.rsvp.answer } : {}),
      ...(ctx.attendance ? { attendance: ctx.attendance.status } : {}),
      prefs: recipient.prefs,
      zone: recipient.zone,
      ...(options.offsetMinutes !== undefined ? { offsetMinutes: options.offsetMinutes } : {}),
    };
  }

  /** To the person's personal chat; none (never installed, or removed) is unreachable. */
  async sendToPerson(ctx: Pick<DeliveryContext, 'refs'>, userId: string, message: OutboundMessage): Promise<DeliveryOutcome> {
    const target = personalTargetFrom(ctx.refs, userId);
    if ('unreachable' in target) return { kind: 'unreachable', status: target.unreachable, reason: target.reason };
    return this.deps.messenger.send(userId, target.conversationId, message);
  }
}
