import { expect } from 'chai';
import { assess, decide, defaultWatchSettings, nextEvaluation, type Assessment, type Observation, type WatchState } from '../../../src/domain/leader';
import type { Pause } from '../../../src/domain/reminders';

/*
 * Synthetic histories written out by hand: four weekly meetings on Mondays at 09:00 Helsinki (07:00Z
 * in November), evaluated on Tuesday 1 December 2026. Expected points and reasons are worked out here
 * from the rules in the README (missed 2, unanswered 1 when they did not come, unreachable 3; alert at 4).
 */
const now = new Date('2026-12-01T07:00:00.000Z');
const mondays = ['2026-11-09T07:00:00.000Z', '2026-11-16T07:00:00.000Z', '2026-11-23T07:00:00.000Z', '2026-11-30T07:00:00.000Z'];
const joined = '2026-10-01T10:00:00.000Z';

type Mark = 'P' | 'A' | '-';
/**
 * One letter per meeting (present, absent, unmarked), answered flags and reminders sent. Everyone who
 * came checks in the next day (the check-in rule has its own histories in checkinSignal.test.ts).
 */
const history = (userId: string, marks: Mark[], answered: boolean[], reminders: number[] = [0, 0, 0, 0]): Observation[] =>
  marks.flatMap((m, i): Observation[] => [
    {
      userId,
      signal: 'meeting',
      at: mondays[i]!,
      attendance: m === 'P' ? 'present' : m === 'A' ? 'absent' : 'unmarked',
      answered: answered[i]!,
      remindersSent: reminders[i]!,
    },
    ...(m === 'P' ? [{ userId, signal: 'checkin' as const, at: new Date(Date.parse(mondays[i]!) + 86_400_000).toISOString() }] : []),
  ]);

const member = (userId: string, pauses: Pause[] = [], joinedAt = joined) => ({ userId, joinedAt, pauses });
const pause = (userId: string, createdAt: string, until: string): Pause => ({ id: `pause:${createdAt}`, userId, reason: 'ill', until, zone: 'Europe/Helsinki', createdAt });

