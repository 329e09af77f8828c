/** The words of days and months as people type them in Finnish, Swedish and English (lower case). */

/** Weekday words → ISO weekday (1 = Monday); Finnish also in its "on Friday" form (perjantaina). */
const weekdayWords: Record<number, string[]> = {
  1: ['ma', 'maanantai', 'maanantaina', 'mån', 'måndag', 'måndagen', 'mon', 'monday'],
  2: ['ti', 'tiistai', 'tiistaina', 'tis', 'tisdag', 'tisdagen', 'tue', 'tues', 'tuesday'],
  3: ['ke', 'keskiviikko', 'keskiviikkona', 'ons', 'onsdag', 'onsdagen', 'wed', 'wednesday'],
  4: ['to', 'torstai', 'torstaina', 'tor', 'tors', 'torsdag', 'torsdagen', 'thu', 'thur', 'thurs', 'thursday'],
  5: ['pe', 'perjantai', 'perjantaina', 'fre', 'fredag', 'fredagen', 'fri', 'friday'],
  6: ['la', 'lauantai', 'lauantaina', 'lör', 'lördag', 'lördagen', 'sat', 'saturday'],
  7: ['su', 'sunnuntai', 'sunnuntaina', 'sön', 'söndag', 'söndagen', 'sun', 'sunday'],
};
export const weekdayOf = new Map(Object.entries(weekdayWords).flatMap(([n, words]) => words.map((w) => [w, +n] as const)));

/** Month words → month number: Finnish stems (joulukuuta, joulukuu), Swedish and English names and short forms. */
const monthWords: Array<[number, string[]]> = [
  [1, ['tammi', 'januari', 'january', 'jan']],
  [2, ['helmi', 'februari', 'february', 'feb']],
  [3, ['maalis', 'mars', 'march', 'mar']],
  [4, ['huhti', 'april', 'apr']],
  [5, ['touko', 'maj', 'may']],
  [6, ['kesä', 'juni', 'june', 'jun']],
  [7, ['heinä', 'juli', 'july', 'jul']],
  [8, ['elo', 'augusti', 'august', 'aug']],
  [9, ['syys', 'september', 'sept', 'sep']],
  [10, ['loka', 'oktober', 'october', 'okt', 'oct']],
  [11, ['marras', 'november', 'nov']],
  [12, ['joulu', 'december', 'dec']],
];
const finnishMonthEnding = /^(kuuta|kuu)$/;
/** The month a word names ("joulukuuta", "december", "Dec."), or undefined. */
export function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  for (const [n, names] of monthWords) {
    for (const name of names) {
      if (w === name) return n;
      if (w.startsWith(name) && finnishMonthEnding.test(w.slice(name.length))) return n;
    }
  }
  return undefined;
}

export const nextWords = /^(ensi|nästa|next|on)\s+/;
export const tomorrowWords = /^(huomenna|i morgon|imorgon|tomorrow)(?=\s|$)/;
export const todayWords = /^(tänään|idag|i dag|today)(?=\s|$)/;
export const afterTomorrowWords = /^(ylihuomenna|i övermorgon|övermorgon|the day after tomorrow|day after tomorrow)(?=\s|$)/;
