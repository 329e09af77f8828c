import type { AlertAnswer, FollowUp, GroupDates, OutcomeEntry, OutcomeNote, PendingFile } from '../../domain/outcomes';

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

/** What the report reads of other features (check-ins, the leader's alerts): counts and answers, never content. */
export interface ReportSources {
  /** How many check-ins each of these people made while in this group. */
  countCheckIns(groupId: string, userIds: readonly string[]): Promise<Map<string, number>>;
  /** Every early-warning alert of the group: about whom, and how the leader answered it. */
  listAlertAnswers(groupId: string): Promise<Array<{ userId: string; answer: AlertAnswer }>>;
}

/** Report files waiting for Teams' file consent, in the leader's own partition (expire after a day). */
export interface PendingFileRepository {
  put(file: PendingFile): Promise<PendingFile>;
  get(userId: string, fileId: string): Promise<PendingFile | undefined>;
  delete(userId: string, fileId: string): Promise<void>;
}
