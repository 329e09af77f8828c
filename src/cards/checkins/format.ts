import type { Locale } from '../../domain/shared/locale';
import { formatCalendarDay, formatShortDay } from '../../i18n';

/** "1.12." / "1/12" / "1 Dec": short day of an instant in the person's zone. */
export const shortDay = (instant: string, locale: Locale, zone: string) => formatShortDay(instant, locale, zone);

/** A calendar day (yyyy-MM-dd) written for the person: "ti 15.12." / "tis 15 dec" / "Tue 15 Dec". */
export const calendarDayText = (day: string, locale: Locale) => formatCalendarDay(day, locale);
