import { expect } from 'chai';
import { parseTypedDay, parseTypedStrengths } from '../../../src/domain/checkins';

describe('typed check-in answers (pure)', () => {
  it('reads a day as people write it in fi, sv and en', () => {
    const today = '2026-12-01';
    const cases: Array<[string, string | undefined]> = [
      ['15.12.', '2026-12-15'],
      ['15.12', '2026-12-15'],
      ['15.12.2026', '2026-12-15'],
      ['15/12', '2026-12-15'],
      ['15/12/27', '2027-12-15'],
      ['2026-12-15', '2026-12-15'],
      ['3.1.', '2027-01-03'], // without a year: the next such day
      ['tänään', '2026-12-01'],
      ['huomenna', '2026-12-02'],
      ['i morgon', '2026-12-02'],
      ['Tomorrow', '2026-12-02'],
      ['31.2.', undefined],
      ['someday', undefined],
      ['15', undefined],
    ];
    for (const [text, day] of cases) expect(parseTypedDay(text, today), text).to.equal(day);
  });

  it('reads strengths as list numbers, or keeps the words as the person own', () => {
    expect(parseTypedStrengths('9, 14')).to.deep.equal({ ids: ['keptTime', 'helpedSomeone'] });
    expect(parseTypedStrengths('9 ja 14 ja 9')).to.deep.equal({ ids: ['keptTime', 'helpedSomeone'] });
    expect(parseTypedStrengths('olin rohkea')).to.deep.equal({ ids: [], own: 'olin rohkea' });
    expect(parseTypedStrengths('99')).to.deep.equal({ ids: [], own: '99' });
    expect(parseTypedStrengths('')).to.deep.equal({ ids: [] });
  });
});
