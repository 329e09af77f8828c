import { moodSeries, type CheckIn } from '../../domain/checkins';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { calendarDayText, shortDay } from './format';
import { maxChartPoints, pngDataUri, renderMoodChart } from './moodChart';

export interface ReflectionsView {
  t: Translate;
  locale: Locale;
  zone: string;
  /** Newest first. */
  history: CheckIn[];
  /** Entries shown with their share button (the newest). */
  maxEntries?: number;
}

/** The mood picture and, beside it, the same numbers in words (Teams on iOS and Web Chat draw no chart cards). */
export async function moodSection({ t, locale, zone, history }: ReflectionsView): Promise<object[]> {
  const series = moodSeries(history).slice(-maxChartPoints);
  if (series.length === 0) return [];
  const points = series.map((p) => ({ label: shortDay(p.at, locale, zone), mood: p.mood }));
  const chart = await renderMoodChart(points, t('checkins.history.moodTitle'));
  const words = points.map((p) => t('checkins.history.moodPoint', { date: p.label, mood: p.mood, word: t(`checkins.moodWord.${p.mood}`) })).join(', ');
  return [
    textBlock(t('checkins.history.moodTitle'), { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Image', url: pngDataUri(chart.png), altText: t('checkins.history.moodWords', { list: words }), size: 'Stretch', width: `${chart.width}px` },
    textBlock(t('checkins.history.moodWords', { list: words }), { isSubtle: true }),
  ];
}

function entryBlock(t: Translate, locale: Locale, zone: string, c: CheckIn, canShare: boolean): object {
  const lines = [
    textBlock(t('checkins.history.entry', { date: shortDay(c.createdAt, locale, zone), mood: c.mood ? t(`checkins.moods.${c.mood}`) : t('checkins.history.noMood') }), { weight: 'Bolder' }),
    ...(c.did ? [textBlock(c.did)] : []),
    ...(c.strengths.length > 0 || c.strengthsOther
      ? [textBlock([...c.strengths.map((s) => t(`checkins.strengthLabels.${s}`)), ...(c.strengthsOther ? [c.strengthsOther] : [])].join(', '), { isSubtle: true })]
      : []),
    textBlock(t(c.shared ? 'checkins.history.sharedMark' : 'checkins.history.privateMark'), { isSubtle: true, size: 'Small' }),
  ];
  const toggle = canShare
    ? [{ type: 'ActionSet', actions: [submit(t(c.shared ? 'checkins.history.unshare' : 'checkins.history.share'), { action: 'checkins.share', checkInId: c.id, shared: !c.shared })] }]
    : [];
  return { type: 'Container', separator: true, spacing: 'Medium', items: [...lines, ...toggle] };
}

export function nextStepLines(t: Translate, locale: Locale, history: CheckIn[]): string[] {
  return history.flatMap((c) => {
    if (!c.nextStep) return [];
    const step = c.nextStep.text;
    if (c.nextStep.outcome === 'done') return [t('checkins.history.stepDone', { step })];
    if (c.nextStep.outcome === 'notYet') return [t('checkins.history.stepNotYet', { step })];
    return [c.nextStep.date ? t('checkins.history.stepOpenDated', { step, date: calendarDayText(c.nextStep.date, locale) }) : t('checkins.history.stepOpen', { step })];
  });
}

/** "My reflections": mood over time, next steps and which were done, the latest entries with share / stop sharing. */
export async function reflectionsCard(view: ReflectionsView) {
  const { t, locale, zone, history } = view;
  if (history.length === 0) return adaptiveCard([heading(t('checkins.history.title')), textBlock(t('checkins.history.empty'))]);
  const steps = nextStepLines(t, locale, history).slice(0, 10);
  return adaptiveCard(
    [
      heading(t('checkins.history.title')),
      ...(await moodSection(view)),
      ...(steps.length > 0 ? [textBlock(t('checkins.history.nextSteps'), { weight: 'Bolder', spacing: 'Medium' }), textBlock(steps.join('\n\n'))] : []),
      textBlock(t('checkins.history.entries'), { weight: 'Bolder', spacing: 'Medium' }),
      ...history.slice(0, view.maxEntries ?? 10).map((c) => entryBlock(t, locale, zone, c, Boolean(c.groupId))),
    ],
    [],
    { speak: t('checkins.history.title') },
  );
}
