import { expect } from 'chai';
import { isActivityError } from '../../../src/domain/activities';
import type { ProposalService, RoundService } from '../../../src/services/activities';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';
import { leaderId, memberIds, type World } from '../../scheduler/support';
import { raceWorld } from './barrier';

const [p1, p2] = memberIds;
const demands = { effort: 'low', travel: 'local', cost: 'free' } as const;
const outcome = (work: Promise<unknown>) => work.then(() => 'saved', (e: unknown) => (isActivityError(e, 'PROPOSAL_LOCKED') ? 'locked' : Promise.reject(e)));

/** "Editable by its author until a round includes it" holds when the edit and the opening of a round meet. */
describe('activities: editing a proposal while a round opens (deterministic interleaving)', () => {
  let store: CosmosStore;
  let w: World;
  let barrier: Awaited<ReturnType<typeof raceWorld>>['barrier'];
  let rounds: RoundService;
  let proposals: ProposalService;
  let ids: string[];

  before(async () => {
    store = await freshStore('proposallock');
  });
  after(async () => store?.close());

  beforeEach(async () => {
    ({ w, barrier, rounds, proposals, ids } = await raceWorld(store, ['Keilaus', 'Museo', 'Sähly']));
  });

  it('refuses an edit whose proposal a round took between the edit\'s check and its write, and the ballot keeps what the round took', async () => {
    // The edit has checked that no round includes the proposal; the leader opens a round before the edit writes.
    barrier.after('listRounds', async () => void (await rounds.openRound(leaderId, w.group.groupId, '2026-12-03T18:00')));
    const answer = await outcome(proposals.edit(p1!, w.group.groupId, ids[0]!, { title: 'Keilaus ja pizza', demands }));

    expect(answer).to.equal('locked');
    const round = (await w.app.repositories.activities.listRounds(w.group.groupId))[0];
    expect(round?.entries.map((e) => e.title)).to.deep.equal(['Keilaus', 'Museo', 'Sähly']);
    expect((await w.app.repositories.activities.getProposal(w.group.groupId, ids[0]!))?.title).to.equal('Keilaus');
  });

  it('leaves out of the round a proposal withdrawn between the round reading the proposals and writing itself', async () => {
    let withdrawn: string | undefined;
    barrier.after('listProposals', async () => {
      withdrawn = await outcome(proposals.withdraw(p1!, w.group.groupId, ids[1]!));
    });
    const round = await rounds.openRound(leaderId, w.group.groupId, '2026-12-03T18:00');

    expect(withdrawn).to.equal('saved');
    expect(round.entries.map((e) => e.title)).to.deep.equal(['Keilaus', 'Sähly']);
    expect((await w.app.repositories.activities.getProposal(w.group.groupId, ids[1]!))?.status).to.equal('withdrawn');
  });

  it('lets the author edit while no round has the proposal, and refuses another member', async () => {
    expect(await outcome(proposals.edit(p1!, w.group.groupId, ids[2]!, { title: 'Sähly illalla', demands }))).to.equal('saved');
    await proposals.edit(p2!, w.group.groupId, ids[2]!, { title: 'Toisen muokkaus', demands }).then(
      () => expect.fail('another member edited'),
      (e: unknown) => expect(isActivityError(e, 'NOT_AUTHOR')).to.equal(true),
    );
    expect((await w.app.repositories.activities.getProposal(w.group.groupId, ids[2]!))?.title).to.equal('Sähly illalla');
  });
});
