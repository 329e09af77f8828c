import { expect } from 'chai';
import type { VoteRound } from '../../../src/domain/activities';
import { VoteSignals } from '../../../src/services/leader';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';
import { makeWorld, memberIds } from '../../scheduler/support';

const [p1, p2, p3] = memberIds;

describe('vote signals from the stored rounds (embedded Cosmos)', () => {
  let store: CosmosStore;
  after(async () => store?.close());

  it('gives, per member, whether they voted in each round that closed in the window, never what they voted', async () => {
    store = await freshStore('leadersignals');
    const w = await makeWorld(store, '2026-12-01T07:00:00.000Z');
    const activities = w.app.repositories.activities;
    const groupId = w.group.groupId;
    const round = (n: number, closedAt: string, status: VoteRound['status'] = 'closed'): VoteRound => ({
      type: 'voteRound', id: `round:${n}`, groupId, status, deadline: closedAt, proposalIds: ['p'], revision: 1, openedBy: 'msteams:leader',
      entries: [{ proposalId: 'p', title: 'Keilaus', description: '', place: '', cost: '', times: [], demands: { effort: 'low', travel: 'local', cost: 'free' } }],
      openedAt: `2026-11-${10 + n}T10:00:00.000Z`, ...(status === 'closed' ? { closedAt } : {}), updatedAt: closedAt,
    });
    await activities.createRound(round(1, '2026-11-13T10:00:00.000Z'), []);
    await activities.createRound(round(2, '2026-10-01T10:00:00.000Z'), []);
    await activities.createRound(round(3, '2026-12-05T10:00:00.000Z', 'open'), []);
    const vote = (userId: string, r: string, approved: boolean) => ({ type: 'vote' as const, id: `vote:${r}:p:${userId}`, groupId, roundId: r, proposalId: 'p', userId, approved, at: '2026-11-12T10:00:00.000Z' });
    const cast = async (userId: string, r: string, approved: boolean) => activities.recordVotes([vote(userId, r, approved)], (await activities.getRound(groupId, r))!);
    await cast(p1!, 'round:1', true);
    await cast(p2!, 'round:1', false);
    await cast(p3!, 'round:3', true);

    const observations = await new VoteSignals(activities).collect(w.group, { from: '2026-11-03T07:00:00.000Z', to: '2026-12-01T07:00:00.000Z' });
    expect(observations).to.deep.equal(
      memberIds.map((userId) => ({ userId, signal: 'vote', at: '2026-11-11T10:00:00.000Z', voted: userId === p1 || userId === p2 })),
    );
  });
});
