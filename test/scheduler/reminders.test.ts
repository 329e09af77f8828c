import { expect } from 'chai';
import { DateTime } from 'luxon';
import { isDomainError } from '../../src/domain/shared/errors';
import { addMs } from '../../src/domain/shared/schedule';
import type { Meeting } from '../../src/domain/meetings/model';
import type { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { CosmosGroupRepository } from '../../src/store/groups';
import { drain, leaderId, makeWorld, memberIds, personalChat, type World } from './support';

const [p1, p2, p3] = memberIds;
const zone = 'Europe/Helsinki';

/** The renderer's fields of what went out: kind, meeting, recipient, offset, locale, job id, previous start. */
const sentOf = (w: World, filter: { kind?: string; meetingId?: string } = {}) =>
  w.messenger
    .texts()
    .filter(([kind, meetingId]) => (!filter.kind || kind === filter.kind) && (!filter.meetingId || meetingId === filter.meetingId));

const recipientsOf = (rows: string[][]) => rows.map((r) => r[2]).sort();

describe('meeting jobs end to end (services → jobs → runner → handlers) on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let w: World;
  let runner: SchedulerRunner;
  const gym = { title: 'Kuntosali', start: '2026-03-29T09:00', durationMinutes: 90, place: 'Urheilutalo' };

  beforeEach(async () => {
    store = await freshStore('reminders');
    w = await makeWorld(store, '2026-03-20T10:00:00.000Z', zone);
    runner = w.runner();
  });
  afterEach(async () => store.close());

  /** Moves the clock to `iso` and runs due jobs. */
  const at = async (iso: string) => {
    w.clock.set(iso);
    await drain(runner);
  };

  it('sends 24 h reminders of 09:00 meetings at 09:00 local on both sides of both DST changes', async function () {
    this.timeout(60_000);
    const dates = ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26'];
    const meetings: Meeting[] = [];
    for (const date of dates) meetings.push(await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: `${date}T09:00` }));
    await drain(runner);
    expect(sentOf(w, { kind: 'meeting_scheduled' })).to.have.length(24);

    const expected = ['2026-03-27T07:00:00.000Z', '2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-10-23T06:00:00.000Z', '2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z'];
    for (const [i, meeting] of meetings.entries()) {
      const due = expected[i]!;
      const dayBefore = () => sentOf(w, { kind: 'reminder', meetingId: meeting.id }).filter((r) => r[3] === '1440');
      await at(addMs(due, -1));
      expect(dayBefore(), `nothing before ${due}`).to.deep.equal([]);
      await at(due);
      expect(recipientsOf(dayBefore())).to.deep.equal([...memberIds]);
      expect(DateTime.fromISO(due, { zone }).toFormat('yyyy-MM-dd HH:mm')).to.equal(`${DateTime.fromISO(meeting.startsAt, { zone }).minus({ days: 1 }).toFormat('yyyy-MM-dd')} 09:00`);
    }
  });

  it('holds a reminder that has become quiet (preferences changed) until quiet hours end', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    // Straight into the store: the reminder stays planned for 09:00 EET, now inside p1's quiet hours.
    await w.prefsRepo.save({ id: 'reminderPrefs', userId: p1, enabled: true, offsetsMinutes: [1440, 120], quietHours: { start: '08:30', end: '10:00' }, updatedAt: '2026-03-20T10:00:00.000Z' });
    await at('2026-03-28T07:00:00.000Z');
    expect(recipientsOf(sentOf(w, { kind: 'reminder', meetingId: meeting.id }))).to.deep.equal([p2, p3, memberIds[3]]);
    await at('2026-03-28T07:59:00.000Z');
    expect(sentOf(w, { kind: 'reminder' }).filter((r) => r[2] === p1)).to.deep.equal([]);
    await at('2026-03-28T08:00:00.000Z'); // 10:00 EET
    expect(sentOf(w, { kind: 'reminder' }).filter((r) => r[2] === p1)).to.have.length(1);
  });

  it('snoozes a received reminder: it comes back after N minutes, once, and not in quiet hours', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await at('2026-03-28T07:00:00.000Z');
    const reminder = sentOf(w, { kind: 'reminder' }).find((r) => r[2] === p1)!;
    const reminderJobId = reminder[5]!;

    w.clock.set('2026-03-28T07:05:00.000Z');
    const snoozed = await w.meetings.snoozeReminder(p1, w.group.groupId, reminderJobId, 60);
    const again = await w.meetings.snoozeReminder(p1, w.group.groupId, reminderJobId, 60);
    expect(again).to.deep.equal(snoozed);
    expect(snoozed.dueAt).to.equal('2026-03-28T08:05:00.000Z');
    try {
      await w.meetings.snoozeReminder(p2, w.group.groupId, reminderJobId, 60);
      expect.fail('someone else snoozed my reminder');
    } catch (e) {
      expect(isDomainError(e, 'REMINDER_NOT_FOUND')).to.equal(true);
    }

    const before = sentOf(w, { kind: 'reminder' }).length;
    await at('2026-03-28T08:04:59.999Z');
    expect(sentOf(w, { kind: 'reminder' })).to.have.length(before);
    await at('2026-03-28T08:05:00.000Z');
    const back = sentOf(w, { kind: 'reminder' }).slice(before);
    expect(back.map((r) => [r[1], r[2], r[3], r[5]])).to.deep.equal([[meeting.id, p1, '-', snoozed.jobId]]);

    // Snoozing the snoozed one late in the evening: 20:30 EET + 60 min is quiet, so 08:00 next morning.
    w.clock.set('2026-03-28T18:30:00.000Z');
    const late = await w.meetings.snoozeReminder(p1, w.group.groupId, snoozed.jobId, 60);
    expect(late.dueAt).to.equal('2026-03-29T05:00:00.000Z'); // 08:00 EEST, the clocks having gone forward
  });

  it('sends nothing to a paused person while the pause lasts, records why, and resumes after it', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await w.prefs.startPause(p1, 'job_interview', '2026-03-28');
    await at('2026-03-28T07:00:00.000Z');
    expect(recipientsOf(sentOf(w, { kind: 'reminder' }))).to.deep.equal([p2, p3, memberIds[3]]);
    const skipped = await w.jobs.listFinished(w.group.groupId, { statuses: ['skipped'] });
    expect(skipped.filter((j) => j.userId === p1 && j.kind === 'remind').map((j) => j.result)).to.deep.equal([{ outcome: 'skipped', reason: 'paused' }]);
    // The pause ended at midnight: the 2 h reminder (08:00 EEST) goes to p1 as well.
    await at('2026-03-29T05:00:00.000Z');
    expect(sentOf(w, { kind: 'reminder', meetingId: meeting.id }).filter((r) => r[2] === p1)).to.have.length(1);
  });

  it('after a move, nothing goes at the old times, reminders go at the new ones, and stale notices are skipped', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
    await drain(runner);
    // Nobody had heard of the first time: each hears of the meeting once, as a new one at the new time.
    const told = sentOf(w, { kind: 'meeting_scheduled' });
    expect(recipientsOf(told)).to.deep.equal([...memberIds]);
    expect(told.map((r) => r[5]!.slice(-3))).to.deep.equal([':r2', ':r2', ':r2', ':r2']);
    expect(sentOf(w, { kind: 'meeting_moved' })).to.deep.equal([]);

    await at('2026-03-28T07:00:00.000Z'); // the old 24 h time
    await at('2026-03-29T05:00:00.000Z'); // the old 2 h time
    await at('2026-03-29T08:00:00.000Z'); // the old reflection time
    expect(sentOf(w, { kind: 'reminder' })).to.deep.equal([]);
    expect(w.prompter.prompts).to.deep.equal([]);
    await at('2026-03-30T09:00:00.000Z'); // 12:00 EEST the day before
    expect(recipientsOf(sentOf(w, { kind: 'reminder' }))).to.deep.equal([...memberIds]);
  });

  it('tells of a move, with the old time, those who had heard of the meeting', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    await w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
    await drain(runner);
    const moved = sentOf(w, { kind: 'meeting_moved' });
    expect(recipientsOf(moved)).to.deep.equal([...memberIds]);
    expect(moved[0]![6]).to.equal('2026-03-29T06:00:00.000Z');
    expect(sentOf(w, { kind: 'meeting_scheduled' })).to.have.length(4); // the first notices, before the move
  });

  it('after a cancel, no reminder or prompt ever goes; each participant is told once', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    await w.meetings.cancelMeeting(leaderId, w.group.groupId, meeting.id);
    for (const t of ['2026-03-20T10:00:00.000Z', '2026-03-28T07:00:00.000Z', '2026-03-29T05:00:00.000Z', '2026-03-29T09:00:00.000Z']) await at(t);
    expect(sentOf(w, { kind: 'reminder' })).to.deep.equal([]);
    expect(w.prompter.prompts).to.deep.equal([]);
    expect(recipientsOf(sentOf(w, { kind: 'meeting_cancelled' }))).to.deep.equal([...memberIds]);
  });

  it('checks again before sending: a reminder left pending for a meeting cancelled behind its back is skipped', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    const stored = await w.meetingsRepo.get(w.group.groupId, meeting.id);
    await w.meetingsRepo.replace({ ...stored!, status: 'cancelled' });
    await at('2026-03-28T07:00:00.000Z');
    expect(sentOf(w, { kind: 'reminder' })).to.deep.equal([]);
    const reasons = (await w.jobs.listFinished(w.group.groupId, { statuses: ['skipped'] })).map((j) => j.result?.reason);
    expect(reasons.filter((r) => r === 'meeting_cancelled')).to.have.length(4);
  });

  it('skips reminders for someone who said no, who turned reminders off, or whose offset was dropped', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await w.attendance.rsvp(p1, w.group.groupId, meeting.id, 'no');
    await w.prefs.update(p2, { enabled: false });
    await w.prefs.update(p3, { offsetsMinutes: [120] });
    await at('2026-03-28T07:00:00.000Z');
    expect(recipientsOf(sentOf(w, { kind: 'reminder' }))).to.deep.equal([memberIds[3]]);
    const reasons = Object.fromEntries(
      (await w.jobs.listFinished(w.group.groupId, { statuses: ['skipped'] })).filter((j) => j.kind === 'remind').map((j) => [j.userId, j.result?.reason]),
    );
    expect(reasons).to.deep.equal({ [p1]: 'rsvp_no', [p2]: 'reminders_off', [p3]: 'prefs_changed' });
  });

  it('prompts participants to reflect 30 minutes after the end, except those recorded absent', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    w.clock.set('2026-03-29T07:30:00.000Z');
    await w.attendance.recordAttendance(leaderId, w.group.groupId, meeting.id, p1, 'absent');
    await at('2026-03-29T07:59:59.999Z');
    expect(w.prompter.prompts).to.deep.equal([]);
    await at('2026-03-29T08:00:00.000Z');
    expect(w.prompter.prompts.map((p) => p.userId).sort()).to.deep.equal([p2, p3, memberIds[3]]);
    expect(w.prompter.prompts.every((p) => p.meetingId === meeting.id && p.groupId === w.group.groupId)).to.equal(true);
  });

  it('retries a failed send with backoff and records an unreachable person without retrying', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    let p1Failures = 0;
    w.messenger.script((ownerId) => (ownerId === p1 && ++p1Failures <= 2 ? { kind: 'failed', status: 429 } : undefined));
    w.messenger.script((ownerId) => (ownerId === p2 ? { kind: 'unreachable', status: 403 } : undefined));
    await w.refs.upsert({ ...(await w.refs.get(p3, personalChat(p3)))!, unreachable: { at: '2026-03-21T00:00:00.000Z', status: 404 } });

    w.clock.set('2026-03-28T07:00:00.000Z');
    await runner.tick();
    const pending = await w.jobs.listPending({ meetingId: meeting.id, userId: p1, kinds: ['remind'] });
    const retried = pending.find((j) => j.payload.offsetMinutes === 1440);
    expect(retried).to.deep.include({ attempts: 1, lastStatus: 429, dueAt: '2026-03-28T07:01:00.000Z' });
    await at('2026-03-28T07:01:00.000Z');
    expect(sentOf(w, { kind: 'reminder' }).filter((r) => r[2] === p1)).to.deep.equal([]);
    await at('2026-03-28T07:03:00.000Z'); // second backoff: 2 minutes
    expect(sentOf(w, { kind: 'reminder' }).filter((r) => r[2] === p1)).to.have.length(1);

    const unreachable = await w.jobs.listFinished(w.group.groupId, { meetingId: meeting.id, statuses: ['unreachable'] });
    expect(unreachable.filter((j) => j.kind === 'remind').map((j) => [j.userId, j.result]).sort()).to.deep.equal([
      [p2, { outcome: 'unreachable', status: 403 }],
      [p3, { outcome: 'unreachable', status: 404, reason: 'conversation_unreachable' }],
    ]);
    expect(await w.jobs.listPending({ meetingId: meeting.id, userId: p2, kinds: ['remind'] })).to.have.length(1); // only the 2 h one

    // What the leader sees; a participant may not look.
    const undelivered = await w.overview.listUndelivered(leaderId, w.group.groupId, meeting.id);
    expect(undelivered.map((u) => [u.userId, u.kind, u.status, u.httpStatus, u.reason]).sort()).to.deep.equal([
      [p2, 'remind', 'unreachable', 403, undefined],
      [p3, 'remind', 'unreachable', 404, 'conversation_unreachable'],
    ]);
    try {
      await w.overview.listUndelivered(p1, w.group.groupId);
      expect.fail('a participant saw the undelivered list');
    } catch (e) {
      expect(isDomainError(e, 'NOT_GROUP_LEADER')).to.equal(true);
    }
  });

  it('skips a person who has left the group', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(runner);
    const groups = new CosmosGroupRepository(w.store.containers);
    const group = await groups.get(w.group.groupId);
    await groups.replace({ ...group!, members: group!.members.filter((m) => m.userId !== p1) });
    await at('2026-03-28T07:00:00.000Z');
    expect(recipientsOf(sentOf(w, { kind: 'reminder', meetingId: meeting.id }))).to.deep.equal([p2, p3, memberIds[3]]);
  });
});
