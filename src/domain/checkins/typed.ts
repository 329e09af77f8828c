import { DateTime } from 'luxon';
import { strengthByNumber, type StrengthId } from './strengths';

/** What a person types in the step-by-step check-in, read forgivingly. */

const todayWords = ['tänään', 'tanaan', 'idag', 'i dag', 'today'];
const tomorrowWords = ['huomenna', 'imorgon', 'i morgon', 'tomorrow'];

/**
 * A typed day → yyyy-MM-dd: "15.12.", "15.12.2026", "15/12", "2026-12-15", today/tomorrow in fi/sv/en.
 * Without a year: this year, or next year when that day has passed. Undefined when not a day.
 */
export function parseTypedDay(text: string, today: string): string | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = DateTime.fromISO(today);
  if (todayWords.includes(s)) return today;
  if (tomorrowWords.includes(s)) return base.plus({ days: 1 }).toISODate()!;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dm = /^(\d{1,2})[./](\d{1,2})\.?(?:[./](\d{2}|\d{4}))?$/.exec(s);
  let day: DateTime | undefined;
  if (iso) day = DateTime.fromObject({ year: +iso[1]!, month: +iso[2]!, day: +iso[3]! });
  else if (dm) {
    const year = dm[3] ? (dm[3].length === 2 ? 2000 + +dm[3] : +dm[3]) : base.year;
    day = DateTime.fromObject({ year, month: +dm[2]!, day: +dm[1]! });
    if (!dm[3] && day.isValid && day < base) day = day.plus({ years: 1 });
  }
  return day?.isValid ? day.toISODate()! : undefined;
}

/** "9, 14" → catalogue ids by number; anything with words is the person's own words. */
export function parseTypedStrengths(text: string): { ids: StrengthId[]; own?: string } {
  const s = text.trim();
  if (s === '') return { ids: [] };
  const tokens = s.split(/[\s,;]+|\bja\b|\boch\b|\band\b/).filter((x) => x.length > 0);
  if (tokens.every((x) => /^\d+\.?$/.test(x))) {
    const ids = tokens.map((x) => strengthByNumber(parseInt(x, 10))).filter((x): x is StrengthId => x !== undefined);
    if (ids.length > 0) return { ids: [...new Set(ids)] };
  }
  return { ids: [], own: s };
}
