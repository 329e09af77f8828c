import { DateTime } from 'luxon';
import { afterTomorrowWords, monthOf, nextWords, todayWords, tomorrowWords, weekdayOf } from './typedDateWords';

export type TypedTime = { ok: true; instant: string } | { ok: false; reason: 'unreadable' | 'past' };

/** A date typed without a time means this hour (said on the form and in the prompt). */
export const defaultHour = 10;

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=\s|$)/;
const dayMonth = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?\.?(?=\s|$)/;
/** "15 dec", "15. joulukuuta 2027", "december 15th", "dec 15". */
const dayName = /^(\d{1,2})(?:\.|st|nd|rd|th)?\s+([a-zåäö]+\.?)(?:\s+(\d{4}))?(?=\s|$)/;
const nameDay = /^([a-zåäö]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?(?=\s|$)/;
const clock = /^(?:klo|kl\.?|at|om)?\s*(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/;

type Day = { date: DateTime; length: number; yearGiven: boolean };

/** The day at the start of the text, and how much of the text it took. */
function readDay(text: string, today: DateTime, zone: string): Day | undefined {
  let m: RegExpExecArray | null;
  const on = (date: DateTime, length: number, yearGiven = false) => ({ date, length, yearGiven });
  if ((m = afterTomorrowWords.exec(text))) return on(today.plus({ days: 2 }), m[0].length);
  if ((m = tomorrowWords.exec(text))) return on(today.plus({ days: 1 }), m[0].length);
  if ((m = todayWords.exec(text))) return on(today, m[0].length);
  if ((m = isoDate.exec(text))) return on(DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { zone }), m[0].length, true);
  if ((m = dayMonth.exec(text))) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : today.year;
    return on(DateTime.fromObject({ year, month: +m[2]!, day: +m[1]! }, { zone }), m[0].length, !!m[3]);
  }
  const named = (m = dayName.exec(text)) ? { day: m[1]!, month: monthOf(m[2]!), year: m[3] } : (m = nameDay.exec(text)) ? { day: m[2]!, month: monthOf(m[1]!), year: m[3] } : undefined;
  if (m && named?.month) return on(DateTime.fromObject({ year: named.year ? +named.year : today.year, month: named.month, day: +named.day }, { zone }), m[0].length, !!named.year);
  return undefined;
}

/** The clock time of the rest of the text (empty: the default hour). */
function readClock(rest: string): { hour: number; minute: number } | undefined {
  if (!rest) return { hour: defaultHour, minute: 0 };
  const time = clock.exec(rest);
  if (!time) return undefined;
  let hour = +time[1]!;
  const minute = time[2] ? +time[2] : 0;
  const half = time[3]?.replace(/\./g, '');
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  return hour > 23 || minute > 59 ? undefined : { hour, minute };
}

/**
 * A time as people type it in Finnish, Swedish or English, read in the group's zone: "15.12.",
 * "15.12.2026 klo 10", "ti 15.12. 10.00", "15/12 10:00", "2026-12-15 10:00", "huomenna", "i morgon 14",
 * "tomorrow 9:30", "perjantaina klo 14", "fredag kl 14", "friday 2pm", "15. joulukuuta", "15 december",
 * "Dec 15 10am", "ylihuomenna". Without a year it is the next such day; a weekday alone is the next such day
 * whose time is still ahead; without a time it is 10:00. It must be in the future.
 */
export function parseTypedTime(input: string, zone: string, now: Date): TypedTime {
  let text = input.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim().replace(nextWords, '');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const first = /^([a-zåäö]+)\.?(?=\s|$)/.exec(text);
  const weekday = first ? weekdayOf.get(first[1]!) : undefined;
  if (weekday) text = text.slice(first![0].length).trim();
  const day = readDay(text, today, zone);
  if (!day && !weekday) return { ok: false, reason: 'unreadable' };
  const time = readClock(text.slice(day?.length ?? 0).trim());
  if (!time) return { ok: false, reason: 'unreadable' };
  let date = day?.date ?? today.plus({ days: (weekday! - today.weekday + 7) % 7 });
  if (!date.isValid) return { ok: false, reason: 'unreadable' };
  const at = (d: DateTime) => d.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
  if (!day && at(date).toMillis() <= now.getTime()) date = date.plus({ days: 7 });
  if (day && !day.yearGiven && date < today) date = date.plus({ years: 1 });
  const when = at(date);
  if (!when.isValid || when.hour !== time.hour) return { ok: false, reason: 'unreadable' };
  if (when.toMillis() <= now.getTime()) return { ok: false, reason: 'past' };
  return { ok: true, instant: when.toUTC().toJSDate().toISOString() };
}

/** Several suggested times, one per line or separated by ";". Empty text is no times at all. */
export function parseTypedTimes(input: string, zone: string, now: Date, max: number): { ok: true; instants: string[] } | { ok: false; reason: 'unreadable' | 'past' | 'too_many' } {
  const parts = input.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > max) return { ok: false, reason: 'too_many' };
  const instants: string[] = [];
  for (const part of parts) {
    const parsed = parseTypedTime(part, zone, now);
    if (!parsed.ok) return parsed;
    instants.push(parsed.instant);
  }
  return { ok: true, instants: [...new Set(instants)].sort() };
}
