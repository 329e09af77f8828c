import { expect } from 'chai';
import { CodeAttemptGuard } from '../../../src/services/people/codeAttempts';
import { GroupService } from '../../../src/services/groups/groups';
import { UserService } from '../../../src/services/people/users';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosCodeAttemptRepository, CosmosUserRepository } from '../../../src/store/people/repositories';
import { CosmosGroupRepository } from '../../../src/store/groups/repositories';
import { ManualClock } from '../../scheduler/support';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import { freshStore } from '../../support/cosmos';
import { expectDomainError } from '../../support/expectDomainError';

/** What each of a burst of tries came back with: the error code, or 'ok'. */
async function outcomes(tries: Array<Promise<unknown>>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of await Promise.allSettled(tries)) {
    const key = r.status === 'fulfilled' ? 'ok' : String((r.reason as { code?: string }).code ?? (r.reason as Error).message);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('code tries are counted before they are evaluated, even when they arrive together', () => {
  let store: CosmosStore;
  let clock: ManualClock;
  let users: UserService;
  let groups: GroupService;

  beforeEach(async () => {
    store = await freshStore('codes');
    clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const guard = new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock);
    users = new UserService(new CosmosUserRepository(store.containers), guard, { anyoneMayLead: false, leaderIds: ['t:leader'], signupCode: 'lead-the-way-2026' }, clock);
    groups = new GroupService(new CosmosGroupRepository(store.containers), users, guard, { maxParticipants: 4, inviteTtlDays: 14 }, clock, new CosmosJobRepository(store.containers));
  });
  afterEach(async () => store.close());

  it('evaluates at most 5 of 30 concurrent wrong invite codes, then refuses the right one until the wait is over', async () => {
    const { invite } = await groups.createGroup('t:leader', { name: 'Gym', timeZone: 'Europe/Helsinki', locale: 'fi' });
    await users.giveConsent('t:guesser', 'Guesser');
    const burst = await outcomes(Array.from({ length: 30 }, () => groups.joinGroup('t:guesser', 'ZZZZZ-ZZZZZ')));
    expect(burst.INVITE_INVALID).to.equal(5);
    expect((burst.RATE_LIMITED ?? 0) + (burst.CONFLICT ?? 0)).to.equal(25);
    await expectDomainError(groups.joinGroup('t:guesser', invite.code), 'RATE_LIMITED');
    clock.advance(15 * 60_000 + 1);
    expect((await groups.joinGroup('t:guesser', invite.code)).members.map((m) => m.userId)).to.deep.equal(['t:guesser']);
  });

  it('evaluates at most 5 of 30 concurrent wrong leader sign-up codes, then refuses the right one until the wait is over', async () => {
    const burst = await outcomes(Array.from({ length: 30 }, () => users.claimLeadership('t:staff', 'wrong-code')));
    expect(burst.SIGNUP_CODE_INVALID).to.equal(5);
    expect((burst.RATE_LIMITED ?? 0) + (burst.CONFLICT ?? 0)).to.equal(25);
    await expectDomainError(users.claimLeadership('t:staff', 'lead-the-way-2026'), 'RATE_LIMITED');
    clock.advance(15 * 60_000 + 1);
    expect(users.mayLead(await users.claimLeadership('t:staff', 'lead-the-way-2026'), 't:staff')).to.equal(true);
  });

  it('gives a right code its try back', async () => {
    for (let i = 0; i < 4; i++) await expectDomainError(users.claimLeadership('t:staff', 'wrong-code'), 'SIGNUP_CODE_INVALID');
    await users.claimLeadership('t:staff', 'lead-the-way-2026');
    await expectDomainError(users.claimLeadership('t:staff', 'wrong-code'), 'SIGNUP_CODE_INVALID');
    await expectDomainError(users.claimLeadership('t:staff', 'wrong-code'), 'RATE_LIMITED');
  });
});
