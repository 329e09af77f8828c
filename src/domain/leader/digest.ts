import { DateTime } from 'luxon';
import { z } from 'zod';
import { clockTime, jobId, toUtcIso, utcInstant } from '../shared/schedule';

/**
 * The leader's digest: when it comes (daily or weekly, and the day before each meeting, at one time of
 * day in the leader's own zone) and which local moments ("slots") those are. Pure: no I/O.
 */

export const digestCadences = ['daily', 'weekly'] as const;

/** What the leader chooses. `weekday` is ISO (1 = Monday … 7 = Sunday), used when weekly. */
export const digestSettingsSchema = z.object({
  cadence: z.enum(digestCadences),
  weekday: z.number().int().min(1).max(7),
  time: clockTime,
  /** Also the day before each meeting of a group they lead, at the same time of day. */
  beforeMeetings: z.boolean(),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const defaultDigestSettings: DigestSettings = { cadence: 'weekly', weekday: 1, time: '08:00', beforeMeetings: true };

/** Stored in the leader's own partition of `users` (so *My data* exports it and erase removes it). */
export const digestSettingsDocSchema = digestSettingsSchema.extend({
  id: z.literal('digestSettings'),
  userId: z.string(),
  /** When the last scheduled digest was sent: "since the last digest" counts from here. */
  lastSentAt: utcInstant.optional(),
  updatedAt: utcInstant,
});
export type DigestSettingsDoc = z.infer<typeof digestSettingsDocSchema>;

/** A local moment in the leader's zone, "yyyy-MM-ddTHH:mm": the job's identity, so planning twice keeps one. */
export type DigestSlot = string;
const slotFormat = "yyyy-MM-dd'T'HH:mm";

export const digestJobKind = 'leader.digest';
export const digestPayloadSchema = z.object({ slot: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), zone: z.string().min(1).max(100) });
export type DigestPayload = z.infer<typeof digestPayloadSchema>;
/** The digests' jobs and their finished records live under the leader's own group id (a leader may lead several groups). */
export const digestJobGroup = (leaderId: string) => jobId('digest', leaderId);
export const digestJobId = (leaderId: string, slot: DigestSlot) => jobId(digestJobKind, leaderId, slot);

const at = (day: DateTime, time: string): DateTime => {
  const [hour = 8, minute = 0] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** Is this local day one of the regular digest days? */
const regularDay = (s: DigestSettings, day: DateTime) => s.cadence === 'daily' || day.weekday === s.weekday;

/** The local days before each meeting (in `zone`), as yyyy-MM-dd. */
const daysBefore = (zone: string, meetingStarts: readonly string[]) =>
  new Set(meetingStarts.map((m) => DateTime.fromISO(m, { zone }).minus({ days: 1 }).toFormat('yyyy-MM-dd')));

/**
 * The next digest strictly after `after`: the earliest of the next regular day and the day before each
 * upcoming meeting, at `time` in `zone` (luxon: 08:00 local on both sides of a DST change).
 */
export function nextDigestSlot(s: DigestSettings, zone: string, after: Date, meetingStarts: readonly string[]): { slot: DigestSlot; dueAt: string } {
  const local = DateTime.fromJSDate(after, { zone });
  const before = s.beforeMeetings ? daysBefore(zone, meetingStarts) : new Set<string>();
  for (let d = 0; d <= 8; d++) {
    const day = local.startOf('day').plus({ days: d });
    const due = at(day, s.time);
    if (due <= local) continue;
    if (regularDay(s, day) || before.has(day.toFormat('yyyy-MM-dd'))) return { slot: due.toFormat(slotFormat), dueAt: toUtcIso(due) };
  }
  // Unreachable: a weekly day comes within 8 days. Kept total for the type.
  const due = at(local.startOf('day').plus({ days: 7 }), s.time);
  return { slot: due.toFormat(slotFormat), dueAt: toUtcIso(due) };
}

/** The instant of a local slot in `zone`. */
export const slotDueAt = (slot: DigestSlot, zone: string): string => toUtcIso(DateTime.fromISO(slot, { zone }));

/** Is `slot` still a digest moment under the settings now (settings changed, meeting moved or cancelled → no)? */
export function isDigestSlot(s: DigestSettings, zone: string, slot: DigestSlot, meetingStarts: readonly string[]): boolean {
  const day = DateTime.fromISO(slot, { zone });
  if (!day.isValid || day.toFormat('HH:mm') !== s.time) return false;
  return regularDay(s, day) || (s.beforeMeetings && daysBefore(zone, meetingStarts).has(day.toFormat('yyyy-MM-dd')));
}

// ---- the engagement picture ----------------------------------------------------------------------

/** How many weeks the picture looks back. */
export const digestWeeks = 6;

/** One thing a participant did that the leader may see: came to a meeting, answered, voted, checked in. */
export interface EngagementEvent {
  userId: string;
  at: string;
}

/**
 * Per participant, how many of those things happened in each of the last `weeks` weeks (Monday to
 * Sunday in `zone`), oldest first; the last week is the current one.
 */
export function weeklyEngagement(userIds: readonly string[], events: readonly EngagementEvent[], zone: string, now: Date, weeks = digestWeeks): { weekStarts: string[]; counts: Record<string, number[]> } {
  const thisWeek = DateTime.fromJSDate(now, { zone }).startOf('week');
  const starts = Array.from({ length: weeks }, (_, i) => thisWeek.minus({ weeks: weeks - 1 - i }));
  const counts: Record<string, number[]> = Object.fromEntries(userIds.map((u) => [u, starts.map(() => 0)]));
  for (const e of events) {
    const row = counts[e.userId];
    if (!row) continue;
    const week = DateTime.fromISO(e.at, { zone }).startOf('week');
    const i = starts.findIndex((s) => s.equals(week));
    if (i >= 0 && e.at <= now.toISOString()) row[i]!++;
  }
  return { weekStarts: starts.map((s) => s.toFormat('yyyy-MM-dd')), counts };
}
