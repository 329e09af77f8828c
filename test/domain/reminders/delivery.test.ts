import { expect } from 'chai';
import { decideDelivery, meetingMessageRules, type DeliveryFacts } from '../../../src/domain/reminders';

/** The delivery policy alone: literal facts in, literal decisions out. */
describe('delivery policy: should this person get this message now', () => {
  const startsAt = '2026-03-20T11:00:00.000Z';
  const base: DeliveryFacts = {
    now: new Date('2026-03-20T09:00:00.000Z'), // 11:00 in Helsinki: not quiet
    inGroup: true,
    meeting: { status: 'scheduled', revision: 1, startsAt, endsAt: '2026-03-20T12:00:00.000Z', planned: { revision: 1, startsAt } },
    prefs: { enabled: true, offsetsMinutes: [1440, 120], quietHours: { start: '21:00', end: '08:00' } },
    zone: 'Europe/Helsinki',
    offsetMinutes: 120,
  };
  const pause = { until: '2026-03-25', zone: 'Europe/Helsinki', createdAt: '2026-03-19T10:00:00.000Z' };
  const reminder = (facts: Partial<DeliveryFacts>) => decideDelivery({ ...base, ...facts }, meetingMessageRules.reminder(startsAt));

  it('sends a reminder when nothing stands in the way', () => {
    expect(reminder({})).to.deep.equal({ send: true });
  });

  it('skips a reminder for each rule, naming the rule', () => {
    expect(reminder({ inGroup: false })).to.deep.equal({ send: false, skip: 'not_in_group' });
    expect(reminder({ meeting: { ...base.meeting!, status: 'cancelled' } })).to.deep.equal({ send: false, skip: 'meeting_cancelled' });
    expect(reminder({ meeting: { ...base.meeting!, startsAt: '2026-03-21T11:00:00.000Z' } })).to.deep.equal({ send: false, skip: 'meeting_moved' });
    expect(reminder({ now: new Date(startsAt) })).to.deep.equal({ send: false, skip: 'meeting_started' });
    expect(reminder({ pause })).to.deep.equal({ send: false, skip: 'paused' });
    expect(reminder({ prefs: { ...base.prefs, enabled: false } })).to.deep.equal({ send: false, skip: 'reminders_off' });
    expect(reminder({ prefs: { ...base.prefs, offsetsMinutes: [1440] } })).to.deep.equal({ send: false, skip: 'prefs_changed' });
    expect(reminder({ rsvp: 'no' })).to.deep.equal({ send: false, skip: 'rsvp_no' });
  });

  it('holds a reminder in quiet hours until they end, and skips it when that would be after the start', () => {
    const early = { ...base.meeting!, startsAt: '2026-03-20T10:00:00.000Z', planned: { revision: 1, startsAt: '2026-03-20T10:00:00.000Z' } };
    // 05:00 in Helsinki; quiet hours end at 08:00 = 06:00Z.
    expect(decideDelivery({ ...base, meeting: early, now: new Date('2026-03-20T03:00:00.000Z') }, meetingMessageRules.reminder(early.startsAt))).to.deep.equal({
      send: false,
      deferUntil: '2026-03-20T06:00:00.000Z',
    });
    expect(decideDelivery({ ...base, now: new Date('2026-03-20T03:00:00.000Z') }, meetingMessageRules.reminder('2026-03-20T05:00:00.000Z'))).to.deep.equal({
      send: false,
      skip: 'quiet_hours',
    });
  });

  it('lets news through a pause, calls a stale notice superseded, and sends a cancellation whatever changed', () => {
    expect(decideDelivery({ ...base, pause }, meetingMessageRules.notice('scheduled'))).to.deep.equal({ send: true });
    expect(decideDelivery({ ...base, meeting: { ...base.meeting!, revision: 2 } }, meetingMessageRules.notice('moved'))).to.deep.equal({ send: false, skip: 'superseded' });
    expect(decideDelivery({ ...base, meeting: { ...base.meeting!, status: 'cancelled', revision: 3 } }, meetingMessageRules.notice('cancelled'))).to.deep.equal({ send: true });
  });

  it('sends a notice in quiet hours at once: news the person plans around', () => {
    // 05:00 in Helsinki, inside 21:00–08:00.
    expect(decideDelivery({ ...base, now: new Date('2026-03-20T03:00:00.000Z') }, meetingMessageRules.notice('moved'))).to.deep.equal({ send: true });
  });

  it('does not invite someone recorded absent, or who said no and was not recorded present, to reflect', () => {
    const after = { ...base, now: new Date('2026-03-20T12:30:00.000Z') };
    expect(decideDelivery({ ...after, attendance: 'absent' }, meetingMessageRules.reflection())).to.deep.equal({ send: false, skip: 'absent' });
    expect(decideDelivery({ ...after, rsvp: 'no' }, meetingMessageRules.reflection())).to.deep.equal({ send: false, skip: 'rsvp_no' });
    expect(decideDelivery({ ...after, rsvp: 'no', attendance: 'present' }, meetingMessageRules.reflection())).to.deep.equal({ send: true });
    expect(decideDelivery({ ...after, inGroup: false }, meetingMessageRules.roster())).to.deep.equal({ send: false, skip: 'not_group_leader' });
  });
});
