import { alertTotal, type ProgrammeReport } from './report';

/** Finnish Excel opens UTF-8 only with a byte order mark, and expects ';' between fields. */
export const csvBom = '\uFEFF';
export const csvSeparator = ';';

const cell = (v: string | number | boolean) => {
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const lines = (rows: Array<Array<string | number | boolean>>) => csvBom + rows.map((r) => r.map(cell).join(csvSeparator)).join('\r\n') + '\r\n';
const ratio = (v: number | undefined) => (v === undefined ? '' : v.toFixed(3));

const alertColumns = ['alerts', 'alerts_reach_out', 'alerts_handled', 'alerts_not_useful', 'alerts_unanswered'] as const;
type Counts = ProgrammeReport['summary']['alertAnswers'];
const alertCells = (total: number, a: Counts) => [total, a.reach_out, a.handled, a.not_useful, a.unanswered];

export const participantColumns = [
  'group', 'participant', 'latest', 'left_group', 'employed', 'employed_4m_confirmed', 'work_tryout', 'studies', 'dropped_out',
  'meetings_present', 'meetings_marked', 'checkins', ...alertColumns,
] as const;

/** One row per participant per group; the participant is a pseudonymous id, never a name. Check-ins are a count, never their content. */
export function participantsCsv(report: ProgrammeReport): string {
  return lines([
    [...participantColumns],
    ...report.rows.map((r) => [
      r.groupName, r.pseudonym, r.latest, r.left, r.employed, r.confirmed, r.tryout, r.studies, r.dropped, r.present, r.marked, r.checkIns,
      ...alertCells(alertTotal(r.alerts), r.alerts),
    ]),
  ]);
}

export const summaryColumns = [
  'group', 'participants', 'left_group', 'employed', 'employed_4m_confirmed', 'employed_unconfirmed', 'confirmed_share', 'work_tryouts', 'studies', 'dropouts',
  'attendance_rate', 'checkins', 'checkins_per_participant', ...alertColumns,
] as const;

/** One row per group and one for all of them together. */
export function summaryCsv(report: ProgrammeReport, allLabel: string): string {
  const row = (name: string, s: ProgrammeReport['summary']) => [
    name, s.participants, s.left, s.employed, s.confirmed, s.unconfirmed, ratio(s.confirmedShare), s.tryouts, s.studies, s.dropouts,
    ratio(s.attendanceRate), s.checkIns, ratio(s.checkInsPerParticipant), ...alertCells(s.alerts, s.alertAnswers),
  ];
  return lines([[...summaryColumns], ...report.groups.map((g) => row(g.groupName, g.summary)), row(allLabel, report.summary)]);
}
