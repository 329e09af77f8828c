import { expect } from 'chai';
import { CosmosDialogStateStorage } from '../../../src/store/shared/dialogStateStorage';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import { freshStore } from '../../support/cosmos';
import { countingStore, leaderId, makeWorld, ManualClock } from '../../scheduler/support';

describe('bounded reads and data with an end', () => {
  it('a finished job and a dialog state carry the configured Cosmos ttl; a pending job none', async () => {
    const store = await freshStore('ttl');
    try {
      const jobs = new CosmosJobRepository(store.containers, 7 * 86_400);
      const clock = new ManualClock('2026-05-04T09:00:00.000Z');
      await jobs.plan({ id: 'probe:1', kind: 'probe', dueAt: '2026-05-04T09:00:00.000Z', groupId: 'g-ttl', payload: {} }, clock.now());
      await jobs.plan({ id: 'probe:2', kind: 'probe', dueAt: '2026-05-05T09:00:00.000Z', groupId: 'g-ttl', payload: {} }, clock.now());
      const [due] = await jobs.findDue(clock.now(), 10);
      await jobs.finish(due!, 'sent', { outcome: 'sent' }, clock.now());
      const { resources } = await store.containers.jobs.items.query('SELECT c.id, c.pk, c.ttl FROM c').fetchAll();
      expect(resources.map((r) => [r.id, r.pk, r.ttl ?? null]).sort()).to.deep.equal([
        ['probe:1', 'done:g-ttl', 7 * 86_400],
        ['probe:2', 'pending', null],
      ]);
      await new CosmosDialogStateStorage(store.containers.botstate, 3 * 86_400).write({ 'msteams/conversations/c1/users/u1': { dialogState: {} } });
      const state = await store.containers.botstate.items.query('SELECT c.ttl FROM c').fetchAll();
      expect(state.resources).to.deep.equal([{ ttl: 3 * 86_400 }]);
    } finally {
      await store.close();
    }
  });

  it('listFinished bounds by finishing time in the query', async () => {
    const store = await freshStore('since');
    try {
      const jobs = new CosmosJobRepository(store.containers);
      const clock = new ManualClock('2026-05-01T09:00:00.000Z');
      for (const [i, at] of ['2026-05-01T09:00:00.000Z', '2026-05-20T09:00:00.000Z'].entries()) {
        clock.set(at);
        await jobs.plan({ id: `probe:${i}`, kind: 'probe', dueAt: at, groupId: 'g-since', payload: {} }, clock.now());
        const [due] = await jobs.findDue(clock.now(), 10);
        await jobs.finish(due!, 'failed', { outcome: 'failed' }, clock.now());
      }
      const recent = await jobs.listFinished('g-since', { since: '2026-05-10T00:00:00.000Z' });
      expect(recent.map((j) => j.id)).to.deep.equal(['probe:1']);
    } finally {
      await store.close();
    }
  });

  it("the leader's overview costs the same number of store requests for one meeting or four", async () => {
    const counted = await countingStore('overview');
    try {
      const w = await makeWorld(counted.store, '2026-03-20T10:00:00.000Z');
      const meeting = (day: number) => ({ title: 'Kuntosali', start: `2026-03-${day}T09:00`, durationMinutes: 60, place: 'Sali' });
      await w.meetings.scheduleMeeting(leaderId, w.group.groupId, meeting(24));
      const cost = async () => {
        const before = counted.requests();
        await w.overview.leaderOverview(leaderId, w.group);
        return counted.requests() - before;
      };
      const one = await cost();
      for (const day of [25, 26, 27]) await w.meetings.scheduleMeeting(leaderId, w.group.groupId, meeting(day));
      expect(await cost()).to.equal(one);
    } finally {
      await counted.close();
    }
  });
});
