import { isPaused, pauseEndsAt, type Pause } from '../reminders';
import { checkInGapDays, signalPoints, type Reason, type WatchSettings } from './model';

/**
 * What the leader may see of a participant, as observations. Each kind of signal comes from its own
 * source (services/leader/signals.ts); votes and check-ins become further kinds here and further rules
 * below. Only that something happened, never its content.
 */
export type Observation =
  | {
      userId: string;
      signal: 'meeting';
      /** When the meeting began. */
      at: string;
      attendance: 'present' | 'absent' | 'unmarked';
      /** Said whether they would come before it began. */
      answered: boolean;
      /** Reminders of it that reached them. */
      remindersSent: number;
    }
  | { userId: string; signal: 'unreachable'; at: string }
  /** A vote round that closed in the window and was open to them: whether they voted (never what). */
  | { userId: string; signal: 'vote'; at: string; voted: boolean }
  /** A check-in they made while in the group: that it happened, never its content or mood. */
  | { userId: string; signal: 'checkin'; at: string };

export interface MemberFacts {
  userId: string;
  joinedAt: string;
  /** Every pause (history and the current one). */
  pauses: readonly Pause[];
}

export interface Assessment {
  userId: string;
  /** False for a new member before their first meetings, or someone paused now: no score, no alert. */
  judged: boolean;
  why?: 'new_member' | 'paused';
  /** Higher = more signs of drifting away. Never shown to the participant. */
  points: number;
  reasons: Reason[];
}

type MeetingObservation = Extract<Observation, { signal: 'meeting' }>;
type VoteObservation = Extract<Observation, { signal: 'vote' }>;
interface Signals {
  meetings: MeetingObservation[];
  rounds: VoteObservation[];
  unreachable: boolean;
  /** Their check-ins in the window (outside pauses), newest first. */
  checkIns: string[];
  /** A pause touched the last `checkInGapDays`: a gap in check-ins then says nothing. */
  pausedLately: boolean;
  now: Date;
}

const days = (from: string, to: Date) => Math.floor((to.getTime() - new Date(from).getTime()) / 86_400_000);

/**
 * No check-in for `checkInGapDays` after a meeting they came to: they came (missed meetings speak for
 * themselves) but have not checked in since, for that long. The days are counted from the first meeting
 * they came to after their last check-in (in the window), so the words are never more than is true.
 */
function checkInGap({ meetings, checkIns, pausedLately, now }: Signals): { points: number; reasons: Reason[] } {
  if (pausedLately) return { points: 0, reasons: [] };
  const last = checkIns[0] ?? '';
  const cameSince = meetings.filter((m) => m.attendance === 'present' && m.at > last).map((m) => m.at).sort();
  if (cameSince.length === 0) return { points: 0, reasons: [] };
  const gap = days(cameSince[0]!, now);
  return gap < checkInGapDays ? { points: 0, reasons: [] } : { points: signalPoints.noCheckIn, reasons: [{ code: 'no_checkin', days: gap }] };
}

/** One rule per signal: its points and the reason in codes. A new signal adds a rule here. */
const rules: ReadonlyArray<(o: Signals) => { points: number; reasons: Reason[] }> = [
  ({ meetings }) => {
    const missed = meetings.filter((m) => m.attendance === 'absent').length;
    return { points: missed * signalPoints.missedMeeting, reasons: missed === 0 ? [] : [{ code: 'missed', missed, of: meetings.length }] };
  },
  ({ meetings }) => {
    const unanswered = meetings.filter((m) => !m.answered && m.attendance !== 'present');
    const reminded = unanswered.filter((m) => m.remindersSent > 0);
    const reminders = reminded.reduce((sum, m) => sum + m.remindersSent, 0);
    const silent = unanswered.length - reminded.length;
    const points = unanswered.length * signalPoints.unansweredMeeting;
    const reasons: Reason[] = [];
    if (reminded.length > 0) reasons.push({ code: 'reminders_unanswered', reminders, meetings: reminded.length });
    if (silent > 0) reasons.push({ code: 'no_rsvp', meetings: silent });
    return { points, reasons };
  },
  ({ rounds }) => {
    const missed = rounds.filter((r) => !r.voted).length;
    return { points: missed * signalPoints.missedVote, reasons: missed === 0 ? [] : [{ code: 'no_vote', rounds: missed, of: rounds.length }] };
  },
  ({ unreachable }) => (unreachable ? { points: signalPoints.unreachable, reasons: [{ code: 'unreachable' }] } : { points: 0, reasons: [] }),
  checkInGap,
];

/**
 * Scores one participant over the window ending `now`. Meetings during a pause or before they joined
 * are left out; a person paused now, or with fewer than `minMeetings` counted meetings, is not judged.
 */
export function assess(member: MemberFacts, observations: readonly Observation[], settings: WatchSettings, now: Date): Assessment {
  const to = now.toISOString();
  const from = new Date(now.getTime() - settings.windowDays * 86_400_000).toISOString();
  const base = { userId: member.userId, points: 0, reasons: [] };
  if (member.pauses.some((p) => isPaused(p, now))) return { ...base, judged: false, why: 'paused' };
  const paused = (at: string) => member.pauses.some((p) => isPaused(p, at));
  const mine = observations.filter((o) => o.userId === member.userId && !paused(o.at));
  const meetings = mine
    .filter((o): o is MeetingObservation => o.signal === 'meeting' && o.at >= member.joinedAt && o.at < to)
    .sort((a, b) => b.at.localeCompare(a.at));
  if (meetings.length < settings.minMeetings) return { ...base, judged: false, why: 'new_member' };
  const inWindow = meetings.filter((m) => m.at >= from);
  const rounds = mine.filter((o): o is VoteObservation => o.signal === 'vote' && o.at >= member.joinedAt && o.at >= from && o.at < to);
  const unreachable = mine.some((o) => o.signal === 'unreachable');
  const checkIns = mine.filter((o) => o.signal === 'checkin' && o.at >= from && o.at < to).map((o) => o.at).sort().reverse();
  const gapFrom = new Date(now.getTime() - checkInGapDays * 86_400_000).toISOString();
  const pausedLately = member.pauses.some((p) => pauseEndsAt(p) > gapFrom && p.createdAt < to);
  let points = 0;
  const reasons: Reason[] = [];
  for (const rule of rules) {
    const out = rule({ meetings: inWindow, rounds, unreachable, checkIns, pausedLately, now });
    points += out.points;
    reasons.push(...out.reasons);
  }
  return { userId: member.userId, judged: true, points, reasons };
}
