import { expect } from 'chai';
import type { Meeting } from '../../../src/domain/meetings';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import { CosmosMeetingRepository } from '../../../src/store/meetings';
import { freshStore } from '../../support/cosmos';

const at = '2026-11-25T10:00:00.000Z';

/** The code says meeting; what is already stored says session and must stay readable without a migration. */
describe('stored names of meetings (the store maps them)', () => {
  let store: CosmosStore;
  let meetings: CosmosMeetingRepository;
  before(async () => {
    store = await freshStore('storedNames');
    meetings = new CosmosMeetingRepository(store.containers);
  });
  after(async () => store.close());

  const raw = async (container: 'groups' | 'jobs', id: string, pk: string) => (await store.containers[container].item(id, pk).read()).resource as Record<string, unknown>;

  it("writes a meeting as type 'session' with a 'session:' id, its RSVPs with sessionId, and reads them back as meetings", async () => {
    const id = meetings.idFor('0b7c2f4e-9d7a-4c35-8a59-2f1d1f7e2a10');
    expect(id).to.equal('session:0b7c2f4e-9d7a-4c35-8a59-2f1d1f7e2a10');
    const meeting: Meeting = {
      id,
      groupId: 'g1',
      title: 'Ryhmätapaaminen',
      startsAt: '2026-12-01T08:00:00.000Z',
      endsAt: '2026-12-01T09:30:00.000Z',
      place: 'Kirjasto',
      status: 'scheduled',
      revision: 1,
      createdBy: 'msteams:leader',
      createdAt: at,
      updatedAt: at,
    };
    const created = await meetings.create(meeting);
    expect(created).to.not.have.property('type');
    const stored = await raw('groups', id, 'g1');
    expect(stored.type).to.equal('session');

    await meetings.putRsvp({ id: `rsvp:${id}:msteams:p1`, groupId: 'g1', meetingId: id, userId: 'msteams:p1', answer: 'yes', answeredAt: at });
    const storedRsvp = await raw('groups', `rsvp:${id}:msteams:p1`, 'g1');
    expect(storedRsvp.sessionId).to.equal(id);
    expect(storedRsvp).to.not.have.property('meetingId');
    expect((await meetings.listRsvps('g1', id)).map((r) => r.meetingId)).to.deep.equal([id]);
    expect((await meetings.listUpcoming('g1', at)).map((m) => m.id)).to.deep.equal([id]);
  });

  it('keeps sessionId, sessionStartsAt in a job and its payload, and finds pending jobs of a meeting by it', async () => {
    const jobs = new CosmosJobRepository(store.containers);
    const request = {
      id: 'remind:session:s1:msteams:p1:2h:r1',
      kind: 'remind',
      dueAt: '2026-12-01T06:00:00.000Z',
      groupId: 'g1',
      meetingId: 'session:s1',
      userId: 'msteams:p1',
      payload: { meetingId: 'session:s1', revision: 1, meetingStartsAt: '2026-12-01T08:00:00.000Z', offsetMinutes: 120, snoozes: 0 },
    };
    expect(await jobs.plan(request, new Date(at))).to.equal('created');
    const stored = await raw('jobs', request.id, 'pending');
    expect(stored.sessionId).to.equal('session:s1');
    expect(stored.payload).to.deep.include({ sessionId: 'session:s1', sessionStartsAt: '2026-12-01T08:00:00.000Z' });
    expect(stored).to.not.have.property('meetingId');
    const pending = await jobs.listPending({ meetingId: 'session:s1' });
    expect(pending.map((j) => [j.meetingId, j.payload.meetingStartsAt])).to.deep.equal([['session:s1', '2026-12-01T08:00:00.000Z']]);
  });
});
