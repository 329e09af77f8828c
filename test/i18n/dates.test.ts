import { expect } from 'chai';
import {
  formatCalendarDay,
  formatClock,
  formatDate,
  formatDateTime,
  formatDateTimeRange,
  formatDayInWords,
  formatLocalDate,
  formatShortDate,
  formatShortDay,
  formatTime,
} from '../../src/i18n';

/** The formats of locales/STYLE.md ("Dates and times"), written out per language. */
describe('dates and times as a person reads them (locales/STYLE.md)', () => {
  const zone = 'Europe/Helsinki';
  const nine = '2026-12-15T07:00:00.000Z'; // Tue 15 Dec 2026 09:00 in Helsinki
  const halfPastTen = '2026-12-15T08:30:00.000Z';
  const late = '2026-12-15T21:45:00.000Z'; // 23:45
  const summer = '2026-06-07T05:05:00.000Z'; // Sun 7 Jun 08:05 (summer time)

  const table = {
    fi: { dateTime: 'ti 15.12. klo 9.00', time: '9.00', late: '23.45', date: '15. joulukuuta 2026', words: 'tiistaina 15. joulukuuta 2026', range: 'ti 15.12. klo 9.00–10.30', summer: 'su 7.6. klo 8.05', clock: ['21.00', '8.00'], day: 'ti 15.12.' },
    sv: { dateTime: 'tis 15 dec kl. 9.00', time: '9.00', late: '23.45', date: '15 december 2026', words: 'tisdag 15 december 2026', range: 'tis 15 dec kl. 9.00–10.30', summer: 'sön 7 juni kl. 8.05', clock: ['21.00', '8.00'], day: 'tis 15 dec' },
    en: { dateTime: 'Tue 15 Dec, 09:00', time: '09:00', late: '23:45', date: '15 December 2026', words: 'Tuesday, 15 December 2026', range: 'Tue 15 Dec, 09:00–10:30', summer: 'Sun 7 Jun, 08:05', clock: ['21:00', '08:00'], day: 'Tue 15 Dec' },
  } as const;

  for (const [locale, expected] of Object.entries(table) as Array<[keyof typeof table, (typeof table)[keyof typeof table]]>) {
    it(`${locale}: ${expected.dateTime} · ${expected.time} · ${expected.date}`, () => {
      expect(formatDateTime(nine, locale, zone)).to.equal(expected.dateTime);
      expect(formatTime(nine, locale, zone)).to.equal(expected.time);
      expect(formatTime(late, locale, zone)).to.equal(expected.late);
      expect(formatDate(nine, locale, zone)).to.equal(expected.date);
      expect(formatLocalDate('2026-12-15', locale)).to.equal(expected.date);
      expect(formatDayInWords(nine, locale, zone)).to.equal(expected.words);
      expect(formatDateTimeRange(nine, halfPastTen, locale, zone)).to.equal(expected.range);
      expect(formatDateTime(summer, locale, zone)).to.equal(expected.summer);
      expect([formatClock('21:00', locale), formatClock('08:00', locale)]).to.deep.equal(expected.clock);
      expect(formatCalendarDay('2026-12-15', locale)).to.equal(expected.day);
    });
  }

  it('writes a date in figures only where nobody reads it month first: 1.2.2026, 2026-02-01, but 1 Feb 2026', () => {
    expect(formatShortDate('2026-02-01', 'fi')).to.equal('1.2.2026');
    expect(formatShortDate('2026-02-01', 'sv')).to.equal('2026-02-01');
    expect(formatShortDate('2026-02-01', 'en')).to.equal('1 Feb 2026');
    const first = '2026-12-01T10:00:00.000Z';
    expect([formatShortDay(first, 'fi', 'Europe/Helsinki'), formatShortDay(first, 'sv', 'Europe/Helsinki'), formatShortDay(first, 'en', 'Europe/Helsinki')]).to.deep.equal(['1.12.', '1/12', '1 Dec']);
  });

  it('writes the time in the zone it is given', () => {
    expect(formatDateTime(late, 'fi', 'Europe/Helsinki')).to.equal('ti 15.12. klo 23.45');
    expect(formatDateTime(late, 'sv', 'Europe/Stockholm')).to.equal('tis 15 dec kl. 22.45');
    expect(formatDateTime(late, 'en', 'Asia/Tokyo')).to.equal('Wed 16 Dec, 06:45');
  });
});
