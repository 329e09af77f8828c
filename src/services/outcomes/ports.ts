import type { FollowUp, GroupDates, OutcomeEntry, OutcomeNote } from '../../domain/outcomes';

/** The ledger's storage: everything in the group's partition of `groups`. */
export interface OutcomeRepository {
  /** CONFLICT when the id exists (a repeated submit). */
  createEntry(entry: OutcomeEntry): Promise<OutcomeEntry>;
  listEntries(groupId: string, userId?: string): Promise<OutcomeEntry[]>;
  putFollowUp(followUp: FollowUp): Promise<FollowUp>;
  listFollowUps(groupId: string, userId?: string): Promise<FollowUp[]>;
  createNote(note: OutcomeNote): Promise<OutcomeNote>;
  listNotes(groupId: string, userId: string): Promise<OutcomeNote[]>;
  /** Present/absent marks of the group's meetings (the meetings feature writes them). */
  listAttendance(groupId: string): Promise<Array<{ userId: string; status: 'present' | 'absent' }>>;
  /** The group's secret for pseudonymous ids in reports; made once, on first use. */
  reportKey(groupId: string): Promise<string>;
  getDates(groupId: string): Promise<GroupDates | undefined>;
  /** Creates or replaces (IfMatch on its _etag) the group's start and end date. */
  saveDates(dates: GroupDates): Promise<GroupDates>;
}
