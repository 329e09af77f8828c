import { deferPastQuietHours, inQuietHours, toUtcIso } from '../shared/schedule';
import { isPaused, type EffectiveReminderPrefs, type Pause } from './model';

/**
 * "Should this person get this message now?" — one policy for everything the bot says on its own
 * (meeting reminders, notices, reflection prompts, the leader's roster; later digests and engagement
 * nudges). Pure: the caller loads the facts, the policy decides, the caller sends or records why not.
 */

/** The meeting a message is about, as it was when the message was planned and as it is now. */
export interface MeetingFacts {
  status: 'scheduled' | 'cancelled';
  revision: number;
  startsAt: string;
  endsAt: string;
  /** What the job was planned against; a field left out is not compared. */
  planned: { revision: number; startsAt?: string; endsAt?: string };
}

export interface DeliveryFacts {
  now: Date;
  /** Still in the group (for the leader's messages: still its leader). */
  inGroup: boolean;
  meeting?: MeetingFacts;
  pause?: Pick<Pause, 'until' | 'zone' | 'createdAt' | 'endedAt'>;
  rsvp?: 'yes' | 'no' | 'maybe';
  attendance?: 'present' | 'absent' | 'excused' | string;
  prefs: EffectiveReminderPrefs;
  /** The person's zone: their quiet hours are local to it. */
  zone: string;
  /** Which of the person's reminder offsets planned it (a reminder; absent when snoozed). */
  offsetMinutes?: number;
}

/** Which rules apply to a kind of message. */
export interface DeliveryRules {
  /** Why `inGroup: false` skips it. */
  notInGroup: string;
  /**
   * current: skipped if the meeting was cancelled or moved since it was planned; news: a notice that a
   * later change made stale is `superseded`; any: it is about the change itself (a cancellation notice).
   */
  meeting: 'current' | 'news' | 'any';
  /** Not once the meeting has begun. */
  beforeStart: boolean;
  /** Held back while the person pauses (reminders and prompts; news is not). */
  pause: boolean;
  /** The person's own reminder settings (on/off, which offsets) apply. */
  reminderSettings: boolean;
  /** Not for someone recorded absent, or who said no (and was not recorded present). */
  attendance: boolean;
  /** Quiet hours: wait for their end, unless that is not before `latest` — then skip, or send now; false: they do not apply. */
  quietHours: false | { latest?: string; whenTooLate: 'skip' | 'send' };
}

export type DeliveryDecision = { send: true } | { send: false; skip: string } | { send: false; deferUntil: string };

const skip = (reason: string): DeliveryDecision => ({ send: false, skip: reason });

export function decideDelivery(facts: DeliveryFacts, rules: DeliveryRules): DeliveryDecision {
  if (!facts.inGroup) return skip(rules.notInGroup);
  const m = facts.meeting;
  if (m && rules.meeting !== 'any') {
    const moved =
      m.revision !== m.planned.revision ||
      (m.planned.startsAt !== undefined && m.startsAt !== m.planned.startsAt) ||
      (m.planned.endsAt !== undefined && m.endsAt !== m.planned.endsAt);
    if (rules.meeting === 'news' && (m.status === 'cancelled' || moved)) return skip('superseded');
    if (m.status === 'cancelled') return skip('meeting_cancelled');
    if (moved) return skip('meeting_moved');
  }
  if (m && rules.beforeStart && toUtcIso(facts.now) >= m.startsAt) return skip('meeting_started');
  if (rules.attendance && facts.attendance === 'absent') return skip('absent');
  if (rules.attendance && !facts.attendance && facts.rsvp === 'no' && !rules.reminderSettings) return skip('rsvp_no');
  if (rules.pause && isPaused(facts.pause, facts.now)) return skip('paused');
  if (rules.reminderSettings) {
    if (!facts.prefs.enabled) return skip('reminders_off');
    if (facts.offsetMinutes !== undefined && !facts.prefs.offsetsMinutes.includes(facts.offsetMinutes)) return skip('prefs_changed');
    if (facts.rsvp === 'no') return skip('rsvp_no');
  }
  if (rules.quietHours && inQuietHours(facts.now, facts.zone, facts.prefs.quietHours)) {
    const until = deferPastQuietHours(facts.now, facts.zone, facts.prefs.quietHours);
    const { latest, whenTooLate } = rules.quietHours;
    if (latest !== undefined && until >= latest) return whenTooLate === 'skip' ? skip('quiet_hours') : { send: true };
    return { send: false, deferUntil: until };
  }
  return { send: true };
}

/** The rules of each kind of message the meetings feature sends on its own. */
export const meetingMessageRules = {
  /** A reminder before a meeting. */
  reminder: (startsAt: string): DeliveryRules => ({
    notInGroup: 'not_in_group',
    meeting: 'current',
    beforeStart: true,
    pause: true,
    reminderSettings: true,
    attendance: false,
    quietHours: { latest: startsAt, whenTooLate: 'skip' },
  }),
  /** Scheduled / moved / cancelled: news the person plans around, so neither pauses nor quiet hours hold it back. */
  notice: (event: 'scheduled' | 'moved' | 'cancelled'): DeliveryRules => ({
    notInGroup: 'not_in_group',
    meeting: event === 'cancelled' ? 'any' : 'news',
    beforeStart: event !== 'cancelled',
    pause: false,
    reminderSettings: false,
    attendance: false,
    quietHours: false,
  }),
  /** The invitation to reflect after a meeting. */
  reflection: (): DeliveryRules => ({
    notInGroup: 'not_in_group',
    meeting: 'current',
    beforeStart: false,
    pause: true,
    reminderSettings: false,
    attendance: true,
    quietHours: { whenTooLate: 'send' },
  }),
  /** The leader's roster as a meeting ends. */
  roster: (): DeliveryRules => ({
    notInGroup: 'not_group_leader',
    meeting: 'current',
    beforeStart: false,
    pause: false,
    reminderSettings: false,
    attendance: false,
    quietHours: { whenTooLate: 'send' },
  }),
};
