import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * The outcome ledger: what became of each participant, recorded by the group's leader. Stored in the
 * group's partition of `groups`. An entry is never changed: a correction is a new entry that names the
 * one it supersedes, so the history stays. How they are stored (their stored `type`, Cosmos' `_etag`)
 * is src/store/outcomes' business.
 */

const isoInstant = z.iso.datetime({ offset: true });
/** A calendar date, yyyy-MM-dd. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => DateTime.fromISO(s).isValid);

export const outcomeKinds = ['employed', 'tryout', 'studies', 'rehab', 'looking', 'dropped'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];
export const workHours = ['full', 'part'] as const;
export const workTerms = ['fixed', 'open'] as const;
export const studyKinds = ['vocational', 'higher', 'general', 'course'] as const;
export const dropReasons = ['health', 'life', 'notSuitable', 'moved', 'other'] as const;

/** Every outcome document is about one participant of one group. */
const aboutParticipant = { id: z.string(), groupId: z.string(), userId: z.string() };

/** What one entry says: the kind and its details (the leader's draft and the stored entry alike). */
const entryFields = {
  kind: z.enum(outcomeKinds),
  /** The start date (employed, try-out, studies, rehab), the drop-out date, or the day "still looking" was noted. */
  date: isoDate,
  /** A try-out's last day. */
  endDate: isoDate.optional(),
  hours: z.enum(workHours).optional(),
  term: z.enum(workTerms).optional(),
  studyKind: z.enum(studyKinds).optional(),
  reason: z.enum(dropReasons).optional(),
};

export const outcomeEntrySchema = z.object({
  ...aboutParticipant,
  entryId: z.string(),
  ...entryFields,
  /** The entry this one corrects. */
  supersedes: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: isoInstant,
});
export type OutcomeEntry = z.infer<typeof outcomeEntrySchema>;

/** The answer of the follow-up four months after an employment started. */
export const followUpSchema = z.object({
  ...aboutParticipant,
  entryId: z.string(),
  checkedOn: isoDate,
  stillEmployed: z.boolean(),
  recordedBy: z.string(),
  recordedAt: isoInstant,
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** A participant's own words about their outcomes. */
export const outcomeNoteSchema = z.object({
  ...aboutParticipant,
  text: z.string().min(1).max(500),
  writtenAt: isoInstant,
});
export type OutcomeNote = z.infer<typeof outcomeNoteSchema>;

export const outcomeEntryId = (userId: string, entryId: string) => `outcome:${userId}:${entryId}`;
export const followUpId = (userId: string, entryId: string, checkedOn: string) => `outcomeFollowUp:${userId}:${entryId}:${checkedOn}`;
export const outcomeNoteId = (userId: string, noteId: string) => `outcomeNote:${userId}:${noteId}`;

/** Employment counts as "at least 4 months" from this day on. */
export const confirmableOn = (startDate: string): string => DateTime.fromISO(startDate).plus({ months: 4 }).toISODate()!;

/** The entries that stand: those no later entry supersedes, oldest first. */
export function currentEntries(entries: readonly OutcomeEntry[]): OutcomeEntry[] {
  const superseded = new Set(entries.flatMap((e) => (e.supersedes ? [e.supersedes] : [])));
  return entries.filter((e) => !superseded.has(e.entryId)).sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
}

/** An employment is confirmed when a follow-up on or after its 4-month day said the person still works there. */
export function isConfirmed(entry: OutcomeEntry, followUps: readonly FollowUp[]): boolean {
  if (entry.kind !== 'employed') return false;
  const due = confirmableOn(entry.date);
  const answers = followUps.filter((f) => f.entryId === entry.entryId && f.checkedOn >= due).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  return answers.at(-1)?.stillEmployed === true;
}

/** An employment whose follow-up said it ended. */
export function hasEnded(entry: OutcomeEntry, followUps: readonly FollowUp[]): boolean {
  const answers = followUps.filter((f) => f.entryId === entry.entryId).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  return answers.at(-1)?.stillEmployed === false;
}

/** What only outcomes can get wrong; the dialogs say it as outcomes.errors.<code>. */
export const outcomeErrorCodes = ['ENTRY_NOT_FOUND', 'TOO_EARLY', 'NOT_PARTICIPANT', 'DETAILS_MISSING', 'NOT_REPORT_READER', 'FILE_GONE'] as const;
export type OutcomeErrorCode = (typeof outcomeErrorCodes)[number];
export class OutcomeError extends Error {
  constructor(readonly code: OutcomeErrorCode) {
    super(code);
    this.name = 'OutcomeError';
  }
}
export const isOutcomeError = (e: unknown): e is OutcomeError => e instanceof OutcomeError;

/** What a leader types in for one entry; the rules below say which details each kind needs. */
export const entryDraftSchema = z.object(entryFields);
export type EntryDraft = z.infer<typeof entryDraftSchema>;

/** Only the details of the entry's kind are kept; an employment needs its hours and term, studies their kind. */
export function entryDetails(draft: EntryDraft): EntryDraft {
  const { kind, date } = draft;
  if (kind === 'employed') {
    if (!draft.hours || !draft.term) throw new OutcomeError('DETAILS_MISSING');
    return { kind, date, hours: draft.hours, term: draft.term };
  }
  if (kind === 'studies') {
    if (!draft.studyKind) throw new OutcomeError('DETAILS_MISSING');
    return { kind, date, studyKind: draft.studyKind };
  }
  if (kind === 'tryout') {
    if (draft.endDate && draft.endDate < date) throw new OutcomeError('DETAILS_MISSING');
    return { kind, date, ...(draft.endDate ? { endDate: draft.endDate } : {}) };
  }
  if (kind === 'dropped') return { kind, date, ...(draft.reason ? { reason: draft.reason } : {}) };
  return { kind, date };
}
