import { expect } from 'chai';
import { summaryLines } from '../../../src/cards/outcomes';
import type { ReportSummary } from '../../../src/domain/outcomes';
import { translator } from '../../../src/i18n';

/** The report's words for a summary stated by hand (8 people, 5 of them confirmed at 4 months), in fi, sv and en. */
describe('outcomes report card: the numbers in words', () => {
  const summary: ReportSummary = {
    participants: 8, left: 1, employed: 6, confirmed: 5, unconfirmed: 1, tryouts: 1, studies: 0, dropouts: 1, present: 3, marked: 4, checkIns: 18,
    alerts: 4, alertAnswers: { reach_out: 2, handled: 1, not_useful: 0, unanswered: 1 }, confirmedShare: 0.625, attendanceRate: 0.75, checkInsPerParticipant: 2.25, identifiesIndividuals: false,
  };

  it('says them in Finnish, Swedish and English', () => {
    expect(summaryLines(translator('fi'), 'fi', summary)).to.deep.equal([
      'Osallistujia: 8.',
      'Töissä vähintään 4 kuukautta: 62,5 % (5/8).',
      'Töissä, mutta 4 kuukautta ei vielä vahvistettu: 1.',
      'Työkokeiluja: 1.',
      'Aloitti opinnot: 0.',
      'Keskeyttäneitä: 1.',
      'Lähti ryhmästä kesken: 1. He ovat mukana luvuissa tuloksineen.',
      'Läsnäolo: 75 % (3/4 merkittyä).',
      'Check-inejä: 18, keskimäärin 2,3 osallistujaa kohden.',
      'Vinkkejä ohjaajalle: 4. Otan yhteyttä: 2, hoidettu jo: 1, ei hyödyllinen: 0, vastaamatta: 1.',
    ]);
    const sv = summaryLines(translator('sv'), 'sv', summary);
    expect(sv.slice(0, 2)).to.deep.equal(['Deltagare: 8.', 'Anställda i minst 4 månader: 62,5 % (5 av 8).']);
    expect(sv.slice(-4)).to.deep.equal([
      'Lämnade gruppen under tiden: 1. De finns med i siffrorna med sina resultat.',
      'Närvaro: 75 % (3 av 4 markerade).',
      'Incheckningar: 18, i snitt 2,3 per deltagare.',
      'Varningar till ledaren: 4. Jag hör av mig: 2, redan ordnat: 1, inte till hjälp: 0, obesvarade: 1.',
    ]);
    expect(summaryLines(translator('en'), 'en', summary)).to.deep.equal([
      'Participants: 8.',
      'Employed for at least 4 months: 62.5 % (5 of 8).',
      'Employed but not yet confirmed at 4 months: 1.',
      'Work try-outs: 1.',
      'Started studies: 0.',
      'Dropped out: 1.',
      'Left the group along the way: 1. They are counted above, with their outcomes.',
      'Attendance: 75 % (3 of 4 marked).',
      'Check-ins: 18, 2.3 per participant on average.',
      "Alerts to the leader: 4. I'll reach out: 2, already handled: 1, not useful: 0, unanswered: 1.",
    ]);
  });

  it('warns when fewer than 5 people are in the report, and has no shares without participants', () => {
    const small: ReportSummary = {
      participants: 0, left: 0, employed: 0, confirmed: 0, unconfirmed: 0, tryouts: 0, studies: 0, dropouts: 0, present: 0, marked: 0, checkIns: 0,
      alerts: 0, alertAnswers: { reach_out: 0, handled: 0, not_useful: 0, unanswered: 0 }, identifiesIndividuals: true,
    };
    expect(summaryLines(translator('en'), 'en', small)).to.include.members([
      'No participants yet, so no shares.',
      'No attendance marked yet.',
      'Alerts to the leader: 0.',
      'Fewer than 5 people: these figures identify individuals. Do not share them.',
    ]);
    expect(summaryLines(translator('en'), 'en', small)).to.not.include('Left the group along the way: 0. They are counted above, with their outcomes.');
    expect(summaryLines(translator('sv'), 'sv', small).at(-1)).to.equal('Färre än 5 personer: siffrorna identifierar enskilda. Dela dem inte.');
  });
});
