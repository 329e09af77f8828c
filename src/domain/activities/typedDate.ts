import { DateTime } from 'luxon';

export type TypedTime = { ok: true; instant: string } | { ok: false; reason: 'unreadable' | 'past' };

/** A date typed without a time means this hour (said on the form and in the prompt). */
export const defaultHour = 10;

const weekdays = /^(ma|ti|ke|to|pe|la|su|mån|tis|ons|tor|fre|lör|sön|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[.,]?\s+/;
const tomorrowWords = /^(huomenna|i morgon|imorgon|tomorrow)\b/;
const todayWords = /^(tänään|idag|i dag|today)\b/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const dayMonth = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?\.?(?=\s|$)/;
const clock = /^(?:klo|kl\.?|at|om)?\s*(\d{1,2})(?:[.:](\d{2}))?$/;

/**
 * A time as people type it in Finnish, Swedish or English, read in the group's zone: "15.12.",
 * "15.12.2026 klo 10", "ti 15.12. 10.00", "15/12 10:00", "2026-12-15 10:00", "huomenna", "i morgon 14",
 * "tomorrow 9:30". Without a year it is the next such day; without a time it is 10:00. It must be in the future.
 */
export function parseTypedTime(input: string, zone: string, now: Date): TypedTime {
  let text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/,/g, ' ').trim();
  text = text.replace(weekdays, '');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  let date: DateTime | undefined;
  let match: RegExpExecArray | null;
  if ((match = tomorrowWords.exec(text))) date = today.plus({ days: 1 });
  else if ((match = todayWords.exec(text))) date = today;
  else if ((match = isoDate.exec(text))) date = DateTime.fromObject({ year: +match[1]!, month: +match[2]!, day: +match[3]! }, { zone });
  else if ((match = dayMonth.exec(text))) {
    const [, d, m, y] = match;
    const year = y ? (y.length === 2 ? 2000 + +y : +y) : today.year;
    date = DateTime.fromObject({ year, month: +m!, day: +d! }, { zone });
    if (!y && date.isValid && date < today) date = date.plus({ years: 1 });
  }
  if (!match || !date || !date.isValid) return { ok: false, reason: 'unreadable' };
  const rest = text.slice(match[0].length).trim();
  let hour = defaultHour;
  let minute = 0;
  if (rest) {
    const time = clock.exec(rest);
    if (!time) return { ok: false, reason: 'unreadable' };
    hour = +time[1]!;
    minute = time[2] ? +time[2] : 0;
    if (hour > 23 || minute > 59) return { ok: false, reason: 'unreadable' };
  }
  const at = date.set({ hour, minute, second: 0, millisecond: 0 });
  if (!at.isValid || at.hour !== hour) return { ok: false, reason: 'unreadable' };
  if (at.toMillis() <= now.getTime()) return { ok: false, reason: 'past' };
  return { ok: true, instant: at.toUTC().toJSDate().toISOString() };
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
