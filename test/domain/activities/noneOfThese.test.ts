import { expect } from 'chai';
import { ballotChanges, everyoneVoted, noneOfThese, tally, type Vote } from '../../../src/domain/activities';

const round = { id: 'round:1', groupId: 'g1', proposalIds: ['proposal:a', 'proposal:b'] };
const at = '2026-12-01T10:00:00.000Z';
const vote = (userId: string, proposalId: string, approved = true): Vote => ({
  type: 'vote', id: `vote:round:1:${proposalId}:${userId}`, groupId: 'g1', roundId: 'round:1', proposalId, userId, approved, at,
});

describe('activities domain: "none of these suit me"', () => {
  it('counts as having voted and adds to no proposal\'s count', () => {
    const result = tally(round, [vote('u1', 'proposal:a'), vote('u2', noneOfThese)], ['u1', 'u2', 'u3']);
    expect(result).to.deep.equal({ counts: { 'proposal:a': 1, 'proposal:b': 0 }, voters: ['u1', 'u2'] });
    expect(everyoneVoted(result.voters, ['u1', 'u2'])).to.equal(true);
    expect(tally(round, [vote('u2', noneOfThese, false)], ['u2']).voters).to.deep.equal([]);
  });

  it('unticks every proposal of the round when said, and is taken back by a tick, without reading the ballot', () => {
    const saidNone = ballotChanges(round, { userId: 'u1', proposalId: noneOfThese, approve: true, at });
    expect(saidNone.map((v) => [v.proposalId, v.approved])).to.deep.equal([[noneOfThese, true], ['proposal:a', false], ['proposal:b', false]]);
    const after = [vote('u2', 'proposal:a'), ...saidNone];
    expect(tally(round, after, ['u1', 'u2'])).to.deep.equal({ counts: { 'proposal:a': 1, 'proposal:b': 0 }, voters: ['u1', 'u2'] });
    const ticked = ballotChanges(round, { userId: 'u1', proposalId: 'proposal:b', approve: true, at });
    expect(ticked.map((v) => [v.id, v.approved])).to.deep.equal([['vote:round:1:proposal:b:u1', true], ['vote:round:1:none:u1', false]]);
    expect(ballotChanges(round, { userId: 'u1', proposalId: 'proposal:b', approve: false, at }).map((v) => v.proposalId)).to.deep.equal(['proposal:b']);
  });
});
