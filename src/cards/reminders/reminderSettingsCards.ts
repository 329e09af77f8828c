import { DateTime } from 'luxon';
import type { Locale } from '../../domain/shared/locale';
import { maxPauseDays, pauseReasons, type EffectiveReminderPrefs, type Pause } from '../../domain/reminders/model';
import { formatClock, formatLocalDate, type Translate } from '../../i18n';
import { submit, submitWithoutInputs as button } from '../shared/actions';
import { adaptiveCard as card, heading, problem, textBlock as para } from '../shared/elements';

/** The offsets the form offers, longest first: 1 week, 2 days, 24 h, 2 h, 1 h, 30 min. */
export const offeredOffsetsMinutes: readonly number[] = [7 * 1440, 2 * 1440, 1440, 120, 60, 30];

/** What the form offers a person: the standard choices plus any they already have, so saving never drops one silently. */
export const offsetChoicesFor = (current: readonly number[]): number[] => [...new Set([...offeredOffsetsMinutes, ...current])].sort((a, b) => b - a);

/** 10080 → "1 week", 2880 → "2 days", 1440 → "24 hours", 120 → "2 hours", 30 → "30 minutes" (localized, pluralised). */
export function offsetInWords(t: Translate, minutes: number): string {
  if (minutes % 10080 === 0) return t('reminderSettings.weeks', { count: minutes / 10080 });
  if (minutes % 1440 === 0 && minutes > 1440) return t('reminderSettings.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('reminderSettings.hours', { count: minutes / 60 });
  return t('reminderSettings.minutes', { count: minutes });
}

/** "24 hours and 2 hours" / "24 tuntia ja 2 tuntia" / "24 timmar och 2 timmar". */
export const offsetsInWords = (t: Translate, locale: Locale, offsets: readonly number[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format([...offsets].sort((a, b) => b - a).map((m) => offsetInWords(t, m)));

/** A local date (yyyy-MM-dd) as the person reads it: "3. joulukuuta 2026" / "3 december 2026" / "3 December 2026". */
export const localDateInWords = (isoDate: string, locale: Locale): string => formatLocalDate(isoDate, locale);



/** A person's own reminder settings: on/off, how long before a meeting, quiet hours. */
export function reminderSettingsCard(t: Translate, locale: Locale, prefs: EffectiveReminderPrefs, error?: string) {
  const { start, end } = prefs.quietHours;
  return card(
    [
      heading(t('reminderSettings.title')),
      ...problem(error),
      para(t('reminderSettings.intro')),
      {
        type: 'Input.Toggle',
        id: 'enabled',
        title: t('reminderSettings.enabled'),
        wrap: true,
        label: t('reminderSettings.enabledLabel'),
        value: String(prefs.enabled),
        valueOn: 'true',
        valueOff: 'false',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'offsets',
        label: t('reminderSettings.offsets'),
        isMultiSelect: true,
        style: 'expanded',
        wrap: true,
        value: prefs.offsetsMinutes.join(','),
        choices: offsetChoicesFor(prefs.offsetsMinutes).map((m) => ({ title: offsetInWords(t, m), value: String(m) })),
      },
      para(start === end ? t('reminderSettings.quietNone') : t('reminderSettings.quietInfo', { start: formatClock(start, locale), end: formatClock(end, locale) }), { isSubtle: true }),
      {
        type: 'Input.Toggle',
        id: 'quietOn',
        title: t('reminderSettings.quietOn'),
        label: t('reminderSettings.quietLabel'),
        wrap: true,
        value: String(start !== end),
        valueOn: 'true',
        valueOff: 'false',
      },
      { type: 'Input.Time', id: 'quietStart', label: t('reminderSettings.quietStart'), value: start },
      { type: 'Input.Time', id: 'quietEnd', label: t('reminderSettings.quietEnd'), value: end },
    ],
    [submit(t('reminderSettings.save'), { action: 'reminders.save' }), button(t('reminderSettings.cancel'), { action: 'form.cancel' })],
  );
}

/** Pausing reminders for a while: a reason, the last paused day, and the running pause if there is one. */
export function pauseCard(t: Translate, locale: Locale, current: Pause | undefined, today: string, error?: string) {
  const running = current
    ? [
        para(t('pause.running', { date: localDateInWords(current.until, locale), reason: t(`pause.reasons.${current.reason}`) }), {
          weight: 'Bolder',
        }),
        { type: 'ActionSet', actions: [button(t('pause.end'), { action: 'pause.end' })] },
        para(t('pause.replaces'), { isSubtle: true }),
      ]
    : [];
  return card(
    [
      heading(t('pause.title')),
      ...problem(error),
      para(t('pause.intro')),
      ...running,
      {
        type: 'Input.ChoiceSet',
        id: 'reason',
        label: t('pause.reason'),
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: t('pause.reasonMissing'),
        // Nothing chosen for the person: a preselected reason got answers that did not fit (illness, "great news!").
        ...(current ? { value: current.reason } : {}),
        choices: pauseReasons.map((r) => ({ title: t(`pause.reasons.${r}`), value: r })),
      },
      {
        type: 'Input.Date',
        id: 'until',
        label: t('pause.until'),
        isRequired: true,
        errorMessage: t('pause.badDate'),
        min: today,
        max: DateTime.fromISO(today).plus({ days: maxPauseDays }).toISODate(),
        value: current?.until ?? DateTime.fromISO(today).plus({ days: 7 }).toISODate(),
      },
    ],
    [submit(t('pause.save'), { action: 'pause.save' }), button(t('pause.cancel'), { action: 'form.cancel' })],
  );
}
