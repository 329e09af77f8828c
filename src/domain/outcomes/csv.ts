import type { ProgrammeReport } from './report';

/** Finnish Excel opens UTF-8 only with a byte order mark, and expects ';' between fields. */
export const csvBom = '\uFEFF';
export const csvSeparator = ';';

const cell = (v: string | number | boolean) => {
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const lines = (rows: Array<Array<string | number | boolean>>) => csvBom + rows.map((r) => r.map(cell).join(csvSeparator)).join('\r\n') + '\r\n';
const ratio = (v: number | undefined) => (v === undefined ? '' : v.toFixed(3));

export const participantColumns = ['group', 'participant', 'latest', 'employed', 'employed_4m_confirmed', 'work_tryout', 'studies', 'dropped_out', 'meetings_present', 'meetings_marked'] as const;

/** One row per participant per group; the participant is a pseudonymous id, never a name. */
export function participantsCsv(report: ProgrammeReport): string {
  return lines([
    [...participantColumns],
    ...report.rows.map((r) => [r.groupName, r.pseudonym, r.latest, r.employed, r.confirmed, r.tryout, r.studies, r.dropped, r.present, r.marked]),
  ]);
}

export const summaryColumns = ['group', 'participants', 'employed', 'employed_4m_confirmed', 'employed_unconfirmed', 'confirmed_share', 'work_tryouts', 'studies', 'dropouts', 'attendance_rate'] as const;

/** One row per group and one for all of them together. */
export function summaryCsv(report: ProgrammeReport, allLabel: string): string {
  const row = (name: string, s: ProgrammeReport['summary']) => [name, s.participants, s.employed, s.confirmed, s.unconfirmed, ratio(s.confirmedShare), s.tryouts, s.studies, s.dropouts, ratio(s.attendanceRate)];
  return lines([[...summaryColumns], ...report.groups.map((g) => row(g.groupName, g.summary)), row(allLabel, report.summary)]);
}
