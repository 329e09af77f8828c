import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Time rules of the scheduler (pure) and the stored shape of a durable job.
 * Instants are stored as UTC in `Date.toISOString()` form, so string order is time order — the due query
 * compares and sorts `dueAt` as a string.
 */

export const utcInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'a UTC instant in toISOString() form');

export const toUtcIso = (instant: Date | DateTime): string =>
  instant instanceof Date ? instant.toISOString() : instant.toUTC().toJSDate().toISOString();

export const addMinutes = (instant: Date | string, minutes: number): string =>
  new Date(new Date(instant).getTime() + minutes * 60_000).toISOString();

export const addMs = (instant: Date | string, ms: number): string => new Date(new Date(instant).getTime() + ms).toISOString();

export const isValidZone = (zone: string | undefined): zone is string => !!zone && IANAZone.isValidZone(zone);

/**
 * A wall-clock time in a zone ("2026-03-30T09:00") → the UTC instant. Undefined when the text is not a
 * local date-time or the time does not exist there (the hour skipped when clocks go forward).
 */
export function localToUtc(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) return undefined;
  // luxon moves a non-existent local time forward; a person asking for 03:30 on the spring-forward night did not mean 04:30.
  if (parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return undefined;
  return toUtcIso(parsed);
}

/** "HH:mm" on a 24-hour clock. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export interface QuietHours {
  /** Local "HH:mm" when quiet begins (inclusive). */
  start: string;
  /** Local "HH:mm" when sending may resume (exclusive end). Equal to start: no quiet hours. */
  end: string;
}

export const defaultQuietHours: QuietHours = { start: '21:00', end: '08:00' };
/** 24 h and 2 h before a meeting. */
export const defaultReminderOffsetsMinutes: readonly number[] = [24 * 60, 2 * 60];
export const defaultReflectAfterMinutes = 30;

const minutesOfDay = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the reminder `offsetMinutes` before a meeting goes. Whole days are calendar days in the zone
 * ("24 h before" a 09:00 meeting is 09:00 the day before, also across a DST change); the rest is elapsed time.
 */
export function reminderDueAt(meetingStartsAt: string, offsetMinutes: number, zone: string): string {
  const days = Math.floor(offsetMinutes / 1440);
  const rest = offsetMinutes - days * 1440;
  return toUtcIso(DateTime.fromISO(meetingStartsAt, { zone }).minus({ days }).minus({ minutes: rest }));
}

export function inQuietHours(instant: Date | string, zone: string, quiet: QuietHours): boolean {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false;
  const local = DateTime.fromJSDate(new Date(instant), { zone });
  const now = local.hour * 60 + local.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** An instant in quiet hours moves to the next local end of quiet hours (08:00 by default); others stay. */
export function deferPastQuietHours(instant: Date | string, zone: string, quiet: QuietHours): string {
  const iso = toUtcIso(new Date(instant));
  if (!inQuietHours(iso, zone, quiet)) return iso;
  const local = DateTime.fromISO(iso, { zone });
  const end = minutesOfDay(quiet.end);
  let resume = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  if (resume <= local) resume = resume.plus({ days: 1 });
  return toUtcIso(resume);
}

/**
 * When a message meant for `instant` goes: the same, or, in quiet hours, their end — then `heldFrom`
 * keeps the instant it was meant for, so a change of quiet hours can plan it again (JobQueue.releaseHeld).
 */
export function outsideQuietHours(instant: Date | string, zone: string, quiet: QuietHours): { dueAt: string; heldFrom?: string } {
  const meant = toUtcIso(new Date(instant));
  const dueAt = deferPastQuietHours(meant, zone, quiet);
  return dueAt === meant ? { dueAt } : { dueAt, heldFrom: meant };
}

/** A snoozed reminder comes back after `minutes`, but not in the person's quiet hours. */
export function snoozedDueAt(now: Date, minutes: number, zone: string, quiet: QuietHours): string {
  return outsideQuietHours(addMinutes(now, minutes), zone, quiet).dueAt;
}

/** Exponential backoff for a failed send: base, 2×base, 4×base … capped. `attempt` counts from 1. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** 1440 → "24h", 120 → "2h", 90 → "90m": readable and stable inside job ids. */
export const offsetLabel = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`);

// ---- durable jobs -------------------------------------------------------------------------------

export const jobStatuses = ['pending', 'sent', 'skipped', 'failed', 'unreachable', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];
export type FinalJobStatus = Exclude<JobStatus, 'pending'>;

/** Cosmos ids may not contain / \ ? #; user ids come from channels, so keep the id safe whatever they hold. */
export const jobId = (...parts: Array<string | number>) => parts.map((p) => String(p).replace(/[/\\?#]/g, '_')).join(':');

export const jobResultSchema = z.object({
  outcome: z.enum(['sent', 'skipped', 'failed', 'unreachable', 'cancelled']),
  /** Why it was skipped or cancelled: `paused`, `meeting_cancelled`, … (a code, never personal text). */
  reason: z.string().max(100).optional(),
  status: z.number().int().optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

/** A durable job as the scheduler and the services see it; how it is stored (partitions, eTag) is src/store/shared/jobDocument.ts. */
export const jobSchema = z.object({
  id: z.string().min(1).max(255),
  kind: z.string().min(1),
  status: z.enum(jobStatuses),
  /** When it is due; while claimed, when the claim's lease runs out (so an abandoned claim is due again). */
  dueAt: utcInstant,
  groupId: z.string(),
  meetingId: z.string().optional(),
  userId: z.string().optional(),
  /** Kind-specific; each handler parses it with its own schema. */
  payload: z.record(z.string(), z.unknown()).default({}),
  /** Failed runs so far (drives the backoff). */
  attempts: z.number().int().nonnegative().default(0),
  /** Claims since it was last rescheduled; more than one means an earlier claimer may have died mid-run. */
  claims: z.number().int().nonnegative().default(0),
  claimedBy: z.string().optional(),
  leaseUntil: utcInstant.optional(),
  lastStatus: z.number().int().optional(),
  /** Set while quiet hours hold the job: when it was meant to go. A change of quiet hours makes it due again from then. */
  heldFrom: utcInstant.optional(),
  result: jobResultSchema.optional(),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  finishedAt: utcInstant.optional(),
});
export type Job = z.infer<typeof jobSchema>;

/** What a planner asks for; the repository fills in the bookkeeping. */
export type JobRequest = Pick<Job, 'id' | 'kind' | 'dueAt' | 'groupId' | 'meetingId' | 'userId' | 'payload' | 'heldFrom'>;
