import { expect } from 'chai';
import type { Job } from '../../../src/domain/shared/schedule';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';
import { expectDomainError } from '../../support/expectDomainError';
import { drain, leaderId, makeWorld, memberIds, minutes, type World } from '../../scheduler/support';

const [p1, p2] = memberIds;


const byKind = (jobs: Job[], kind: string) => jobs.filter((j) => j.kind === kind);
const dueOf = (jobs: Job[], userId: string) =>
  jobs
    .filter((j) => j.userId === userId)
    .map((j) => `${j.kind}@${j.dueAt}`)
    .sort();

describe('meeting services on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let w: World;
  const gym = { title: 'Kuntosali', start: '2026-03-29T09:00', durationMinutes: 90, place: 'Urheilutalo' };

  beforeEach(async () => {
    store = await freshStore('meetings');
    w = await makeWorld(store, '2026-03-20T10:00:00.000Z');
  });
  afterEach(async () => store.close());

  describe('scheduling', () => {
    it('lets only the group leader schedule; a participant gets NOT_GROUP_LEADER and nothing is stored', async () => {
      await expectDomainError(w.meetings.scheduleMeeting(p1, w.group.groupId, gym), 'NOT_GROUP_LEADER');
      expect(await w.meetingsRepo.listUpcoming(w.group.groupId, '2026-01-01T00:00:00.000Z')).to.deep.equal([]);
      await expectDomainError(w.meetings.scheduleMeeting(leaderId, 'g-nope', gym), 'GROUP_NOT_FOUND');
    });

    it('refuses the past, a local time that does not exist, and bad input', async () => {
      await expectDomainError(w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: '2026-03-20T11:00' }), 'MEETING_IN_PAST');
      await expectDomainError(w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: '2026-03-29T03:30' }), 'INVALID_INPUT');
      await expectDomainError(w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, title: '  ' }), 'INVALID_INPUT');
      await expectDomainError(w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, durationMinutes: 0 }), 'INVALID_INPUT');
    });

    it('stores the start in UTC and plans, per participant, a notice, 24 h and 2 h reminders and a reflection prompt; the leader a roster at the end', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      expect(meeting).to.include({ startsAt: '2026-03-29T06:00:00.000Z', endsAt: '2026-03-29T07:30:00.000Z', status: 'scheduled', revision: 1 });
      expect(meeting.id).to.match(/^session:[0-9a-f-]{36}$/);
      const jobs = await w.jobs.listPending({ meetingId: meeting.id });
      expect(jobs).to.have.length(17);
      expect(jobs.filter((j) => j.userId === leaderId).map((j) => `${j.kind}@${j.dueAt}`)).to.deep.equal(['attendance@2026-03-29T07:30:00.000Z']);
      // 09:00 EEST on the spring-forward Sunday: the day before at 09:00 EET; 2 h before is 07:00 EEST, still
      // quiet, so it goes at 08:00 EEST (05:00Z); the prompt 30 min after the end.
      expect(dueOf(jobs, p1)).to.deep.equal([
        'notify@2026-03-20T10:00:00.000Z',
        'reflect@2026-03-29T08:00:00.000Z',
        'remind@2026-03-28T07:00:00.000Z',
        'remind@2026-03-29T05:00:00.000Z',
      ]);
    });

    it('returns the same meeting for a repeated request and plans nothing twice', async () => {
      const requestId = '6f1c7a52-8f9e-4c51-a7f4-2d4b1b9f0c11';
      const first = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, requestId });
      const again = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, requestId });
      expect(again.id).to.equal(first.id).and.to.equal(`session:${requestId}`);
      expect(await w.meetingsRepo.listUpcoming(w.group.groupId, '2026-01-01T00:00:00.000Z')).to.have.length(1);
      expect(await w.jobs.listPending({ meetingId: first.id })).to.have.length(17);
    });

    it('plans no reminder that would already be past or that quiet hours would push past the start', async () => {
      // Now 10:00Z = 12:00 EET; a meeting at 13:30 local today: the 24 h and 2 h reminders are past.
      const soon = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: '2026-03-20T13:30' });
      expect(byKind(await w.jobs.listPending({ meetingId: soon.id }), 'remind')).to.deep.equal([]);
      // 07:30 local: the 24 h reminder (07:30 the day before) is quiet and goes at 08:00 that day; the 2 h one
      // (05:30) would go at 08:00, after the start, so it is not planned.
      const early = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: '2026-03-25T07:30' });
      const reminders = byKind(await w.jobs.listPending({ meetingId: early.id, userId: p1 }), 'remind');
      expect(reminders.map((j) => j.dueAt)).to.deep.equal(['2026-03-24T06:00:00.000Z']);
    });

    it("respects a person's own offsets, and quiet hours in the person's own zone", async () => {
      await w.prefs.update(p1, { offsetsMinutes: [3 * 24 * 60, 45] });
      await w.users.save({ ...(await w.users.get(p2))!, timeZone: 'America/New_York' });
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { ...gym, start: '2026-03-27T10:00' });
      const jobs = await w.jobs.listPending({ meetingId: meeting.id });
      // 10:00 EET = 08:00Z: three calendar days before, and 45 minutes before.
      expect(byKind(jobs, 'remind').filter((j) => j.userId === p1).map((j) => j.dueAt).sort()).to.deep.equal([
        '2026-03-24T08:00:00.000Z',
        '2026-03-27T07:15:00.000Z',
      ]);
      // In New York (UTC-4) the 24 h reminder (08:00Z) is 04:00 local: it waits for 08:00 local (12:00Z); the 2 h
      // one (06:00Z, 02:00 local) would wait past the start, so it is not planned.
      expect(byKind(jobs, 'remind').filter((j) => j.userId === p2).map((j) => j.dueAt)).to.deep.equal(['2026-03-26T12:00:00.000Z']);
    });
  });

  describe('moving and cancelling', () => {
    it('gives the leader a meeting that can still change, and says why not otherwise', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      expect((await w.meetings.ledMeeting(leaderId, w.group.groupId, meeting.id)).meeting.id).to.equal(meeting.id);
      await expectDomainError(w.meetings.ledMeeting(p1, w.group.groupId, meeting.id), 'NOT_GROUP_LEADER');
      await expectDomainError(w.meetings.ledMeeting(leaderId, w.group.groupId, 'session:nope'), 'MEETING_NOT_FOUND');
      w.clock.set(meeting.endsAt);
      await expectDomainError(w.meetings.ledMeeting(leaderId, w.group.groupId, meeting.id), 'MEETING_IN_PAST');
    });

    it('moves the reminders: old ones cancelled, new ones at the new time, participants told', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      await w.attendance.rsvp(p1, w.group.groupId, meeting.id, 'yes'); // p1 knows of it: told of the move
      await expectDomainError(w.meetings.moveMeeting(p1, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' }), 'NOT_GROUP_LEADER');
      const moved = await w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
      expect(moved).to.include({ startsAt: '2026-03-31T09:00:00.000Z', endsAt: '2026-03-31T10:30:00.000Z', revision: 2 });

      const pending = await w.jobs.listPending({ meetingId: meeting.id, userId: p1 });
      expect(pending.map((j) => `${j.kind}@${j.dueAt}`).sort()).to.deep.equal([
        'notify@2026-03-20T10:00:00.000Z', // the first notice, still to go: its handler skips it as superseded
        'notify@2026-03-20T10:00:00.000Z',
        'reflect@2026-03-31T11:00:00.000Z',
        'remind@2026-03-30T09:00:00.000Z',
        'remind@2026-03-31T07:00:00.000Z',
      ]);
      const notice = pending.find((j) => j.kind === 'notify' && j.payload.event === 'moved');
      expect(notice?.payload).to.deep.include({ revision: 2, previousStartsAt: '2026-03-29T06:00:00.000Z' });
      const others = await w.jobs.listPending({ meetingId: meeting.id, userId: p2 });
      // p2 never heard of the meeting (its first notice is still to go): the notice of the new time is a new meeting's.
      expect(others.filter((j) => j.kind === 'notify').map((j) => `${j.payload.event}:r${j.payload.revision}`).sort()).to.deep.equal(['scheduled:r1', 'scheduled:r2']);
      expect(others.find((j) => j.payload.revision === 2 && j.kind === 'notify')?.payload).to.not.have.property('previousStartsAt');
      const cancelled = await w.jobs.listFinished(w.group.groupId, { meetingId: meeting.id, statuses: ['cancelled'] });
      expect(cancelled).to.have.length(13);
      expect(cancelled.every((j) => j.result?.reason === 'meeting_moved' && j.payload.revision === 1)).to.equal(true);
      const roster = await w.jobs.listPending({ meetingId: meeting.id, userId: leaderId });
      expect(roster.map((j) => `${j.kind}@${j.dueAt}`)).to.deep.equal(['attendance@2026-03-31T10:30:00.000Z']);
    });

    it('cancels: reminders and prompts never go, each participant who was told gets one notice, and repeating changes nothing', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      await drain(w.runner()); // the notices of the new meeting go out: now there is something to cancel
      await expectDomainError(w.meetings.cancelMeeting(p1, w.group.groupId, meeting.id), 'NOT_GROUP_LEADER');
      const cancelled = await w.meetings.cancelMeeting(leaderId, w.group.groupId, meeting.id);
      expect(cancelled.meeting).to.include({ status: 'cancelled', cancelledAt: '2026-03-20T10:00:00.000Z' });
      expect(cancelled).to.include({ told: 4, notTold: 0 });
      await w.meetings.cancelMeeting(leaderId, w.group.groupId, meeting.id);
      const pending = await w.jobs.listPending({ meetingId: meeting.id });
      expect(byKind(pending, 'remind').concat(byKind(pending, 'reflect'), byKind(pending, 'attendance'))).to.deep.equal([]);
      const notices = byKind(pending, 'notify').filter((j) => j.payload.event === 'cancelled');
      expect(notices.map((j) => j.userId).sort()).to.deep.equal([...memberIds].sort());
      await expectDomainError(w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' }), 'MEETING_CANCELLED');
    });

    it('sends no cancellation to participants whose notice of the meeting never went', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      expect(await w.meetings.cancelMeeting(leaderId, w.group.groupId, meeting.id)).to.include({ told: 0, notTold: 4 });
      const pending = await w.jobs.listPending({ meetingId: meeting.id });
      expect(byKind(pending, 'notify').filter((j) => j.payload.event === 'cancelled')).to.deep.equal([]);
    });

    it('tells of a cancellation whoever knew of the meeting: by its notice, a reminder, or their own answer', async () => {
      const [, q2, q3, q4] = memberIds;
      // The notice reaches only p1; the 24 h reminder reaches p2 as well; p3 answers from the list; p4 heard nothing.
      w.messenger.script((owner, _c, m) => (owner !== p1 && m.text?.startsWith('meeting_scheduled')) || (owner !== q2 && m.text?.startsWith('reminder')) ? { kind: 'unreachable', status: 403 } : undefined);
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      await drain(w.runner());
      await w.attendance.rsvp(q3, w.group.groupId, meeting.id, 'yes');
      w.clock.set('2026-03-28T07:00:00.000Z'); // 09.00 the day before: the 24 h reminders
      await drain(w.runner());
      expect(await w.meetings.cancelMeeting(leaderId, w.group.groupId, meeting.id)).to.include({ told: 3, notTold: 1 });
      const notices = byKind(await w.jobs.listPending({ meetingId: meeting.id }), 'notify').filter((j) => j.payload.event === 'cancelled');
      expect(notices.map((j) => j.userId).sort()).to.deep.equal([p1, q2, q3].sort());
      expect(notices.map((j) => j.userId)).to.not.include(q4);
    });
  });

  describe('RSVP and attendance', () => {
    it('records one answer per participant (a repeat overwrites) and only from members', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      await w.attendance.rsvp(p1, w.group.groupId, meeting.id, 'maybe');
      await w.attendance.rsvp(p1, w.group.groupId, meeting.id, 'yes');
      await w.attendance.rsvp(p2, w.group.groupId, meeting.id, 'no');
      const answers = await w.attendance.listRsvps(w.group.groupId, meeting.id);
      expect(answers.map((a) => [a.userId, a.answer]).sort()).to.deep.equal([
        [p1, 'yes'],
        [p2, 'no'],
      ]);
      await expectDomainError(w.attendance.rsvp('msteams:stranger', w.group.groupId, meeting.id, 'yes'), 'NOT_IN_GROUP');
      await expectDomainError(w.attendance.rsvp(p1, w.group.groupId, 'session:nope', 'yes'), 'MEETING_NOT_FOUND');
      w.clock.set(meeting.endsAt);
      await expectDomainError(w.attendance.rsvp(p1, w.group.groupId, meeting.id, 'no'), 'MEETING_IN_PAST');
    });

    it('lets only the leader record attendance, and only for members', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      w.clock.set('2026-03-29T07:00:00.000Z');
      await expectDomainError(w.attendance.recordAttendance(p1, w.group.groupId, meeting.id, p1, 'present'), 'NOT_GROUP_LEADER');
      await expectDomainError(w.attendance.recordAttendance(leaderId, w.group.groupId, meeting.id, 'msteams:stranger', 'present'), 'NOT_IN_GROUP');
      await w.attendance.recordAttendance(leaderId, w.group.groupId, meeting.id, p1, 'absent');
      await w.attendance.recordAttendance(leaderId, w.group.groupId, meeting.id, p1, 'present');
      await w.attendance.recordAttendance(leaderId, w.group.groupId, meeting.id, p2, 'absent');
      const records = await w.attendance.listAttendance(leaderId, w.group.groupId, meeting.id);
      expect(records.map((a) => [a.userId, a.status, a.recordedBy]).sort()).to.deep.equal([
        [p1, 'present', leaderId],
        [p2, 'absent', leaderId],
      ]);
      await expectDomainError(w.attendance.listAttendance(p1, w.group.groupId, meeting.id), 'NOT_GROUP_LEADER');
    });
  });

  describe('reminder preferences and pauses', () => {
    it('re-plans upcoming meetings when a person changes offsets or quiet hours', async () => {
      const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
      await w.prefs.update(p1, { offsetsMinutes: [30], quietHours: { start: '22:00', end: '06:00' } });
      const reminders = byKind(await w.jobs.listPending({ meetingId: meeting.id, userId: p1 }), 'remind');
      // The new 30 min reminder is planned; the old ones stay pending and their handler skips them.
      expect(reminders.map((j) => j.id).sort()).to.deep.equal([
        `remind:${meeting.id}:${p1}:24h:r1`,
        `remind:${meeting.id}:${p1}:2h:r1`,
        `remind:${meeting.id}:${p1}:30m:r1`,
      ]);
      await expectDomainError(w.prefs.update(p1, { offsetsMinutes: [1] }), 'INVALID_INPUT');
      await expectDomainError(w.prefs.update(p1, { quietHours: { start: '25:00', end: '06:00' } }), 'INVALID_INPUT');
      expect((await w.prefs.get(p1)).offsetsMinutes).to.deep.equal([30]);
    });

    it('keeps every pause in the history, ending a running one when a new one starts', async () => {
      await expectDomainError(w.prefs.startPause(p1, 'ill', '2026-03-19'), 'INVALID_INPUT');
      const first = await w.prefs.startPause(p1, 'job_interview', '2026-03-21');
      expect(await w.prefs.currentPause(p1)).to.deep.include({ reason: 'job_interview', until: '2026-03-21', zone: 'Europe/Helsinki' });
      w.clock.advance(minutes(60));
      await w.prefs.startPause(p1, 'ill', '2026-03-25');
      w.clock.advance(minutes(60));
      await w.prefs.endPause(p1);
      expect(await w.prefs.currentPause(p1)).to.equal(undefined);
      const history = await w.prefs.pauseHistory(p1);
      expect(history.map((p) => [p.reason, p.createdAt, p.endedAt])).to.deep.equal([
        ['job_interview', first.createdAt, '2026-03-20T11:00:00.000Z'],
        ['ill', '2026-03-20T11:00:00.000Z', '2026-03-20T12:00:00.000Z'],
      ]);
    });
  });
});
