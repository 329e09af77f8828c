import { expect } from 'chai';
import type { Proposal, Vote, VoteRound } from '../../../src/domain/activities';
import { isDomainError } from '../../../src/domain/shared/errors';
import { versionOf } from '../../../src/domain/shared/version';
import { CosmosActivityRepository } from '../../../src/store/activities';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';

const at = '2026-11-25T10:00:00.000Z';
const groupId = 'g-activities';
const demands = { effort: 'low', travel: 'local', cost: 'free' } as const;
const proposal = (n: number): Proposal => ({
  id: `proposal:p${n}`, groupId, authorId: 'msteams:s1', status: 'open', title: `Kävely ${n}`, description: '', place: '', cost: '', times: [], demands, createdAt: at, updatedAt: at,
});
const vote = (userId: string): Vote => ({ id: `vote:round:1:proposal_p1:${userId}`, groupId, roundId: 'round:1', proposalId: 'proposal:p1', userId, approved: true, at });

/** The activities feature's stored `type` and `_etag` stay in src/store; its transactional batches still go by the version read. */
describe('stored shape of proposals, rounds and votes (the store adds and removes it)', () => {
  let store: CosmosStore;
  let activities: CosmosActivityRepository;
  before(async () => {
    store = await freshStore('activityShape');
    activities = new CosmosActivityRepository(store.containers);
  });
  after(async () => store.close());

  const raw = async (id: string) => (await store.containers.groups.item(id, groupId).read()).resource as Record<string, unknown>;

  it("opens a round that marks its proposals, stored as 'voteRound' and 'proposal'; the code reads no type and no _etag", async () => {
    const taken = [await activities.createProposal(proposal(1)), await activities.createProposal(proposal(2))];
    expect(Object.keys(taken[0]!)).to.not.include.members(['type', '_etag']);
    const round: VoteRound = {
      id: 'round:1', groupId, status: 'open', deadline: '2026-11-28T10:00:00.000Z', proposalIds: taken.map((p) => p.id),
      entries: taken.map((p) => ({ proposalId: p.id, title: p.title, description: '', place: '', cost: '', times: [], demands })),
      revision: 1, openedBy: 'msteams:leader', openedAt: at, updatedAt: at,
    };
    const opened = await activities.createRound(round, taken);
    expect(JSON.parse(JSON.stringify(opened))).to.deep.equal(round);
    const stored = await raw('round:1');
    expect(stored.type).to.equal('voteRound');
    expect(versionOf(opened)).to.equal(stored._etag);
    expect((await raw('proposal:p1')).type).to.equal('proposal');
    expect((await activities.getProposal(groupId, 'proposal:p1'))?.roundId).to.equal('round:1');
  });

  it("records votes with the round's next revision only while the round is as read: an older read is a CONFLICT and writes no vote", async () => {
    const first = (await activities.getRound(groupId, 'round:1'))!;
    const second = (await activities.getRound(groupId, 'round:1'))!;
    const written = await activities.recordVotes([vote('msteams:s1')], first);
    expect(written.revision).to.equal(2);
    expect((await raw(vote('msteams:s1').id)).type).to.equal('vote');
    try {
      await activities.recordVotes([vote('msteams:s2')], second);
      expect.fail('votes went in with a stale round');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await activities.listVotes(groupId, 'round:1')).map((v) => v.userId)).to.deep.equal(['msteams:s1']);
    expect((await activities.getRound(groupId, 'round:1'))?.revision).to.equal(2);
  });

  it('saves the settings anew without a version and replaces them with the one they were read with', async () => {
    const created = await activities.saveSettings({ id: 'activitySettings', groupId, autoDeadlineDays: 3, nudgeHoursBefore: 24, updatedAt: at });
    expect((await raw('activitySettings')).type).to.equal('activitySettings');
    const read = (await activities.getSettings(groupId))!;
    await activities.saveSettings({ ...read, autoOpenAt: 4 });
    try {
      await activities.saveSettings({ ...created, autoOpenAt: 6 });
      expect.fail('settings replaced from a stale read');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await activities.getSettings(groupId))?.autoOpenAt).to.equal(4);
  });
});
