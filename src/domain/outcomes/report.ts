import { currentEntries, hasEnded, isConfirmed, type FollowUp, type OutcomeEntry, type OutcomeKind } from './model';

/** Below this many people a report's figures identify individuals. */
export const smallReportSize = 5;

export interface ReportGroupInput {
  groupId: string;
  groupName: string;
  /** Current participants, each with the pseudonymous id the report shows instead of a name. */
  participants: ReadonlyArray<{ userId: string; pseudonym: string }>;
  entries: readonly OutcomeEntry[];
  followUps: readonly FollowUp[];
  attendance: ReadonlyArray<{ userId: string; status: 'present' | 'absent' }>;
}

export interface ParticipantRow {
  groupName: string;
  pseudonym: string;
  /** The latest standing entry's kind, or none. */
  latest: OutcomeKind | 'none';
  employed: boolean;
  confirmed: boolean;
  tryout: boolean;
  studies: boolean;
  dropped: boolean;
  present: number;
  marked: number;
}

export interface ReportSummary {
  participants: number;
  employed: number;
  confirmed: number;
  unconfirmed: number;
  tryouts: number;
  studies: number;
  dropouts: number;
  present: number;
  marked: number;
  /** confirmed / participants, 0..1; undefined without participants. */
  confirmedShare?: number;
  /** present / marked, 0..1; undefined when no attendance was marked. */
  attendanceRate?: number;
  identifiesIndividuals: boolean;
}

export interface ProgrammeReport {
  rows: ParticipantRow[];
  summary: ReportSummary;
  groups: Array<{ groupName: string; summary: ReportSummary }>;
}

function rowsOf(group: ReportGroupInput): ParticipantRow[] {
  return group.participants.map(({ userId, pseudonym }) => {
    const standing = currentEntries(group.entries.filter((e) => e.userId === userId));
    const of = (kind: OutcomeKind) => standing.filter((e) => e.kind === kind);
    const jobs = of('employed').filter((e) => !hasEnded(e, group.followUps));
    const marks = group.attendance.filter((a) => a.userId === userId);
    return {
      groupName: group.groupName,
      pseudonym,
      latest: standing.at(-1)?.kind ?? 'none',
      employed: jobs.length > 0,
      confirmed: jobs.some((e) => isConfirmed(e, group.followUps)),
      tryout: of('tryout').length > 0,
      studies: of('studies').length > 0,
      dropped: of('dropped').length > 0,
      present: marks.filter((a) => a.status === 'present').length,
      marked: marks.length,
    };
  });
}

export function summarize(rows: readonly ParticipantRow[]): ReportSummary {
  const count = (p: (r: ParticipantRow) => boolean) => rows.filter(p).length;
  const present = rows.reduce((n, r) => n + r.present, 0);
  const marked = rows.reduce((n, r) => n + r.marked, 0);
  const confirmed = count((r) => r.confirmed);
  const employed = count((r) => r.employed);
  return {
    participants: rows.length,
    employed,
    confirmed,
    unconfirmed: employed - confirmed,
    tryouts: count((r) => r.tryout),
    studies: count((r) => r.studies),
    dropouts: count((r) => r.dropped),
    present,
    marked,
    ...(rows.length > 0 ? { confirmedShare: confirmed / rows.length } : {}),
    ...(marked > 0 ? { attendanceRate: present / marked } : {}),
    identifiesIndividuals: rows.length < smallReportSize,
  };
}

/** The practice's indicators over one or more groups: one row per participant per group, and the sums. */
export function programmeReport(groups: readonly ReportGroupInput[]): ProgrammeReport {
  const perGroup = groups.map((g) => ({ groupName: g.groupName, rows: rowsOf(g) }));
  const rows = perGroup.flatMap((g) => g.rows);
  return { rows, summary: summarize(rows), groups: perGroup.map((g) => ({ groupName: g.groupName, summary: summarize(g.rows) })) };
}
