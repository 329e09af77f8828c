import { expect } from 'chai';
import { backoffMs, defaultQuietHours, deferPastQuietHours, inQuietHours, jobId, localToUtc, offsetLabel, reminderDueAt, snoozedDueAt } from '../../../src/domain/shared/schedule';
import { isPaused, pauseEndsAt, remindJobId } from '../../../src/domain/reminders/model';

const helsinki = 'Europe/Helsinki';

describe('schedule rules (pure)', () => {
  describe('a 09:00 Europe/Helsinki meeting and its 24 h / 2 h reminders around DST changes', () => {
    // 2026: clocks go forward on Sunday 29 March (03:00 EET → 04:00 EEST) and back on Sunday 25 October.
    const cases = [
      { local: '2026-03-28T09:00', start: '2026-03-28T07:00:00.000Z', day: '2026-03-27T07:00:00.000Z', twoHours: '2026-03-28T05:00:00.000Z' },
      // The day before is still winter time: 09:00 EET is 25 elapsed hours before 09:00 EEST.
      { local: '2026-03-29T09:00', start: '2026-03-29T06:00:00.000Z', day: '2026-03-28T07:00:00.000Z', twoHours: '2026-03-29T04:00:00.000Z' },
      { local: '2026-03-30T09:00', start: '2026-03-30T06:00:00.000Z', day: '2026-03-29T06:00:00.000Z', twoHours: '2026-03-30T04:00:00.000Z' },
      { local: '2026-10-24T09:00', start: '2026-10-24T06:00:00.000Z', day: '2026-10-23T06:00:00.000Z', twoHours: '2026-10-24T04:00:00.000Z' },
      // The day before is still summer time: 23 elapsed hours.
      { local: '2026-10-25T09:00', start: '2026-10-25T07:00:00.000Z', day: '2026-10-24T06:00:00.000Z', twoHours: '2026-10-25T05:00:00.000Z' },
      { local: '2026-10-26T09:00', start: '2026-10-26T07:00:00.000Z', day: '2026-10-25T07:00:00.000Z', twoHours: '2026-10-26T05:00:00.000Z' },
    ];
    for (const c of cases) {
      it(`${c.local}: starts ${c.start}, reminded ${c.day} (09:00 local the day before) and ${c.twoHours}`, () => {
        const start = localToUtc(c.local, helsinki);
        expect(start).to.equal(c.start);
        expect(reminderDueAt(start!, 24 * 60, helsinki)).to.equal(c.day);
        expect(reminderDueAt(start!, 2 * 60, helsinki)).to.equal(c.twoHours);
      });
    }
  });

  it('refuses a local time that does not exist (the hour skipped in spring) and malformed input', () => {
    expect(localToUtc('2026-03-29T03:30', helsinki)).to.equal(undefined);
    expect(localToUtc('2026-03-29 09:00', helsinki)).to.equal(undefined);
    expect(localToUtc('2026-02-30T09:00', helsinki)).to.equal(undefined);
    expect(localToUtc('2026-03-29T04:30', helsinki)).to.equal('2026-03-29T01:30:00.000Z');
  });

  describe('quiet hours (default 21–08 local)', () => {
    it('knows the edges: 20:59 and 08:00 are not quiet, 21:00 and 07:59 are', () => {
      // March 27 is EET (UTC+2).
      expect(inQuietHours('2026-03-27T18:59:00.000Z', helsinki, defaultQuietHours)).to.equal(false);
      expect(inQuietHours('2026-03-27T19:00:00.000Z', helsinki, defaultQuietHours)).to.equal(true);
      expect(inQuietHours('2026-03-27T05:59:00.000Z', helsinki, defaultQuietHours)).to.equal(true);
      expect(inQuietHours('2026-03-27T06:00:00.000Z', helsinki, defaultQuietHours)).to.equal(false);
    });

    it('moves an evening instant to 08:00 next morning and an early one to 08:00 the same morning', () => {
      expect(deferPastQuietHours('2026-03-27T19:30:00.000Z', helsinki, defaultQuietHours)).to.equal('2026-03-28T06:00:00.000Z');
      expect(deferPastQuietHours('2026-03-27T03:00:00.000Z', helsinki, defaultQuietHours)).to.equal('2026-03-27T06:00:00.000Z');
      expect(deferPastQuietHours('2026-03-27T10:00:00.000Z', helsinki, defaultQuietHours)).to.equal('2026-03-27T10:00:00.000Z');
    });

    it('lands on 08:00 local across the spring-forward night', () => {
      // 22:00 EET on Saturday 28 March → 08:00 EEST on Sunday = 05:00Z.
      expect(deferPastQuietHours('2026-03-28T20:00:00.000Z', helsinki, defaultQuietHours)).to.equal('2026-03-29T05:00:00.000Z');
    });

    it('supports a window within one day, and none at all', () => {
      const lunch = { start: '12:00', end: '13:00' };
      expect(deferPastQuietHours('2026-06-01T09:30:00.000Z', helsinki, lunch)).to.equal('2026-06-01T10:00:00.000Z');
      expect(inQuietHours('2026-06-01T19:30:00.000Z', helsinki, lunch)).to.equal(false);
      expect(inQuietHours('2026-06-01T22:00:00.000Z', helsinki, { start: '00:00', end: '00:00' })).to.equal(false);
    });

    it('uses the zone it is given', () => {
      // 21:30 in Helsinki is 20:30 in Stockholm: quiet for one, not for the other.
      expect(inQuietHours('2026-03-27T19:30:00.000Z', helsinki, defaultQuietHours)).to.equal(true);
      expect(inQuietHours('2026-03-27T19:30:00.000Z', 'Europe/Stockholm', defaultQuietHours)).to.equal(false);
    });
  });

  it('snoozes into the future but not into quiet hours', () => {
    // 18:00 EEST + 30 min → 18:30; 20:30 + 60 min → 21:30 → 08:00 next day.
    expect(snoozedDueAt(new Date('2026-06-01T15:00:00.000Z'), 30, helsinki, defaultQuietHours)).to.equal('2026-06-01T15:30:00.000Z');
    expect(snoozedDueAt(new Date('2026-06-01T17:30:00.000Z'), 60, helsinki, defaultQuietHours)).to.equal('2026-06-02T05:00:00.000Z');
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 60_000, 600_000))).to.deep.equal([60_000, 120_000, 240_000, 480_000, 600_000]);
  });

  it('makes readable, deterministic, Cosmos-safe job ids', () => {
    expect(offsetLabel(1440)).to.equal('24h');
    expect(offsetLabel(90)).to.equal('90m');
    expect(remindJobId('session:abc', 'msteams:29:x', 2, 120)).to.equal('remind:session:abc:msteams:29:x:2h:r2');
    expect(jobId('remind', 'web/chat?x#y\\z')).to.equal('remind:web_chat_x_y_z');
  });

  describe('isPaused', () => {
    const pause = { until: '2026-04-03', zone: helsinki, createdAt: '2026-04-01T10:00:00.000Z' };
    it('covers from its start through the last day, local midnight included', () => {
      expect(isPaused(pause, '2026-04-01T09:59:59.999Z')).to.equal(false);
      expect(isPaused(pause, '2026-04-01T10:00:00.000Z')).to.equal(true);
      // 23:59 EEST on 3 April is 20:59Z; midnight is 21:00Z.
      expect(isPaused(pause, '2026-04-03T20:59:00.000Z')).to.equal(true);
      expect(isPaused(pause, '2026-04-03T21:00:00.000Z')).to.equal(false);
      expect(pauseEndsAt(pause)).to.equal('2026-04-03T21:00:00.000Z');
    });
    it('ends early when ended early, and nothing is paused without a pause', () => {
      const ended = { ...pause, endedAt: '2026-04-02T08:00:00.000Z' };
      expect(isPaused(ended, '2026-04-02T07:59:00.000Z')).to.equal(true);
      expect(isPaused(ended, '2026-04-02T08:00:00.000Z')).to.equal(false);
      expect(isPaused(undefined, '2026-04-02T08:00:00.000Z')).to.equal(false);
    });
  });
});
