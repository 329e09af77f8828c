import { expect } from 'chai';
import { summaryLines } from '../../../src/cards/outcomes';
import type { ReportSummary } from '../../../src/domain/outcomes';
import { translator } from '../../../src/i18n';

/** The report's words for a summary stated by hand (8 people, 5 of them confirmed at 4 months), in fi, sv and en. */
describe('outcomes report card: the numbers in words', () => {
  const summary: ReportSummary = { participants: 8, employed: 6, confirmed: 5, unconfirmed: 1, tryouts: 1, studies: 0, dropouts: 1, present: 3, marked: 4, confirmedShare: 0.625, attendanceRate: 0.75, identifiesIndividuals: false };

  it('says them in Finnish, Swedish and English', () => {
    expect(summaryLines(translator('fi'), 'fi', summary)).to.deep.equal([
      'Osallistujia: 8.',
      'Töissä vähintään 4 kuukautta: 62,5 % (5/8).',
      'Töissä, mutta 4 kuukautta ei vielä vahvistettu: 1.',
      'Työkokeiluja: 1.',
      'Aloitti opinnot: 0.',
      'Keskeyttäneitä: 1.',
      'Läsnäolo: 75 % (3/4 merkittyä).',
    ]);
    expect(summaryLines(translator('sv'), 'sv', summary).slice(0, 2)).to.deep.equal(['Deltagare: 8.', 'Anställda i minst 4 månader: 62,5 % (5 av 8).']);
    expect(summaryLines(translator('en'), 'en', summary)).to.deep.equal([
      'Participants: 8.',
      'Employed for at least 4 months: 62.5 % (5 of 8).',
      'Employed but not yet confirmed at 4 months: 1.',
      'Work try-outs: 1.',
      'Started studies: 0.',
      'Dropped out: 1.',
      'Attendance: 75 % (3 of 4 marked).',
    ]);
  });

  it('warns when fewer than 5 people are in the report, and has no shares without participants', () => {
    const small: ReportSummary = { participants: 0, employed: 0, confirmed: 0, unconfirmed: 0, tryouts: 0, studies: 0, dropouts: 0, present: 0, marked: 0, identifiesIndividuals: true };
    expect(summaryLines(translator('en'), 'en', small)).to.include.members([
      'No participants yet, so no shares.',
      'No attendance marked yet.',
      'Fewer than 5 people: these figures identify individuals. Do not share them.',
    ]);
    expect(summaryLines(translator('sv'), 'sv', small).at(-1)).to.equal('Färre än 5 personer: siffrorna identifierar enskilda. Dela dem inte.');
  });
});
