import { expect } from 'chai';
import { MeetingPlanning } from '../../src/services/meetings';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { expectDomainError } from '../support/expectDomainError';
import { failingOnce } from '../support/failingOnce';
import { drain, leaderId, makeWorld, memberIds, type World } from '../scheduler/support';

describe('a move that failed half-way, repeated', () => {
  let store: CosmosStore;
  let w: World;
  const gym = { title: 'Kuntosali', start: '2026-03-29T09:00', durationMinutes: 90, place: 'Urheilutalo' };

  beforeEach(async () => {
    store = await freshStore('move-retry');
    w = await makeWorld(store, '2026-03-20T10:00:00.000Z');
  });
  afterEach(async () => store.close());

  it('plans every job of the new time and tells every participant, with the old time', async () => {
    const jobs = failingOnce(w.jobs);
    const meetings = new MeetingPlanning({ groups: w.app.repositories.groups, meetings: w.meetingsRepo, jobs, prefs: w.prefsRepo, users: w.users }, w.clock);
    const meeting = await meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await drain(w.runner()); // everyone hears of the meeting: the move is news of a move to them all
    // The store fails on the fourth job the move plans: the meeting is already at its new time.
    jobs.fail.failCall(4, 'plan');
    await expectDomainError(meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' }), 'STORE_UNAVAILABLE');
    expect((await w.meetingsRepo.get(w.group.groupId, meeting.id))?.startsAt).to.equal('2026-03-31T09:00:00.000Z');

    const again = await meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
    expect(again.revision).to.equal(2);
    const pending = (await w.jobs.listPending({ meetingId: meeting.id })).filter((j) => j.payload.revision === 2);
    // Per participant: the notice, two reminders, the reflection prompt; the leader's roster: 17 in all.
    expect(pending).to.have.length(17);
    const notices = pending.filter((j) => j.kind === 'notify');
    expect(notices.map((j) => j.userId).sort()).to.deep.equal([...memberIds].sort());
    for (const notice of notices) expect(notice.payload).to.deep.include({ event: 'moved', previousStartsAt: '2026-03-29T06:00:00.000Z' });
    // And nothing of the old time is left to go.
    const stale = (await w.jobs.listPending({ meetingId: meeting.id })).filter((j) => j.payload.revision === 1 && j.kind !== 'notify');
    expect(stale).to.deep.equal([]);
  });

  it('repeating a move that went through changes nothing more', async () => {
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, gym);
    await w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
    const before = (await w.jobs.listPending({ meetingId: meeting.id })).map((j) => `${j.id}@${j.updatedAt}`).sort();
    const again = await w.meetings.moveMeeting(leaderId, w.group.groupId, meeting.id, { start: '2026-03-31T12:00' });
    expect(again.revision).to.equal(2);
    expect((await w.jobs.listPending({ meetingId: meeting.id })).map((j) => `${j.id}@${j.updatedAt}`).sort()).to.deep.equal(before);
  });
});
