import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { ProposalService, RoundService } from '../../../src/services/activities';
import { CosmosActivityRepository } from '../../../src/store/activities';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../../src/store/shared/jobRepository';
import { CosmosGroupRepository } from '../../../src/store/groups';
import { CosmosConversationRefRepository, CosmosUserRepository } from '../../../src/store/people';
import { groupOverHttp } from '../../http/activities/support';
import { ManualClock } from '../../scheduler/support';
import { freshStore } from '../../support/cosmos';
import { BotHarness, person, textOf, type Person } from '../../support/botHarness';

const rounds = Number(process.env.VOTE_ROUNDS ?? 50);
const accepted = /Valintasi on tallennettu|Ditt val är sparat|Your choice is saved/;
const refused = /Äänestys on jo päättynyt|Omröstningen är redan avslutad|That vote has ended/;

/**
 * Four voters × 50 rounds, every click of a round sent at once, each click twice, alternately to two app
 * instances on one Cosmos store: the closed round's counts and the vote documents agree with the clicks the
 * bot said it saved — none lost, none counted twice.
 */
describe('reliability: approval votes from two instances on one store', function () {
  this.timeout(240_000);
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const a = new BotHarness();
  const b = new BotHarness();
  let store: CosmosStore;
  const leader = person('Lea', 'fi');
  const voters = [person('Aku', 'fi'), person('Sara', 'sv'), person('Pete', 'en'), person('Iida', 'fi')];
  const userId = (p: Person) => `msteams:aad-${p.id}`;
  let groupId = '';
  let proposals: ProposalService;
  let roundService: RoundService;

  before(async () => {
    store = await freshStore('votes');
    await a.start({}, { store, clock });
    await b.start({}, { store, clock });
    groupId = await groupOverHttp(a, leader, voters, 'Rinnakkain');
    const groups = new CosmosGroupRepository(store.containers);
    const users = new CosmosUserRepository(store.containers);
    const activityStore = new CosmosActivityRepository(store.containers);
    roundService = new RoundService({ groups, users, store: activityStore, jobs: new CosmosJobRepository(store.containers), refs: new CosmosConversationRefRepository(store.containers) }, clock);
    proposals = new ProposalService({ groups, users, store: activityStore }, roundService, clock);
  });
  after(async () => {
    await a.stop();
    await b.stop();
    await store.close();
  });

  it('keeps every tally equal to the votes cast', async () => {
    const demands = { effort: 'low', travel: 'local', cost: 'free' } as const;
    let refusedClicks = 0;
    for (let r = 1; r <= rounds; r++) {
      const ids: string[] = [];
      for (const [i, author] of [voters[0]!, voters[1]!].entries()) {
        const saved = await proposals.propose(userId(author), groupId, { title: `Idea ${r}.${i}`, demands }, randomUUID());
        ids.push(saved.proposal.id);
      }
      const t0 = Date.now();
      const round = await roundService.openRound(userId(leader), groupId, '2026-12-20T18:00');
      const picks = voters.map((_, i) => [[ids[0]!], [ids[1]!], [ids[0]!, ids[1]!]][(r + i) % 3]!);
      const clicks = voters.flatMap((p, i) => picks[i]!.flatMap((proposalId, k) => [0, 1].map((repeat) => ({ p, proposalId, via: (i + k + repeat + r) % 2 ? a : b }))));
      const answers = await Promise.all(
        clicks.map(async (c) => ({ ...c, text: textOf(await c.via.submit(c.p, { action: 'activities.vote', groupId, roundId: round.id, proposalId: c.proposalId, approve: true })) })),
      );
      if (process.env.VOTE_TIMING) console.log(`round ${r}: ${Date.now() - t0} ms`);
      const cast = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
      for (const answer of answers) {
        if (accepted.test(answer.text)) cast.get(answer.proposalId)!.add(answer.p.id);
        else {
          expect(answer.text, `round ${r}`).to.match(refused);
          refusedClicks++;
        }
      }
      const expected = Object.fromEntries(ids.map((id) => [id, cast.get(id)!.size]));
      if (r % 10 === 0) {
        // A click that comes after everyone has voted is refused on either instance, and changes nothing.
        const late = textOf(await (r % 20 ? a : b).submit(voters[0]!, { action: 'activities.vote', groupId, roundId: round.id, proposalId: ids[0], approve: false }));
        expect(late).to.match(refused);
      }
      const closed = await new CosmosActivityRepository(store.containers).getRound(groupId, round.id);
      expect(closed?.status, `round ${r}`).to.equal('closed');
      expect(closed?.counts, `round ${r}`).to.deep.equal(expected);
      const votes = await new CosmosActivityRepository(store.containers).listVotes(groupId, round.id);
      expect(votes.filter((v) => v.approved).length, `round ${r}: one document per (proposal, voter)`).to.equal(Object.values(expected).reduce((s, n) => s + n, 0));
    }
    console.log(`      ${rounds} rounds, ${refusedClicks} clicks after the round had closed refused`);
  });
});
