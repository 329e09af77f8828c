import { participantsCsv, summaryCsv, type ProgrammeReport, type ReportSummary } from '../../domain/outcomes';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { decimal, percent } from './words';

/** The indicators of one summary in words, one line each. */
export function summaryLines(t: Translate, locale: Locale, s: ReportSummary): string[] {
  return [
    t('outcomes.report.participants', { count: s.participants }),
    s.confirmedShare === undefined
      ? t('outcomes.report.noShare')
      : t('outcomes.report.confirmed', { share: percent(s.confirmedShare, locale), confirmed: s.confirmed, participants: s.participants }),
    t('outcomes.report.unconfirmed', { count: s.unconfirmed }),
    t('outcomes.report.tryouts', { count: s.tryouts }),
    t('outcomes.report.studies', { count: s.studies }),
    t('outcomes.report.dropouts', { count: s.dropouts }),
    ...(s.left > 0 ? [t('outcomes.report.left', { count: s.left })] : []),
    s.attendanceRate === undefined ? t('outcomes.report.noAttendance') : t('outcomes.report.attendance', { rate: percent(s.attendanceRate, locale), present: s.present, marked: s.marked }),
    t('outcomes.report.checkIns', { count: s.checkIns, perParticipant: decimal(s.checkInsPerParticipant ?? 0, locale) }),
    s.alerts === 0 ? t('outcomes.report.noAlerts') : t('outcomes.report.alerts', { count: s.alerts, ...s.alertAnswers }),
    ...(s.identifiesIndividuals ? [t('outcomes.report.small')] : []),
  ];
}

/** The programme report as a card: all groups together, then each group. */
export function reportCard(t: Translate, locale: Locale, report: ProgrammeReport, chartPng?: Buffer, scope: 'leader' | 'service' = 'leader') {
  const chart = chartPng ? [{ type: 'Image', url: `data:image/png;base64,${chartPng.toString('base64')}`, altText: t('outcomes.chart.alt'), size: 'Stretch' }] : [];
  const body: object[] = [heading(t(scope === 'service' ? 'outcomes.report.serviceTitle' : 'outcomes.report.title')), ...chart, textBlock(summaryLines(t, locale, report.summary).join('\n\n'))];
  if (report.groups.length > 1)
    for (const g of report.groups) body.push({ ...textBlock(g.groupName, { weight: 'Bolder' }), separator: true }, textBlock(summaryLines(t, locale, g.summary).join('\n\n')));
  body.push(textBlock(t('outcomes.report.files'), { isSubtle: true }));
  return adaptiveCard(body);
}

/** The two files as text: one row per participant per group, and the summary. UTF-8 with BOM, ';' between fields. */
export const reportFileContents = (t: Translate, report: ProgrammeReport) =>
  [
    { name: 'outcomes-participants.csv', content: participantsCsv(report), description: t('outcomes.files.participantsDescription') },
    { name: 'outcomes-summary.csv', content: summaryCsv(report, t('outcomes.report.allGroups')), description: t('outcomes.files.summaryDescription') },
  ] as const;

/** Web Chat: the files as data: attachments, which it offers for download. */
export const reportFiles = (t: Translate, report: ProgrammeReport) =>
  reportFileContents(t, report).map(({ name, content }) => ({
    contentType: 'text/csv',
    name,
    contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}`,
  }));
