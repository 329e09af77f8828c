import { DateTime } from 'luxon';
import type { Locale } from '../domain/shared/locale';

/**
 * Every date and time a person reads, written as locales/STYLE.md says ("Dates and times"):
 *
 * |    | date and time          | time alone | date               |
 * |----|------------------------|------------|--------------------|
 * | fi | ti 15.12. klo 9.00     | 9.00       | 15. joulukuuta 2026 |
 * | sv | tis 15 dec kl. 9.00    | 9.00       | 15 december 2026   |
 * | en | Tue 15 Dec, 09:00      | 09:00      | 15 December 2026   |
 *
 * Finnish and Swedish write the hour without a leading zero and a full stop before the minutes; English
 * is written as in Europe (day before month, 24-hour clock). Written out here with luxon's tokens rather
 * than left to ICU's locale data, whose Swedish (`09:00`, `dec.`) is not how Swedish is written by hand.
 */

/**
 * The formatting locale of a language: English as written in Europe (day before month, 24-hour clock),
 * which is how English readers of a Finnish service expect dates, not the US "Dec 2, 10:00 AM".
 */
export const formatLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

/** An instant as luxon DateTime in a zone, ready to format in a language. */
export const localTime = (instant: string | Date, locale: Locale, zone: string): DateTime =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(zone).setLocale(formatLocale(locale));

const clockOf = (hour: number, minute: number, locale: Locale): string => {
  const mm = String(minute).padStart(2, '0');
  return locale === 'en' ? `${String(hour).padStart(2, '0')}:${mm}` : `${hour}.${mm}`;
};

/** "9.00" / "9.00" / "09:00": a time of day in a zone. */
export function formatTime(instant: string | Date, locale: Locale, zone: string): string {
  const local = localTime(instant, locale, zone);
  return clockOf(local.hour, local.minute, locale);
}

/** A wall-clock "HH:mm" as stored (quiet hours): "21:00" → "21.00" / "21.00" / "21:00". */
export function formatClock(hhmm: string, locale: Locale): string {
  const [hour, minute] = hhmm.split(':').map(Number);
  return clockOf(hour ?? 0, minute ?? 0, locale);
}

/** "ti 15.12." / "tis 15 dec" / "Tue 15 Dec": the weekday with the day, as a date a person acts on. */
export function formatWeekdayDate(local: DateTime, locale: Locale): string {
  const weekday = local.toFormat('ccc');
  if (locale === 'fi') return `${weekday} ${local.day}.${local.month}.`;
  return `${weekday} ${local.day} ${local.toFormat('LLL').replace(/\.$/, '')}`;
}

/** "ti 15.12. klo 9.00" / "tis 15 dec kl. 9.00" / "Tue 15 Dec, 09:00", in the given zone. */
export function formatDateTime(instant: string | Date, locale: Locale, zone: string): string {
  const local = localTime(instant, locale, zone);
  const day = formatWeekdayDate(local, locale);
  const time = clockOf(local.hour, local.minute, locale);
  return locale === 'fi' ? `${day} klo ${time}` : locale === 'sv' ? `${day} kl. ${time}` : `${day}, ${time}`;
}

/** A range ends with the time only: "ti 15.12. klo 9.00–10.30". */
export function formatDateTimeRange(start: string, end: string, locale: Locale, zone: string): string {
  return `${formatDateTime(start, locale, zone)}–${formatTime(end, locale, zone)}`;
}

const dateOf = (local: DateTime, locale: Locale): string =>
  `${local.day}${locale === 'fi' ? '.' : ''} ${local.toFormat('MMMM')} ${local.year}`;

/** "15. joulukuuta 2026" / "15 december 2026" / "15 December 2026": the day of an instant in a zone. */
export function formatDate(instant: string | Date, locale: Locale, zone: string): string {
  return dateOf(localTime(instant, locale, zone), locale);
}

/** A calendar day (yyyy-MM-dd), as `formatDate` writes it. */
export function formatLocalDate(isoDate: string, locale: Locale): string {
  return dateOf(DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(formatLocale(locale)), locale);
}

/** The day in words, as a confirmation repeats it: "keskiviikkona 2. joulukuuta 2026" / "onsdag 2 december 2026" / "Wednesday, 2 December 2026". */
export function formatDayInWords(instant: string | Date, locale: Locale, zone: string): string {
  const local = localTime(instant, locale, zone);
  if (locale === 'fi') return `${local.toFormat('cccc')}na ${dateOf(local, locale)}`;
  return locale === 'sv' ? `${local.toFormat('cccc')} ${dateOf(local, locale)}` : `${local.toFormat('cccc')}, ${dateOf(local, locale)}`;
}

/** A calendar day (yyyy-MM-dd) with its weekday, a day to act on: "ti 15.12." / "tis 15 dec" / "Tue 15 Dec". */
export function formatCalendarDay(isoDate: string, locale: Locale): string {
  return formatWeekdayDate(DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(formatLocale(locale)), locale);
}

/** "1.12." / "1/12" / "1 Dec": the short day of an instant, for lists and chart labels (English not in figures, as formatShortDate). */
export function formatShortDay(instant: string | Date, locale: Locale, zone: string): string {
  const local = localTime(instant, locale, zone);
  return locale === 'en' ? local.toFormat('d LLL') : local.toLocaleString({ day: 'numeric', month: 'numeric' });
}

/**
 * A calendar day (yyyy-MM-dd), short, for ledgers: "1.2.2026" / "2026-02-01" / "1 Feb 2026". English is
 * never in figures: a reader with a US phone would take 01/02 for 2 January.
 */
export function formatShortDate(isoDate: string, locale: Locale): string {
  const day = DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(formatLocale(locale));
  return locale === 'en' ? day.toFormat('d LLL yyyy') : day.toLocaleString(DateTime.DATE_SHORT);
}