describe('early warning rules (domain, hand-written histories)', () => {
  const anna = history('anna', ['P', 'P', 'P', 'P'], [true, true, true, true]);
  const ben = history('ben', ['P', 'P', 'A', 'A'], [true, true, false, false], [0, 0, 2, 2]);
  const cai = history('cai', ['P', 'A', 'P', 'P'], [true, true, true, true]);
  const dora = history('dora', ['P', 'P', '-', '-'], [true, true, false, false]);
  const all = [...anna, ...ben, ...cai, ...dora, { userId: 'cai', signal: 'unreachable', at: now.toISOString() } as const];

  it('flags the right people with the right reasons', () => {
    expect(assess(member('anna'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'anna', judged: true, points: 0, reasons: [] });
    // missed 2 (4 points) + two unanswered meetings after reminders (2 points).
    expect(assess(member('ben'), all, defaultWatchSettings, now)).to.deep.equal({
      userId: 'ben',
      judged: true,
      points: 6,
      reasons: [
        { code: 'missed', missed: 2, of: 4 },
        { code: 'reminders_unanswered', reminders: 4, meetings: 2 },
      ],
    });
    // missed 1 (2) + unreachable (3) = 5.
    expect(assess(member('cai'), all, defaultWatchSettings, now)).to.deep.equal({
      userId: 'cai',
      judged: true,
      points: 5,
      reasons: [{ code: 'missed', missed: 1, of: 4 }, { code: 'unreachable' }],
    });
    // two unmarked meetings without an answer and no reminder: 2 points, below the threshold of 4.
    expect(assess(member('dora'), all, defaultWatchSettings, now)).to.deep.equal({ userId: 'dora', judged: true, points: 2, reasons: [{ code: 'no_rsvp', meetings: 2 }] });
  });

  it('leaves meetings before the window out: a 14-day window sees only the last two', () => {
    const settings = { ...defaultWatchSettings, windowDays: 14 };
    expect(assess(member('cai'), cai, settings, now).reasons).to.deep.equal([]);
    expect(assess(member('ben'), ben, settings, now).reasons[0]).to.deep.equal({ code: 'missed', missed: 2, of: 2 });
  });

  it('does not judge someone paused now, nor count meetings during an earlier pause', () => {
    const pausedNow = [pause('ben', '2026-11-29T10:00:00.000Z', '2026-12-06')];
    expect(assess(member('ben', pausedNow), ben, defaultWatchSettings, now)).to.deep.equal({ userId: 'ben', judged: false, why: 'paused', points: 0, reasons: [] });
    // Paused over the third meeting (22–24 Nov): of the remaining three, one missed.
    const earlier = [pause('ben', '2026-11-22T10:00:00.000Z', '2026-11-24')];
    expect(assess(member('ben', earlier), ben, defaultWatchSettings, now)).to.deep.equal({
      userId: 'ben',
      judged: true,
      points: 3,
      reasons: [
        { code: 'missed', missed: 1, of: 3 },
        { code: 'reminders_unanswered', reminders: 2, meetings: 1 },
      ],
    });
  });

  it('does not judge a new member before two meetings since they joined', () => {
    const newcomer = member('ben', [], '2026-11-25T12:00:00.000Z');
    expect(assess(newcomer, ben, defaultWatchSettings, now)).to.deep.equal({ userId: 'ben', judged: false, why: 'new_member', points: 0, reasons: [] });
    expect(assess(member('ben', [], '2026-11-20T12:00:00.000Z'), ben, defaultWatchSettings, now).judged).to.equal(true);
  });

  it('counts vote rounds they let pass (whether they voted, never what), from when they joined', () => {
    const rounds: Observation[] = [
      { userId: 'cai', signal: 'vote', at: '2026-11-12T10:00:00.000Z', voted: false },
      { userId: 'cai', signal: 'vote', at: '2026-11-26T10:00:00.000Z', voted: false },
      { userId: 'cai', signal: 'vote', at: '2026-11-19T10:00:00.000Z', voted: true },
      { userId: 'cai', signal: 'vote', at: '2026-09-01T10:00:00.000Z', voted: false },
    ];
    // missed 1 meeting (2) + two of three rounds in the window without a vote (2) = 4: flagged.
    expect(assess(member('cai'), [...cai, ...rounds], defaultWatchSettings, now)).to.deep.equal({
      userId: 'cai',
      judged: true,
      points: 4,
      reasons: [
        { code: 'missed', missed: 1, of: 4 },
        { code: 'no_vote', rounds: 2, of: 3 },
      ],
    });
    // A 90-day window reaches back to September, but they joined on 8 Nov: the round of 1 Sep was not theirs.
    expect(assess(member('cai', [], '2026-11-08T12:00:00.000Z'), [...cai, ...rounds], { ...defaultWatchSettings, windowDays: 90 }, now).reasons).to.deep.equal([
      { code: 'missed', missed: 1, of: 4 },
      { code: 'no_vote', rounds: 2, of: 3 },
    ]);
    // Joined on 20 Nov: only the meetings of 23 and 30 Nov (both attended) and the round of 26 Nov were theirs.
    expect(assess(member('cai', [], '2026-11-20T12:00:00.000Z'), [...cai, ...rounds], defaultWatchSettings, now).reasons).to.deep.equal([{ code: 'no_vote', rounds: 1, of: 1 }]);
  });

  describe('episodes', () => {
    const flagged: Assessment = { userId: 'ben', judged: true, points: 6, reasons: [{ code: 'missed', missed: 2, of: 3 }] };
    const day = (d: number) => new Date(Date.UTC(2026, 11, d, 7));
    const run = (points: number[], settings = defaultWatchSettings) => {
      let state: WatchState | undefined;
      const alerts: number[] = [];
      points.forEach((p, i) => {
        const out = decide('g1', state, { ...flagged, points: p }, settings, day(i + 1));
        if (out.alert) alerts.push(i + 1);
        state = out.state;
      });
      return { alerts, state: state! };
    };

    it('alerts once when the threshold is crossed, not again while it stays crossed', () => {
      expect(run([0, 4, 5, 6, 6, 4]).alerts).to.deep.equal([2]);
    });

    it('alerts again after the quiet period (14 days after the last alert) if still above the threshold', () => {
      const points = Array.from({ length: 20 }, () => 5);
      expect(run(points).alerts).to.deep.equal([1, 15]);
      expect(run(points, { ...defaultWatchSettings, quietDays: 7 }).alerts).to.deep.equal([1, 8, 15]);
    });

    it('recovery (below 2 points) ends the episode; the next crossing is a new episode and alerts at once', () => {
      const { alerts, state } = run([4, 3, 2, 1, 4]);
      expect(alerts).to.deep.equal([1, 5]);
      expect(state.status).to.equal('flagged');
      expect(state.episodeStartedAt).to.equal('2026-12-05T07:00:00.000Z');
      expect(run([4, 1]).state).to.include({ status: 'ok', recoveredAt: '2026-12-02T07:00:00.000Z' });
      // 3 and 2 are between the marks: still the same episode, no new alert.
      expect(run([4, 3, 2, 4]).alerts).to.deep.equal([1]);
    });

    it('a person not judged (paused) keeps their state and gets no alert', () => {
      const first = decide('g1', undefined, flagged, defaultWatchSettings, day(1));
      const paused = decide('g1', first.state, { userId: 'ben', judged: false, why: 'paused', points: 0, reasons: [] }, defaultWatchSettings, day(20));
      expect(paused).to.deep.equal({ state: first.state, alert: false });
    });
  });

  it('evaluates at 09:00 Helsinki time on both sides of both DST changes, once per local day', () => {
    const next = (iso: string) => nextEvaluation('Europe/Helsinki', '09:00', new Date(iso));
    expect(next('2026-03-28T07:00:00.000Z')).to.deep.equal({ day: '2026-03-29', dueAt: '2026-03-29T06:00:00.000Z' });
    expect(next('2026-03-29T06:00:00.000Z')).to.deep.equal({ day: '2026-03-30', dueAt: '2026-03-30T06:00:00.000Z' });
    expect(next('2026-03-27T06:59:00.000Z')).to.deep.equal({ day: '2026-03-27', dueAt: '2026-03-27T07:00:00.000Z' });
    expect(next('2026-10-24T06:00:00.000Z')).to.deep.equal({ day: '2026-10-25', dueAt: '2026-10-25T07:00:00.000Z' });
    expect(next('2026-10-25T07:00:00.000Z')).to.deep.equal({ day: '2026-10-26', dueAt: '2026-10-26T07:00:00.000Z' });
    expect(nextEvaluation('Europe/Stockholm', '08:30', new Date('2026-10-25T07:00:00.000Z'))).to.deep.equal({ day: '2026-10-25', dueAt: '2026-10-25T07:30:00.000Z' });
  });
});
