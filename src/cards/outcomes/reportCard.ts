import { participantsCsv, summaryCsv, type ProgrammeReport, type ReportSummary } from '../../domain/outcomes';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { percent } from './words';

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
    s.attendanceRate === undefined ? t('outcomes.report.noAttendance') : t('outcomes.report.attendance', { rate: percent(s.attendanceRate, locale), present: s.present, marked: s.marked }),
    ...(s.identifiesIndividuals ? [t('outcomes.report.small')] : []),
  ];
}

/** The programme report as a card: all groups together, then each group. */
export function reportCard(t: Translate, locale: Locale, report: ProgrammeReport, chartPng?: Buffer) {
  const chart = chartPng ? [{ type: 'Image', url: `data:image/png;base64,${chartPng.toString('base64')}`, altText: t('outcomes.chart.alt'), size: 'Stretch' }] : [];
  const body: object[] = [heading(t('outcomes.report.title')), ...chart, textBlock(summaryLines(t, locale, report.summary).join('\n\n'))];
  if (report.groups.length > 1)
    for (const g of report.groups) body.push({ ...textBlock(g.groupName, { weight: 'Bolder' }), separator: true }, textBlock(summaryLines(t, locale, g.summary).join('\n\n')));
  body.push(textBlock(t('outcomes.report.files'), { isSubtle: true }));
  return adaptiveCard(body);
}

const csvAttachment = (name: string, content: string) => ({
  contentType: 'text/csv',
  name,
  contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}`,
});

/** The two files: one row per participant per group, and the summary. UTF-8 with BOM, ';' between fields. */
export const reportFiles = (t: Translate, report: ProgrammeReport) => [
  csvAttachment('outcomes-participants.csv', participantsCsv(report)),
  csvAttachment('outcomes-summary.csv', summaryCsv(report, t('outcomes.report.allGroups'))),
];
