import { expect } from 'chai';
import {
  buildCheckIn,
  cvStrengths,
  escoGroups,
  followUpDue,
  isEmpty,
  lowestMoodTwice,
  moodSeries,
  nextStepReminderAt,
  strengthCatalogue,
  strengthsSummary,
  type CheckIn,
} from '../../../src/domain/checkins';

const base = (id: string, createdAt: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  userId: 'u1',
  groupId: 'g1',
  strengths: [],
  shared: false,
  createdAt,
  ...extra,
});

describe('check-in rules (pure)', () => {
  it('the strengths catalogue has 20–30 entries, each in one of the six ESCO transversal groups, every group used', () => {
    expect(strengthCatalogue.length).to.be.within(20, 30);
    expect(escoGroups).to.deep.equal(['core', 'thinking', 'selfManagement', 'socialCommunication', 'physicalManual', 'life']);
    for (const g of escoGroups) expect(strengthCatalogue.filter((s) => s.group === g).length, g).to.be.greaterThan(2);
    expect(new Set(strengthCatalogue.map((s) => s.id)).size).to.equal(strengthCatalogue.length);
  });

  it('every question may be skipped: blank answers store nothing, a check-in of only skips is empty', () => {
    const c = buildCheckIn({ id: 'c', userId: 'u1', createdAt: '2026-12-01T10:00:00.000Z' }, { did: '  ', nextStep: '', strengthsOther: ' ' });
    expect(c).to.deep.equal({ id: 'c', userId: 'u1', strengths: [], shared: false, createdAt: '2026-12-01T10:00:00.000Z' });
    expect(isEmpty(c)).to.equal(true);
  });

  it('sharing needs a group: without one an entry stays private', () => {
    expect(buildCheckIn({ id: 'c', userId: 'u1', createdAt: '2026-12-01T10:00:00.000Z' }, { mood: 3, shared: true }).shared).to.equal(false);
    expect(buildCheckIn({ id: 'c', userId: 'u1', groupId: 'g', createdAt: '2026-12-01T10:00:00.000Z' }, { mood: 3, shared: true }).shared).to.equal(true);
  });

  it('asks about the newest unanswered next step whose day has come, or that had no day', () => {
    const now = new Date('2026-12-10T12:00:00.000Z');
    const history = [
      base('future', '2026-12-09T10:00:00.000Z', { nextStep: { text: 'call', date: '2026-12-20' } }),
      base('due', '2026-12-05T10:00:00.000Z', { nextStep: { text: 'apply', date: '2026-12-10' } }),
      base('older', '2026-12-01T10:00:00.000Z', { nextStep: { text: 'cv' } }),
    ];
    expect(followUpDue(history, '2026-12-10', now)?.id).to.equal('due');
    expect(followUpDue(history, '2026-12-09', now)?.id).to.equal('older');
    const answered = history.map((c) => (c.nextStep ? { ...c, nextStep: { ...c.nextStep, outcome: 'done' as const } } : c));
    expect(followUpDue(answered, '2026-12-10', now)).to.equal(undefined);
    expect(followUpDue([base('old', '2026-09-01T10:00:00.000Z', { nextStep: { text: 'x' } })], '2026-12-10', now)).to.equal(undefined);
  });

  it('the lowest mood twice in a row, counting only check-ins that had a mood', () => {
    const history = [base('b', '2026-12-02T10:00:00.000Z'), base('a', '2026-12-01T10:00:00.000Z', { mood: 1 })];
    expect(lowestMoodTwice(history, 1)).to.equal(true);
    expect(lowestMoodTwice(history, 2)).to.equal(false);
    expect(lowestMoodTwice([base('a', '2026-12-01T10:00:00.000Z', { mood: 2 })], 1)).to.equal(false);
    expect(lowestMoodTwice([], 1)).to.equal(false);
  });

  it('a next step reminder goes at 10:00 on its day in the person zone (winter and summer time)', () => {
    expect(nextStepReminderAt('2026-12-15', 'Europe/Helsinki')).to.equal('2026-12-15T08:00:00.000Z');
    expect(nextStepReminderAt('2027-06-15', 'Europe/Helsinki')).to.equal('2027-06-15T07:00:00.000Z');
  });

  it('my strengths: most named first, with the dates and meetings; the CV picks the top ones in ESCO order', () => {
    const history = [
      base('c3', '2026-12-03T10:00:00.000Z', { strengths: ['helpedSomeone', 'keptTime'], meetingId: 'm3' }),
      base('c2', '2026-12-02T10:00:00.000Z', { strengths: ['helpedSomeone'] }),
      base('c1', '2026-12-01T10:00:00.000Z', { strengths: ['physicallyActive', 'helpedSomeone'], meetingId: 'm1' }),
    ];
    expect(strengthsSummary(history)).to.deep.equal([
      {
        id: 'helpedSomeone',
        group: 'socialCommunication',
        count: 3,
        occasions: [{ at: '2026-12-03T10:00:00.000Z', meetingId: 'm3' }, { at: '2026-12-02T10:00:00.000Z' }, { at: '2026-12-01T10:00:00.000Z', meetingId: 'm1' }],
      },
      { id: 'keptTime', group: 'selfManagement', count: 1, occasions: [{ at: '2026-12-03T10:00:00.000Z', meetingId: 'm3' }] },
      { id: 'physicallyActive', group: 'physicalManual', count: 1, occasions: [{ at: '2026-12-01T10:00:00.000Z', meetingId: 'm1' }] },
    ]);
    expect(cvStrengths(strengthsSummary(history), 2)).to.deep.equal([
      { group: 'selfManagement', ids: ['keptTime'] },
      { group: 'socialCommunication', ids: ['helpedSomeone'] },
    ]);
  });

  it('the mood series is oldest first and leaves out check-ins without a mood', () => {
    const history = [base('b', '2026-12-02T10:00:00.000Z', { mood: 4 }), base('x', '2026-12-01T12:00:00.000Z'), base('a', '2026-12-01T10:00:00.000Z', { mood: 2 })];
    expect(moodSeries(history)).to.deep.equal([
      { at: '2026-12-01T10:00:00.000Z', mood: 2 },
      { at: '2026-12-02T10:00:00.000Z', mood: 4 },
    ]);
  });
});
