import { currentEntries, hasEnded, isConfirmed, type FollowUp, type OutcomeEntry, type OutcomeKind } from './model';

/** Below this many people a report's figures identify individuals. */
export const smallReportSize = 5;

/** How the leader answered an early-warning alert (the leader feature's feedback), or not at all. */
export const alertAnswers = ['reach_out', 'handled', 'not_useful', 'unanswered'] as const;
export type AlertAnswer = (typeof alertAnswers)[number];
type AlertCounts = Record<AlertAnswer, number>;
const noAlerts = (): AlertCounts => ({ reach_out: 0, handled: 0, not_useful: 0, unanswered: 0 });

export interface ReportGroupInput {
  groupId: string;
  groupName: string;
  /**
   * Everyone who took part during the group's life, each with the pseudonymous id the report shows
   * instead of a name; `left` for those who left the group (they still count, with their outcomes).
   */
  participants: ReadonlyArray<{ userId: string; pseudonym: string; left?: boolean }>;
  entries: readonly OutcomeEntry[];
  followUps: readonly FollowUp[];
  attendance: ReadonlyArray<{ userId: string; status: 'present' | 'absent' }>;
  /** How many check-ins each participant made in this group (a count, never what they wrote). */
  checkIns: ReadonlyMap<string, number>;
  /** The leader's alerts about the participants and how each was answered. */
  alerts: ReadonlyArray<{ userId: string; answer: AlertAnswer }>;
}

export interface ParticipantRow {
  groupName: string;
  pseudonym: string;
  /** The latest standing entry's kind, or none. */
  latest: OutcomeKind | 'none';
  /** Left the group during its life. */
  left: boolean;
  employed: boolean;
  confirmed: boolean;
  tryout: boolean;
  studies: boolean;
  dropped: boolean;
  present: number;
  marked: number;
  checkIns: number;
  alerts: AlertCounts;
}

export interface ReportSummary {
  participants: number;
  left: number;
  employed: number;
  confirmed: number;
  unconfirmed: number;
  tryouts: number;
  studies: number;
  dropouts: number;
  present: number;
  marked: number;
  checkIns: number;
  /** Alerts raised, and how many got each answer. */
  alerts: number;
  alertAnswers: AlertCounts;
  /** confirmed / participants, 0..1; undefined without participants. */
  confirmedShare?: number;
  /** present / marked, 0..1; undefined when no attendance was marked. */
  attendanceRate?: number;
  /** checkIns / participants; undefined without participants. */
  checkInsPerParticipant?: number;
  identifiesIndividuals: boolean;
}

export interface ProgrammeReport {
  rows: ParticipantRow[];
  summary: ReportSummary;
  groups: Array<{ groupName: string; summary: ReportSummary }>;
}

function rowsOf(group: ReportGroupInput): ParticipantRow[] {
  return group.participants.map(({ userId, pseudonym, left }) => {
    const standing = currentEntries(group.entries.filter((e) => e.userId === userId));
    const of = (kind: OutcomeKind) => standing.filter((e) => e.kind === kind);
    const jobs = of('employed').filter((e) => !hasEnded(e, group.followUps));
    const marks = group.attendance.filter((a) => a.userId === userId);
    const alerts = noAlerts();
    for (const a of group.alerts) if (a.userId === userId) alerts[a.answer]++;
    return {
      groupName: group.groupName,
      pseudonym,
      latest: standing.at(-1)?.kind ?? 'none',
      left: left === true,
      employed: jobs.length > 0,
      confirmed: jobs.some((e) => isConfirmed(e, group.followUps)),
      tryout: of('tryout').length > 0,
      studies: of('studies').length > 0,
      dropped: of('dropped').length > 0,
      present: marks.filter((a) => a.status === 'present').length,
      marked: marks.length,
      checkIns: group.checkIns.get(userId) ?? 0,
      alerts,
    };
  });
}

export const alertTotal = (counts: AlertCounts) => alertAnswers.reduce((n, a) => n + counts[a], 0);

export function summarize(rows: readonly ParticipantRow[]): ReportSummary {
  const count = (p: (r: ParticipantRow) => boolean) => rows.filter(p).length;
  const sum = (f: (r: ParticipantRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const present = sum((r) => r.present);
  const marked = sum((r) => r.marked);
  const checkIns = sum((r) => r.checkIns);
  const confirmed = count((r) => r.confirmed);
  const employed = count((r) => r.employed);
  const answers = noAlerts();
  for (const a of alertAnswers) answers[a] = sum((r) => r.alerts[a]);
  return {
    participants: rows.length,
    left: count((r) => r.left),
    employed,
    confirmed,
    unconfirmed: employed - confirmed,
    tryouts: count((r) => r.tryout),
    studies: count((r) => r.studies),
    dropouts: count((r) => r.dropped),
    present,
    marked,
    checkIns,
    alerts: alertTotal(answers),
    alertAnswers: answers,
    ...(rows.length > 0 ? { confirmedShare: confirmed / rows.length, checkInsPerParticipant: checkIns / rows.length } : {}),
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
