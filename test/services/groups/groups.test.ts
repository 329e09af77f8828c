import { expect } from 'chai';
import type { Clock } from '../../../src/domain/shared/clock';
import { isDomainError } from '../../../src/domain/shared/errors';
import { CodeAttemptGuard } from '../../../src/services/people/codeAttempts';
import { GroupService } from '../../../src/services/groups/groups';
import { UserService } from '../../../src/services/people/users';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosCodeAttemptRepository, CosmosUserRepository } from '../../../src/store/people/repositories';
import { CosmosGroupRepository } from '../../../src/store/groups/repositories';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import { freshStore } from '../../support/cosmos';
import { expectDomainError } from '../../support/expectDomainError';

class TestClock implements Clock {
  constructor(private t: number) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
}


describe('group services on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let clock: TestClock;
  let users: UserService;
  let groups: GroupService;

  beforeEach(async () => {
    store = await freshStore('groups');
    clock = new TestClock(Date.parse('2026-11-25T10:00:00Z'));
    const guard = new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock);
    users = new UserService(new CosmosUserRepository(store.containers), guard, { anyoneMayLead: false, leaderIds: ['t:leader'], signupCode: 'lead-the-way-2026' }, clock);
    groups = new GroupService(new CosmosGroupRepository(store.containers), users, guard, { maxParticipants: 4, inviteTtlDays: 14 }, clock, new CosmosJobRepository(store.containers));
  });
  afterEach(async () => store.close());

  const consenting = async (id: string) => users.giveConsent(id, id.toUpperCase());

  it('lets only leaders create groups; a participant gets NOT_LEADER and nothing is stored', async () => {
    await expectDomainError(groups.createGroup('t:someone', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' }), 'NOT_LEADER');
    expect(await groups.groupsLedBy('t:someone')).to.have.length(0);
    const { group, invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    expect(group.inviteCode).to.equal(invite.code);
    expect(invite.code).to.match(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  });

  it('grants leadership for the sign-up code and rate-limits wrong ones', async () => {
    for (let i = 0; i < 5; i++) await expectDomainError(users.claimLeadership('t:staff', 'wrong'), 'SIGNUP_CODE_INVALID');
    await expectDomainError(users.claimLeadership('t:staff', 'lead-the-way-2026'), 'RATE_LIMITED');
    clock.advance(16 * 60_000);
    const user = await users.claimLeadership('t:staff', 'lead-the-way-2026');
    expect(users.mayLead(user, 't:staff')).to.equal(true);
  });

  it('requires consent before joining', async () => {
    const { invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await expectDomainError(groups.joinGroup('t:p1', invite.code), 'CONSENT_REQUIRED');
    expect((await users.get('t:p1'))?.groupId).to.equal(undefined);
  });

  it('rejects wrong and expired codes and rate-limits guessing per user', async () => {
    const { invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await consenting('t:p1');
    for (let i = 0; i < 5; i++) await expectDomainError(groups.joinGroup('t:p1', 'ZZZZZ-ZZZZZ'), 'INVITE_INVALID');
    await expectDomainError(groups.joinGroup('t:p1', invite.code), 'RATE_LIMITED');
    await consenting('t:p2');
    clock.advance(15 * 86_400_000);
    await expectDomainError(groups.joinGroup('t:p2', invite.code), 'INVITE_EXPIRED');
    const group = await groups.roster('t:leader', invite.targetGroupId);
    expect(group.members).to.have.length(0);
  });

  it('takes at most four participants even when six join at the same moment', async () => {
    const { invite, group } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    const ids = ['t:a', 't:b', 't:c', 't:d', 't:e', 't:f'];
    for (const id of ids) await consenting(id);
    const results = await Promise.allSettled(ids.map((id) => groups.joinGroup(id, invite.code)));
    const full = results.filter((r) => r.status === 'rejected' && isDomainError(r.reason, 'GROUP_FULL'));
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(4);
    expect(full).to.have.length(2);
    const roster = await groups.roster('t:leader', group.groupId);
    expect(roster.members).to.have.length(4);
    const inGroup = await Promise.all(ids.map(async (id) => (await users.get(id))?.groupId));
    expect(inGroup.filter((g) => g === group.groupId)).to.have.length(4);
  });

  it('keeps a participant in one group at a time, and lets them leave', async () => {
    const a = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    const b = await groups.createGroup('t:leader', { name: 'Museum', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await consenting('t:p1');
    await groups.joinGroup('t:p1', a.invite.code);
    await expectDomainError(groups.joinGroup('t:p1', b.invite.code), 'ALREADY_IN_GROUP');
    await groups.leaveGroup('t:p1');
    await groups.joinGroup('t:p1', b.invite.code);
    expect((await groups.roster('t:leader', a.group.groupId)).members).to.have.length(0);
    expect((await groups.roster('t:leader', b.group.groupId)).members.map((m) => m.userId)).to.deep.equal(['t:p1']);
  });

  it('shows a roster only to the group\'s own leader, and a renewed code retires the old one (which then says it was replaced)', async () => {
    const { group, invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await expectDomainError(groups.roster('t:p1', group.groupId), 'NOT_GROUP_LEADER');
    const renewed = await groups.renewInvite('t:leader', group.groupId);
    expect(renewed.invite.code).to.not.equal(invite.code);
    await consenting('t:p1');
    await expectDomainError(groups.joinGroup('t:p1', invite.code), 'INVITE_REPLACED');
    await groups.joinGroup('t:p1', renewed.invite.code);
  });

  it('reports a store that is down as STORE_UNAVAILABLE and changes nothing', async () => {
    const { invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await consenting('t:p1');
    const down = { ...store.containers.groups, item: () => ({ read: () => Promise.reject(Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' })) }) };
    const brokenGroups = new GroupService(
      new CosmosGroupRepository({ ...store.containers, groups: down as never }),
      users,
      new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock),
      { maxParticipants: 4, inviteTtlDays: 14 },
      clock,
      new CosmosJobRepository(store.containers),
    );
    await expectDomainError(brokenGroups.joinGroup('t:p1', invite.code), 'STORE_UNAVAILABLE');
    expect((await users.get('t:p1'))?.groupId).to.equal(undefined);
  });
});
