import { cvStrengths, ownStrengthWords, strengthsSummary, type CheckIn } from '../../domain/checkins';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { shortDay } from './format';

/** A short text to paste into a CV or a job-search profile, from the locale's templates. */
export function cvText(t: Translate, history: CheckIn[]): string {
  const groups = cvStrengths(strengthsSummary(history));
  const own = ownStrengthWords(history).slice(0, 3);
  return [
    t('checkins.strengths.cvIntro'),
    ...groups.map((g) => t('checkins.strengths.cvGroup', { group: t(`checkins.escoGroups.${g.group}`), items: g.ids.map((id) => t(`checkins.cvLabels.${id}`)).join(', ') })),
    ...(own.length > 0 ? [t('checkins.strengths.cvOwn', { items: own.join('; ') })] : []),
  ].join(' ');
}

/** "My strengths": the ones named most, when and at which meetings, and the CV text. */
export function strengthsCard(t: Translate, locale: Locale, zone: string, history: CheckIn[]) {
  const summary = strengthsSummary(history).slice(0, 8);
  if (summary.length === 0 && ownStrengthWords(history).length === 0) {
    return adaptiveCard([heading(t('checkins.strengths.title')), textBlock(t('checkins.strengths.empty'))]);
  }
  const lines = summary.map((s) =>
    t('checkins.strengths.line', {
      label: t(`checkins.strengthLabels.${s.id}`),
      count: s.count,
      when: s.occasions
        .slice(0, 4)
        .map((o) => (o.meetingId ? t('checkins.strengths.atMeeting', { date: shortDay(o.at, locale, zone) }) : shortDay(o.at, locale, zone)))
        .join(', '),
    }),
  );
  return adaptiveCard([
    heading(t('checkins.strengths.title')),
    textBlock(lines.join('\n\n')),
    textBlock(t('checkins.strengths.cvTitle'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(cvText(t, history), { fontType: 'Monospace' }),
  ]);
}
