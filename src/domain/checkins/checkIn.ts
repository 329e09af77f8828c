import { DateTime } from 'luxon';
import { z } from 'zod';
import { strengthIdSchema, type StrengthId } from './strengths';

/** A check-in: every answer is optional (each question can be skipped); private unless shared. */

const utcInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
/** A calendar day, yyyy-MM-dd, in the person's zone. */
export const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => DateTime.fromISO(d).isValid, 'not a date');

export const moods = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof moods)[number];
export const moodSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const lowestMood: Mood = 1;

export const limits = { did: 1000, strengthsOther: 300, nextStep: 300 } as const;

export const nextStepOutcomes = ['done', 'notYet', 'skipped'] as const;
export type NextStepOutcome = (typeof nextStepOutcomes)[number];

export const nextStepSchema = z.object({
  text: z.string().min(1).max(limits.nextStep),
  date: calendarDay.optional(),
  /** The answer to "did it happen?" in a later check-in. */
  outcome: z.enum(nextStepOutcomes).optional(),
  answeredAt: utcInstant.optional(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const checkInSchema = z.object({
  id: z.string().min(1).max(200),
  userId: z.string().min(1),
  /** The group the person was in when they checked in: only that group's leader may see a shared entry. */
  groupId: z.string().optional(),
  /** The meeting the check-in was prompted by, if any. */
  meetingId: z.string().optional(),
  mood: moodSchema.optional(),
  did: z.string().max(limits.did).optional(),
  strengths: z.array(strengthIdSchema).max(30).default([]),
  strengthsOther: z.string().max(limits.strengthsOther).optional(),
  nextStep: nextStepSchema.optional(),
  shared: z.boolean().default(false),
  createdAt: utcInstant,
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** What a person answered; blank text means skipped. */
export interface CheckInAnswers {
  mood?: Mood;
  did?: string;
  strengths?: StrengthId[];
  strengthsOther?: string;
  nextStep?: string;
  nextStepDate?: string;
  shared?: boolean;
}

const clean = (s: string | undefined, max: number) => {
  const v = s?.trim();
  return v ? v.slice(0, max) : undefined;
};

/** One dialog run stores one check-in: its id comes from the run's request id, so a double submit is one entry. */
export const checkInId = (requestId: string) => `checkin:${requestId.replace(/[/\\?#]/g, '_')}`;

export function buildCheckIn(
  base: { id: string; userId: string; groupId?: string; meetingId?: string; createdAt: string },
  a: CheckInAnswers,
): CheckIn {
  const stepText = clean(a.nextStep, limits.nextStep);
  const parsed = checkInSchema.parse({
    ...base,
    mood: a.mood,
    did: clean(a.did, limits.did),
    strengths: [...new Set(a.strengths ?? [])],
    strengthsOther: clean(a.strengthsOther, limits.strengthsOther),
    nextStep: stepText ? { text: stepText, ...(a.nextStepDate ? { date: a.nextStepDate } : {}) } : undefined,
    // Without a group there is no leader to share with.
    shared: Boolean(a.shared && base.groupId),
  });
  // A skipped answer is absent, not a key holding undefined.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as CheckIn;
}

export const isEmpty = (c: CheckIn) => c.mood === undefined && !c.did && c.strengths.length === 0 && !c.strengthsOther && !c.nextStep;

/** How far back a next step is still asked about. */
export const followUpWindowDays = 60;

/**
 * The next step a new check-in asks about: the newest one not yet answered whose day has come (or that
 * had no day), made within the window. `history` newest first.
 */
export function followUpDue(history: CheckIn[], today: string, now: Date): CheckIn | undefined {
  const oldest = DateTime.fromJSDate(now).minus({ days: followUpWindowDays }).toJSDate().toISOString();
  return history.find((c) => c.nextStep && !c.nextStep.outcome && c.createdAt >= oldest && (!c.nextStep.date || c.nextStep.date <= today));
}

/** The lowest mood now and in the previous check-in that had a mood. `history` newest first, without the new one. */
export function lowestMoodTwice(history: CheckIn[], mood: Mood | undefined): boolean {
  if (mood !== lowestMood) return false;
  return history.find((c) => c.mood !== undefined)?.mood === lowestMood;
}

/** The next-step reminder goes at 10:00 on the chosen day in the person's zone. */
export function nextStepReminderAt(date: string, zone: string): string {
  return DateTime.fromISO(`${date}T10:00`, { zone }).toUTC().toJSDate().toISOString();
}

/** Check-ins are kept CHECKIN_TTL_DAYS; `expiresAt` is what the local clean-up compares (Azure uses `ttl`). */
export const expiresAt = (createdAt: string, ttlDays: number) => new Date(new Date(createdAt).getTime() + ttlDays * 86_400_000).toISOString();
