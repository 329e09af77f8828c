import { expect } from 'chai';
import { isActivityError, type VoteRound } from '../../../src/domain/activities';
import type { RoundService } from '../../../src/services/activities';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';
import { leaderId, memberIds, type World } from '../../scheduler/support';
import { raceWorld } from './barrier';

const [p1, p2, p3] = memberIds;

describe('activities: a vote cast while the round closes (deterministic interleaving)', () => {
  let store: CosmosStore;
  let w: World;
  let barrier: Awaited<ReturnType<typeof raceWorld>>['barrier'];
  let rounds: RoundService;
  let ids: string[];
  let round: VoteRound;

  before(async () => {
    store = await freshStore('closerace');
  });
  after(async () => store?.close());

  beforeEach(async () => {
    ({ w, barrier, rounds, ids } = await raceWorld(store, ['Keilaus', 'Museo']));
    round = await rounds.openRound(leaderId, w.group.groupId, '2026-12-03T18:00');
    await rounds.castVote(p1!, w.group.groupId, round.id, ids[0]!, true);
    await rounds.castVote(p2!, w.group.groupId, round.id, ids[0]!, true);
  });

  const storedVotesOf = async (userId: string) => (await w.app.repositories.activities.listVotes(w.group.groupId, round.id)).filter((v) => v.userId === userId);

  it('counts a vote written between the close reading the votes and writing the closed round', async () => {
    let answer: Promise<unknown> = Promise.resolve();
    // The close reads the votes; before it writes the closed round, p3 ticks the museum on another instance.
    barrier.after('listVotes', async () => {
      answer = rounds.castVote(p3!, w.group.groupId, round.id, ids[1]!, true).then(
        () => 'saved',
        (e: unknown) => (isActivityError(e, 'ROUND_CLOSED') ? 'refused' : Promise.reject(e)),
      );
      await answer;
    });
    const closed = await rounds.closeAtDeadline(w.group.groupId, round.id);

    expect(await answer).to.equal('saved');
    // What the result announces (the round the close wrote and planned the result of) has p3's tick…
    expect(closed?.counts).to.deep.equal({ [ids[0]!]: 2, [ids[1]!]: 1 });
    // …and so has the stored round: nothing is recounted after the announcement.
    const stored = await w.app.repositories.activities.getRound(w.group.groupId, round.id);
    expect(stored?.counts).to.deep.equal({ [ids[0]!]: 2, [ids[1]!]: 1 });
    expect(stored?.revision).to.equal(closed?.revision);
  });

  it('refuses a vote whose round closed between its check and its write, and stores nothing of it', async () => {
    let closed: VoteRound | undefined;
    // p3's click has read the round (still open); the deadline closes it before the click writes its vote.
    barrier.after('getRound', async () => {
      closed = await rounds.closeAtDeadline(w.group.groupId, round.id);
    });
    const answer = await rounds.castVote(p3!, w.group.groupId, round.id, ids[1]!, true).then(
      () => 'saved',
      (e: unknown) => (isActivityError(e, 'ROUND_CLOSED') ? 'refused' : Promise.reject(e)),
    );

    expect(answer).to.equal('refused');
    expect(closed?.counts).to.deep.equal({ [ids[0]!]: 2, [ids[1]!]: 0 });
    const stored = await w.app.repositories.activities.getRound(w.group.groupId, round.id);
    expect(stored?.counts).to.deep.equal({ [ids[0]!]: 2, [ids[1]!]: 0 });
    expect(stored?.revision).to.equal(closed?.revision);
    expect(await storedVotesOf(p3!)).to.deep.equal([]);
  });
});
