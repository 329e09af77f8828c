import type { Locale } from '../../domain/shared/locale';
import { localTime } from '../../i18n';

/** "1.12." / "1/12" / "01/12": short day of an instant in the person's zone. */
export const shortDay = (instant: string, locale: Locale, zone: string) =>
  localTime(instant, locale, zone).toLocaleString({ day: 'numeric', month: 'numeric' });

/** A calendar day (yyyy-MM-dd) written for the person: "ti 15.12." / "tis 15/12" / "Tue 15/12". */
export const calendarDayText = (day: string, locale: Locale) =>
  localTime(`${day}T12:00:00Z`, locale, 'UTC').toLocaleString({ weekday: 'short', day: 'numeric', month: 'numeric' });
