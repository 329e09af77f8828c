import { expect } from 'chai';
import { CheckInService, SafetyService } from '../../../src/services/checkins';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosCheckInRepository } from '../../../src/store/checkins';
import { CosmosUserRepository } from '../../../src/store/people';
import { CosmosGroupRepository } from '../../../src/store/groups';
import { sweepExpired } from '../../../src/store/shared/expirySweep';
import { freshStore } from '../../support/cosmos';
import { dialogWorld, groupWithMembers, type DialogWorld } from '../../support/dialogDeps';
import { expectDomainError } from '../../support/expectDomainError';

describe('check-in services on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let world: DialogWorld;
  let service: CheckInService;
  let repo: CosmosCheckInRepository;
  let groupId: string;

  before(async () => {
    store = await freshStore('checkins');
    world = dialogWorld(store, '2026-12-01T10:00:00.000Z', ['test:leader', 'test:other']);
    repo = new CosmosCheckInRepository(store.containers, 730);
    service = new CheckInService(
      { checkIns: repo, users: new CosmosUserRepository(store.containers), groups: new CosmosGroupRepository(store.containers), jobs: world.jobs },
      world.clock,
      { defaultTimeZone: 'Europe/Helsinki' },
    );
    groupId = (await groupWithMembers(world.deps, 'test:leader', 'Sali', ['test:a', 'test:b'])).groupId;
    await groupWithMembers(world.deps, 'test:other', 'Museo', []);
  });
  after(async () => store.close());

  it('stores nothing before consent', async () => {
    await expectDomainError(service.save('test:stranger', 'r0', { mood: 3 }), 'CONSENT_REQUIRED');
    await expectDomainError(service.start('test:stranger'), 'CONSENT_REQUIRED');
    expect(await repo.listByUser('test:stranger', 10)).to.deep.equal([]);
  });

  it('gives the leader of the group private entries only as {kind, at}, never mood or text', async () => {
    await service.save('test:a', 'r1', { mood: 1, did: 'salaisuus', strengths: ['keptTime'] });
    world.clock.advance(60_000);
    await service.save('test:b', 'r2', { mood: 5, did: 'jaettu', shared: true });
    const view = await service.leaderView('test:leader', groupId);
    const a = view.find((m) => m.userId === 'test:a')!;
    expect(a.entries).to.deep.equal([{ kind: 'private', at: '2026-12-01T10:00:00.000Z' }]);
    const b = view.find((m) => m.userId === 'test:b')!;
    expect(b.entries[0]).to.deep.include({ kind: 'shared' });
    expect(JSON.stringify(view)).to.not.contain('salaisuus');
  });

  it('refuses the leader view to a participant and to another group leader', async () => {
    await expectDomainError(service.leaderView('test:a', groupId), 'NOT_GROUP_LEADER');
    await expectDomainError(service.leaderView('test:other', groupId), 'NOT_GROUP_LEADER');
  });

  it('shares only the person own entry: another id finds nothing in their partition', async () => {
    const [entry] = await service.listMine('test:a');
    await expectDomainError(service.setShared('test:b', entry!.id, true), 'INVALID_INPUT');
    expect((await service.setShared('test:a', entry!.id, true)).shared).to.equal(true);
    expect((await service.setShared('test:a', entry!.id, false)).shared).to.equal(false);
  });

  it('the same request id twice is one entry; the lowest mood twice in a row is reported', async () => {
    world.clock.advance(60_000);
    const first = await service.save('test:a', 'r3', { mood: 1 });
    const again = await service.save('test:a', 'r3', { mood: 1 });
    expect(first.lowMoodTwice).to.equal(true);
    expect(again.checkIn!.id).to.equal(first.checkIn!.id);
    expect((await service.listMine('test:a')).filter((c) => c.id === first.checkIn!.id)).to.have.length(1);
  });

  it('a next step with a day plans one reminder job with a deterministic id at 10:00 local', async () => {
    const { checkIn } = await service.save('test:b', 'r4', { nextStep: 'Hae paikkaa', nextStepDate: '2026-12-05' });
    const expectedId = `checkins-nextstep:test:b:${checkIn!.id}`;
    await service.save('test:b', 'r4', { nextStep: 'Hae paikkaa', nextStepDate: '2026-12-05' });
    const due = await world.jobs.findDue(new Date('2026-12-05T08:00:00.000Z'), 100);
    const mine = due.filter((j) => j.kind === 'checkins.nextStep');
    expect(mine.map((j) => [j.id, j.dueAt, j.userId])).to.deep.equal([[expectedId, '2026-12-05T08:00:00.000Z', 'test:b']]);
    await expectDomainError(service.save('test:b', 'r5', { nextStep: 'x', nextStepDate: '2026-11-30' }), 'INVALID_INPUT');
  });

  it('retention: ttl on every check-in; the local expiry sweep deletes only what has expired', async () => {
    const short = new CosmosCheckInRepository(store.containers, 1);
    await short.put({ id: 'checkin:old', userId: 'test:a', strengths: [], shared: false, createdAt: '2026-11-29T10:00:00.000Z' });
    const kept = (await repo.listByUser('test:a', 100)).length;
    const { resource: old } = await store.containers.users.item('checkin:old', 'test:a').read();
    // One day (its ttl) after its last write, by the server's own _ts: the embedded server has no TTL of its own.
    await sweepExpired(store.containers, new Date((old._ts + 86_400) * 1000));
    const after = await repo.listByUser('test:a', 100);
    expect(after.map((c) => c.id)).to.not.include('checkin:old');
    expect(after).to.have.length(kept - 1);
    const { resource } = await store.containers.users.item(after[0]!.id, 'test:a').read();
    expect(resource.ttl).to.equal(730 * 86400);
  });

  it('a contact request is one job per person and day, addressed by their group, and none without a group', async () => {
    const safety = new SafetyService({ users: new CosmosUserRepository(store.containers), groups: new CosmosGroupRepository(store.containers), jobs: world.jobs }, world.clock);
    expect(await safety.requestContact('test:a')).to.equal('planned');
    expect(await safety.requestContact('test:a')).to.equal('planned');
    expect(await safety.requestContact('test:nobody')).to.equal('noLeader');
    const due = (await world.jobs.findDue(world.clock.now(), 100)).filter((j) => j.kind === 'checkins.contact');
    expect(due.map((j) => [j.id, j.groupId, j.userId, j.payload])).to.deep.equal([['checkins-contact:test:a:2026-12-01', groupId, 'test:a', {}]]);
  });
});
