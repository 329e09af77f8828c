import { expect } from 'chai';
import { parseTypedTime } from '../../../src/domain/activities';

/** Dates as people also type them: weekdays alone, month names, "the day after tomorrow", am/pm. */
describe('activities domain: typed times with words, in fi, sv and en', () => {
  const zone = 'Europe/Helsinki';
  const now = new Date('2026-12-01T10:00:00.000Z'); // Tue 1 Dec 2026, 12:00 in Helsinki
  const cases: Array<[string, string]> = [
    ['perjantaina klo 14', '2026-12-04T12:00:00.000Z'],
    ['pe 14', '2026-12-04T12:00:00.000Z'],
    ['Fredag kl 14', '2026-12-04T12:00:00.000Z'],
    ['friday 2pm', '2026-12-04T12:00:00.000Z'],
    ['Friday at 2:30 pm', '2026-12-04T12:30:00.000Z'],
    ['ensi maanantaina', '2026-12-07T08:00:00.000Z'],
    ['nästa måndag 9', '2026-12-07T07:00:00.000Z'],
    ['next Monday 9am', '2026-12-07T07:00:00.000Z'],
    ['tiistaina', '2026-12-08T08:00:00.000Z'], // today is Tuesday, and 10:00 has passed: next week's
    ['tiistaina klo 18', '2026-12-01T16:00:00.000Z'], // …but today at 18 is still ahead
    ['15. joulukuuta klo 10', '2026-12-15T08:00:00.000Z'],
    ['15 joulukuuta', '2026-12-15T08:00:00.000Z'],
    ['15 december kl. 10.30', '2026-12-15T08:30:00.000Z'],
    ['tis 15 dec kl 13', '2026-12-15T11:00:00.000Z'],
    ['Dec 15 10am', '2026-12-15T08:00:00.000Z'],
    ['December 15th at 12pm', '2026-12-15T10:00:00.000Z'],
    ['15 Jan', '2027-01-15T08:00:00.000Z'],
    ['3. tammikuuta 2027', '2027-01-03T08:00:00.000Z'],
    ['ylihuomenna', '2026-12-03T08:00:00.000Z'],
    ['i övermorgon 18', '2026-12-03T16:00:00.000Z'],
    ['the day after tomorrow 6 pm', '2026-12-03T16:00:00.000Z'],
  ];
  for (const [typed, instant] of cases) {
    it(`reads "${typed}"`, () => expect(parseTypedTime(typed, zone, now)).to.deep.equal({ ok: true, instant }));
  }
  it('refuses words that are not a day, a date that does not exist, and 13 pm', () => {
    expect(parseTypedTime('funday 14', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
    expect(parseTypedTime('30 february', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
    expect(parseTypedTime('friday 13pm', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
    expect(parseTypedTime('klo 14', zone, now)).to.deep.equal({ ok: false, reason: 'unreadable' });
  });
});
