import { expect } from 'chai';
import { assess, defaultWatchSettings, type Observation } from '../../../src/domain/leader';
import type { Pause } from '../../../src/domain/reminders';
import { reasonsSentence } from '../../../src/cards/leader';
import { translator } from '../../../src/i18n';

/*
 * The check-in signal from histories written by hand: weekly meetings on Tuesdays at 10:00Z in
 * November, evaluated on Tuesday 1 December 2026 at 09:00Z (window 28 days: from 3 Nov 09:00Z).
 * Rule: no check-in for 14 days after a meeting they came to → 1 point, "no check-in for N days",
 * N counted from the first meeting they came to after their last check-in.
 */
const now = new Date('2026-12-01T09:00:00.000Z');
const tuesdays = ['2026-11-03T10:00:00.000Z', '2026-11-10T10:00:00.000Z', '2026-11-17T10:00:00.000Z', '2026-11-24T10:00:00.000Z'];
const joined = '2026-10-01T10:00:00.000Z';

const came = (userId: string, marks: string): Observation[] =>
  [...marks].map((m, i) => ({ userId, signal: 'meeting', at: tuesdays[i]!, attendance: m === 'P' ? 'present' : 'absent', answered: true, remindersSent: 0 }));
const checkIn = (userId: string, at: string): Observation => ({ userId, signal: 'checkin', at });
const member = (userId: string, pauses: Pause[] = [], joinedAt = joined) => ({ userId, joinedAt, pauses });
const pause = (userId: string, createdAt: string, until: string, endedAt?: string): Pause => ({
  id: `pause:${createdAt}`, userId, reason: 'ill', until, zone: 'Europe/Helsinki', createdAt, ...(endedAt ? { endedAt } : {}),
});

describe('check-ins as an engagement signal (domain, hand-written histories)', () => {
  const all: Observation[] = [
    // Anna comes every week and checks in after each meeting.
    ...came('anna', 'PPPP'),
    ...tuesdays.map((t) => checkIn('anna', t.replace('T10', 'T15'))),
    // Ben comes every week; his last check-in was on 12 Nov: since the meeting of 17 Nov no check-in (13 days 23 h → 13): not yet.
    ...came('ben', 'PPPP'),
    checkIn('ben', '2026-11-12T08:00:00.000Z'),
    // Cai comes every week and has never checked in: 27 days since the meeting of 3 Nov.
    ...came('cai', 'PPPP'),
    // Dora checked in on 5 Nov, came on 10 Nov and after: 20 days since 10 Nov.
    ...came('dora', 'APPP'),
    checkIn('dora', '2026-11-05T12:00:00.000Z'),
    // Eero has not come since 3 Nov and never checked in: the missed meetings speak, the check-in rule does not.
    ...came('eero', 'PAAA'),
    checkIn('eero', '2026-11-04T12:00:00.000Z'),
    // Fanni came to every meeting, never checked in, but was on a pause 20–26 Nov.
    ...came('fanni', 'PPPP'),
    // Gia is paused now.
    ...came('gia', 'PPPP'),
    // Hugo joined on 20 Nov: one meeting since, not judged yet.
    ...came('hugo', 'PPPP'),
  ];

  it('flags the people who came but have not checked in for 14 days, with the days in the reason', () => {
    expect(assess(member('anna'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'anna', judged: true, points: 0, reasons: [] });
    expect(assess(member('ben'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'ben', judged: true, points: 0, reasons: [] });
    expect(assess(member('cai'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'cai', judged: true, points: 1, reasons: [{ code: 'no_checkin', days: 27 }] });
    expect(assess(member('dora'), all, defaultWatchSettings, now)).to.deep.equal({
      userId: 'dora',
      judged: true,
      points: 3,
      reasons: [{ code: 'missed', missed: 1, of: 4 }, { code: 'no_checkin', days: 20 }],
    });
    expect(assess(member('eero'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'eero', judged: true, points: 6, reasons: [{ code: 'missed', missed: 3, of: 4 }] });
  });

  it('does not count a gap that a pause touched, nor judge someone paused now or new', () => {
    const earlier = [pause('fanni', '2026-11-20T08:00:00.000Z', '2026-11-26')];
    expect(assess(member('fanni', earlier), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'fanni', judged: true, points: 0, reasons: [] });
    expect(assess(member('fanni'), all, defaultWatchSettings, now).reasons).to.deep.equal([{ code: 'no_checkin', days: 27 }]);
    const pausedNow = [pause('gia', '2026-11-28T08:00:00.000Z', '2026-12-10')];
    expect(assess(member('gia', pausedNow), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'gia', judged: false, why: 'paused', points: 0, reasons: [] });
    expect(assess(member('hugo', [], '2026-11-20T08:00:00.000Z'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'hugo', judged: false, why: 'new_member', points: 0, reasons: [] });
  });

  it('counts only that a check-in happened: an observation has no room for mood or words', () => {
    const withContent = { ...checkIn('cai', '2026-11-30T12:00:00.000Z'), mood: 1, did: 'secret' } as unknown as Observation;
    expect(assess(member('cai'), [...came('cai', 'PPPP'), withContent], defaultWatchSettings, now).reasons).to.deep.equal([]);
  });

  it('words the reason in fi, sv and en', () => {
    const reasons = [{ code: 'missed', missed: 1, of: 4 } as const, { code: 'no_checkin', days: 20 } as const];
    expect(reasonsSentence(translator('fi'), reasons)).to.equal('Oli poissa 1 kertaa 4 viime tapaamisesta; ei ole tehnyt check-iniä 20 päivään.');
    expect(reasonsSentence(translator('sv'), reasons)).to.equal('Var borta från 1 av de 4 senaste träffarna; har inte checkat in på 20 dagar.');
    expect(reasonsSentence(translator('en'), reasons)).to.equal('Missed 1 of the last 4 meetings; no check-in for 20 days.');
  });
});
