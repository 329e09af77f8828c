import { expect } from 'chai';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { sweepExpired } from '../../../src/store/shared/expirySweep';
import { freshStore } from '../../support/cosmos';

describe('expiry sweep of local mode (the embedded server has no TTL)', () => {
  let store: CosmosStore;
  beforeEach(async () => {
    store = await freshStore('expiry');
  });
  afterEach(async () => store.close());

  it('the embedded server keeps _ts (seconds of the last write) on every document', async () => {
    const { resource } = await store.containers.groups.items.create({ id: 'x', groupId: 'g-1', type: 'probe' });
    expect(resource?._ts).to.be.a('number');
    expect(Math.abs((resource!._ts as number) - Date.now() / 1000)).to.be.lessThan(120);
  });

  it('deletes any document of any container whose ttl has passed, and nothing else', async () => {
    const { containers } = store;
    await containers.jobs.items.create({ id: 'done-old', pk: 'done:g-1', type: 'job', ttl: 3600 });
    await containers.jobs.items.create({ id: 'done-keep', pk: 'done:g-1', type: 'job', ttl: 30 * 86_400 });
    await containers.jobs.items.create({ id: 'pending', pk: 'pending', type: 'job' });
    await containers.botstate.items.create({ id: 's-1', type: 'dialogState', ttl: 3600 });
    await containers.users.items.create({ id: 'checkin:1', userId: 'msteams:p1', type: 'checkin', ttl: 3600 });
    await containers.groups.items.create({ id: 'g-1', groupId: 'g-1', type: 'group' });
    // Two hours after the writes: the one-hour documents have expired, in whichever container they are.
    const twoHoursLater = new Date(Date.now() + 2 * 3600_000);
    const swept = await sweepExpired(containers, twoHoursLater);
    expect(swept).to.deep.equal({ deleted: 3, byContainer: { groups: 0, users: 1, jobs: 1, botstate: 1 } });
    const ids = async (c: keyof typeof containers) => (await containers[c].items.query('SELECT c.id FROM c').fetchAll()).resources.map((r) => r.id).sort();
    expect(await ids('jobs')).to.deep.equal(['done-keep', 'pending']);
    expect(await ids('botstate')).to.deep.equal([]);
    expect(await ids('users')).to.deep.equal([]);
    expect(await ids('groups')).to.deep.equal(['g-1']);
    // A second sweep at the same time finds nothing more.
    expect((await sweepExpired(containers, twoHoursLater)).deleted).to.equal(0);
  });
});
