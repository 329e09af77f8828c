import { expect } from 'chai';
import { defaultDigestSettings, digestSettingsSchema, isDigestSlot, nextDigestSlot, weeklyEngagement } from '../../../src/domain/leader';

/*
 * Digest moments in Helsinki (UTC+2 in winter, UTC+3 in summer; EU changes on Sun 29 Mar and Sun 25 Oct
 * 2026). 08:00 local is 06:00Z in winter and 05:00Z in summer: worked out by hand here.
 */
const zone = 'Europe/Helsinki';
const weekly = defaultDigestSettings;
const daily = { ...defaultDigestSettings, cadence: 'daily' as const };
const next = (s: typeof weekly, after: string, meetings: string[] = []) => nextDigestSlot(s, zone, new Date(after), meetings);

describe('digest moments (domain): the chosen local time on both sides of a DST change', () => {
  it('defaults to Monday 08:00 and the day before each meeting', () => {
    expect(defaultDigestSettings).to.deep.equal({ cadence: 'weekly', weekday: 1, time: '08:00', beforeMeetings: true });
    expect(digestSettingsSchema.safeParse({ ...weekly, time: '8:00' }).success).to.equal(false);
    expect(digestSettingsSchema.safeParse({ ...weekly, weekday: 8 }).success).to.equal(false);
  });

  it('weekly: Monday 08:00 local before and after the spring change (06:00Z, then 05:00Z)', () => {
    expect(next(weekly, '2026-03-18T10:00:00.000Z')).to.deep.equal({ slot: '2026-03-23T08:00', dueAt: '2026-03-23T06:00:00.000Z' });
    expect(next(weekly, '2026-03-23T06:00:00.000Z')).to.deep.equal({ slot: '2026-03-30T08:00', dueAt: '2026-03-30T05:00:00.000Z' });
  });

  it('weekly: Monday 08:00 local before and after the autumn change (05:00Z, then 06:00Z)', () => {
    expect(next(weekly, '2026-10-13T10:00:00.000Z')).to.deep.equal({ slot: '2026-10-19T08:00', dueAt: '2026-10-19T05:00:00.000Z' });
    expect(next(weekly, '2026-10-19T05:00:00.000Z')).to.deep.equal({ slot: '2026-10-26T08:00', dueAt: '2026-10-26T06:00:00.000Z' });
  });

  it('daily: 08:00 local every day across the change nights', () => {
    expect(next(daily, '2026-03-28T06:00:00.000Z')).to.deep.equal({ slot: '2026-03-29T08:00', dueAt: '2026-03-29T05:00:00.000Z' });
    expect(next(daily, '2026-03-28T05:59:00.000Z')).to.deep.equal({ slot: '2026-03-28T08:00', dueAt: '2026-03-28T06:00:00.000Z' });
    expect(next(daily, '2026-10-24T05:00:00.000Z')).to.deep.equal({ slot: '2026-10-25T08:00', dueAt: '2026-10-25T06:00:00.000Z' });
  });

  it('the day before a meeting (its local day in the zone) at the same time, when that comes first', () => {
    // A meeting on Thursday 29 Oct at 10:00 local (08:00Z): the digest on Wednesday 28 Oct at 08:00 local.
    expect(next(weekly, '2026-10-26T07:00:00.000Z', ['2026-10-29T08:00:00.000Z'])).to.deep.equal({ slot: '2026-10-28T08:00', dueAt: '2026-10-28T06:00:00.000Z' });
    // A meeting at 00:30 local on Friday 6 Nov is 22:30Z on Thursday: the day before is Thursday 5 Nov local.
    expect(next(weekly, '2026-11-03T07:00:00.000Z', ['2026-11-05T22:30:00.000Z']).slot).to.equal('2026-11-05T08:00');
    expect(next({ ...weekly, beforeMeetings: false }, '2026-10-26T07:00:00.000Z', ['2026-10-29T08:00:00.000Z']).slot).to.equal('2026-11-02T08:00');
  });

  it('knows a moment that no longer is one: settings changed, meeting moved or cancelled', () => {
    expect(isDigestSlot(weekly, zone, '2026-10-26T08:00', [])).to.equal(true);
    expect(isDigestSlot(weekly, zone, '2026-10-28T08:00', ['2026-10-29T08:00:00.000Z'])).to.equal(true);
    expect(isDigestSlot(weekly, zone, '2026-10-28T08:00', [])).to.equal(false);
    expect(isDigestSlot({ ...weekly, time: '07:30' }, zone, '2026-10-26T08:00', [])).to.equal(false);
    expect(isDigestSlot({ ...weekly, weekday: 2 }, zone, '2026-10-26T08:00', [])).to.equal(false);
    expect(isDigestSlot(daily, zone, '2026-10-28T08:00', [])).to.equal(true);
  });

  it('counts what each participant did per local week (Monday to Sunday), oldest first', () => {
    const events = [
      { userId: 'a', at: '2026-11-30T08:00:00.000Z' },
      { userId: 'a', at: '2026-11-29T21:59:00.000Z' }, // Sunday 23:59 local: the week before
      { userId: 'a', at: '2026-11-29T22:00:00.000Z' }, // Monday 00:00 local: this week
      { userId: 'b', at: '2026-10-20T08:00:00.000Z' }, // before the six weeks
      { userId: 'x', at: '2026-11-30T08:00:00.000Z' }, // not a member
    ];
    expect(weeklyEngagement(['a', 'b'], events, zone, new Date('2026-12-01T09:00:00.000Z'))).to.deep.equal({
      weekStarts: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'],
      counts: { a: [0, 0, 0, 0, 1, 2], b: [0, 0, 0, 0, 0, 0] },
    });
  });
});
