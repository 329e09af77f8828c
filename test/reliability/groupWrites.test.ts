import { expect } from 'chai';
import { isDomainError } from '../../src/domain/shared/errors';
import { CodeAttemptGuard, UserService } from '../../src/services/people';
import { GroupService } from '../../src/services/groups';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosCodeAttemptRepository, CosmosUserRepository } from '../../src/store/people';
import { CosmosGroupRepository } from '../../src/store/groups';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { freshStore } from '../support/cosmos';
import { Faults } from '../support/failingOnce';
import { ManualClock } from '../scheduler/support';

const writes = ['save', 'create', 'replace', 'putInvite', 'deleteInvite'];
const requestId = '0b7e4c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('group writes when the store fails for one write', () => {
  let store: CosmosStore;
  let faults: Faults;
  let users: UserService;
  let groups: GroupService;
  let userRepo: CosmosUserRepository;

  beforeEach(async () => {
    store = await freshStore('group-faults');
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    faults = new Faults();
    userRepo = new CosmosUserRepository(store.containers);
    const guard = new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock);
    users = new UserService(faults.wrap(userRepo), guard, { anyoneMayLead: false, leaderIds: ['t:leader'] }, clock);
    groups = new GroupService(faults.wrap(new CosmosGroupRepository(store.containers)), users, guard, { maxParticipants: 4, inviteTtlDays: 14 }, clock, new CosmosJobRepository(store.containers));
  });
  afterEach(async () => store.close());

  const stored = async (type: string) =>
    (await store.containers.groups.items.query({ query: 'SELECT * FROM c WHERE c.type = @t', parameters: [{ name: '@t', value: type }] }).fetchAll()).resources;

  /** Runs `action` with its k-th write failing, for every k until one run has no write left to fail. */
  async function atEveryWrite(action: () => Promise<unknown>, check: (k: number) => Promise<void>) {
    for (let k = 1; k < 20; k++) {
      faults.failCall(k, ...writes);
      const failed = await action().then(
        () => false,
        (e: unknown) => {
          if (!isDomainError(e, 'STORE_UNAVAILABLE')) throw e;
          return true;
        },
      );
      faults.failCalls([]);
      await check(k);
      if (!failed) return;
    }
  }

  it('creating a group: after a failure at any write no invite points at no group, and repeating the request finishes one group the leader sees', async () => {
    await atEveryWrite(
      () => groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi', requestId }),
      async (k) => {
        const groupIds = new Set((await stored('group')).map((g) => g.groupId));
        for (const invite of await stored('invite')) expect(groupIds.has(invite.targetGroupId), `write ${k}: invite to no group`).to.equal(true);
        // The same request again: one group, on the leader's list, with a code that opens it.
        const { group, invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi', requestId });
        expect((await stored('group')).map((g) => g.groupId), `write ${k}`).to.deep.equal([group.groupId]);
        expect((await groups.groupsLedBy('t:leader')).map((g) => g.groupId), `write ${k}`).to.deep.equal([group.groupId]);
        expect((await userRepo.get('t:leader'))?.leadsGroupIds).to.deep.equal([group.groupId]);
        await users.giveConsent(`t:p${k}`, 'P');
        expect((await groups.joinGroup(`t:p${k}`, invite.code)).members.map((m) => m.userId)).to.include(`t:p${k}`);
        await groups.leaveGroup(`t:p${k}`);
      },
    );
  });

  it("joining: after a failure at any write nobody holds a place without a profile naming the group, and joining again takes the place", async () => {
    const { invite, group } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    let n = 0;
    await atEveryWrite(
      async () => {
        await users.giveConsent(`t:j${++n}`, 'J');
        return groups.joinGroup(`t:j${n}`, invite.code);
      },
      async (k) => {
        const current = (await stored('group')).find((g) => g.groupId === group.groupId);
        for (const m of current.members) expect((await userRepo.get(m.userId))?.groupId, `write ${k}: ghost ${m.userId}`).to.equal(group.groupId);
        const profile = await userRepo.get(`t:j${n}`);
        if (profile?.consent?.given) {
          const joined = await groups.joinGroup(`t:j${n}`, invite.code);
          expect(joined.members.map((m) => m.userId)).to.include(`t:j${n}`);
          expect((await userRepo.get(`t:j${n}`))?.groupId).to.equal(group.groupId);
          await groups.leaveGroup(`t:j${n}`);
        }
      },
    );
  });

  it('a place taken and the compensating write failing too leaves no ghost: the profile is written first', async () => {
    const { invite, group } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    for (const id of ['t:a', 't:b', 't:c', 't:d']) await users.giveConsent(id, id);
    for (const id of ['t:a', 't:b', 't:c']) await groups.joinGroup(id, invite.code);
    // Fail the second and third writes of the join (in the old order: the profile after the place, then
    // the place given back); whatever the order, no one may hold the fourth place without a profile.
    faults.failCalls([2, 3], ...writes);
    await groups.joinGroup('t:d', invite.code).catch(() => undefined);
    faults.failCalls([]);
    const current = (await stored('group')).find((g) => g.groupId === group.groupId);
    for (const m of current.members) expect((await userRepo.get(m.userId))?.groupId, `ghost ${m.userId}`).to.equal(group.groupId);
    await users.giveConsent('t:e', 'E');
    if (current.members.length < 4) expect((await groups.joinGroup('t:e', invite.code)).members).to.have.length(4);
  });

  it("a profile naming a group that does not list the person is repaired by the next read", async () => {
    const { group } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await users.giveConsent('t:x', 'X');
    await users.update('t:x', (u) => ({ ...u, groupId: group.groupId }));
    expect(await groups.groupOf('t:x')).to.equal(undefined);
    expect((await userRepo.get('t:x'))?.groupId).to.equal(undefined);
  });

  it('an invite left pointing at no group opens nothing and is removed', async () => {
    await store.containers.groups.items.create({ type: 'invite', id: 'invite', groupId: 'invite:ABCDE-23456', code: 'ABCDE-23456', targetGroupId: 'g-gone', expiresAt: '2026-12-31T00:00:00.000Z', createdAt: '2026-11-01T00:00:00.000Z' });
    await users.giveConsent('t:y', 'Y');
    const err = await groups.joinGroup('t:y', 'ABCDE-23456').catch((e: unknown) => e);
    expect(isDomainError(err, 'INVITE_INVALID')).to.equal(true);
    expect(await stored('invite')).to.deep.equal([]);
  });
});
