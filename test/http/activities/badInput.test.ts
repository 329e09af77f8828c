import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, submitActions, textOf, type Person } from '../../support/botHarness';
import { buttonData, groupOverHttp } from './support';

/**
 * Two groups on one bot. Clicks on the other group's round or proposal, by someone outside the group, forged
 * payloads and clicks on a closed round: each gets a clear sentence in the person's language, and no document
 * of either group changes (every id and eTag compared before and after).
 */
describe('HTTP: activities clicks that must record nothing, across two groups (fi, sv, en)', function () {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const bot = new BotHarness();
  const [leena, aino, siri, pekka] = [person('Leena', 'fi'), person('Aino', 'fi'), person('Siri', 'sv'), person('Pekka', 'en')];
  const [lasse, bertta, bo] = [person('Lasse', 'fi'), person('Bertta', 'fi'), person('Bo', 'sv')];
  const outsider = person('Olga', 'sv');
  const a = { groupId: '', proposals: [] as string[] };
  const b = { groupId: '', proposals: [] as string[] };

  async function proposeTwo(into: typeof a, authors: Person[]) {
    for (const [i, p] of authors.entries()) {
      const form = await bot.submit(p, { action: 'activities.propose', groupId: into.groupId });
      const save = buttonData(form, (d) => d.action === 'activities.propose.save');
      await bot.submit(p, { ...save, title: `Idea ${i}`, effort: 'low', travel: 'local', costLevel: 'free' });
      into.proposals.push(`proposal:${save.requestId}`);
    }
  }
  /** Every document of both groups, as group/id → eTag. */
  async function snapshot(): Promise<Record<string, string>> {
    const { resources } = await bot.app.store.containers.groups.items
      .query({ query: 'SELECT c.id, c.groupId, c._etag FROM c WHERE c.groupId = @a OR c.groupId = @b', parameters: [{ name: '@a', value: a.groupId }, { name: '@b', value: b.groupId }] })
      .fetchAll();
    return Object.fromEntries(resources.map((r: { id: string; groupId: string; _etag: string }) => [`${r.groupId === a.groupId ? 'a' : 'b'}/${r.id}`, r._etag]));
  }
  async function expectNothingRecorded(cases: Array<[Person, Record<string, unknown>, string]>) {
    const before = await snapshot();
    expect(Object.keys(before).filter((id) => /^[ab]\/(proposal|round):/.test(id)).length).to.equal(6); // both groups' proposals and rounds
    for (const [p, value, expected] of cases) expect(textOf(await bot.submit(p, value)), `${p.name} ${JSON.stringify(value)}`).to.equal(expected);
    expect(await snapshot()).to.deep.equal(before);
  }

  before(async () => {
    await bot.start({}, { clock });
    a.groupId = await groupOverHttp(bot, leena, [aino, siri, pekka], 'Kuntosali');
    b.groupId = await groupOverHttp(bot, lasse, [bertta, bo], 'Kävelijät');
    await bot.install(outsider);
    await proposeTwo(a, [aino, siri]);
    await proposeTwo(b, [bertta, bo]);
    for (const [leader, g] of [[leena, a], [lasse, b]] as const) await bot.submit(leader, { action: 'activities.round.open', groupId: g.groupId, date: '2026-12-04', time: '18:00' });
    await bot.app.scheduler.tick();
  });
  after(async () => bot.stop());

  const vote = (g: typeof a, proposalId: string, extra: Record<string, unknown> = {}) => ({ action: 'activities.vote', groupId: g.groupId, roundId: 'round:1', proposalId, approve: true, ...extra });

  it('refuses the other group\'s round and proposals, and someone outside both groups', async () => {
    await expectNothingRecorded([
      [aino, vote(b, b.proposals[0]!), 'Se kuuluu ryhmälle, jossa et ole mukana, joten en tallentanut mitään.'],
      [bo, vote(a, a.proposals[0]!), 'Det hör till en grupp som du inte är med i, så jag sparade ingenting.'],
      [siri, vote(a, b.proposals[0]!), 'Det förslaget är inte med i den här omröstningen.'],
      [pekka, { action: 'activities.withdraw', groupId: b.groupId, proposalId: b.proposals[1] }, "That belongs to a group you're not in, so I saved nothing."],
      [pekka, { action: 'activities.withdraw', groupId: a.groupId, proposalId: b.proposals[1] }, "I can't find that proposal any more."],
      [aino, { action: 'activities.propose', groupId: b.groupId, proposalId: b.proposals[0] }, 'Se kuuluu ryhmälle, jossa et ole mukana, joten en tallentanut mitään.'],
      [lasse, { action: 'activities.pick', groupId: a.groupId, roundId: 'round:1', proposalId: a.proposals[0] }, 'Se kuuluu ryhmälle, jossa et ole mukana, joten en tallentanut mitään.'],
      [outsider, vote(a, a.proposals[0]!), 'Det hör till en grupp som du inte är med i, så jag sparade ingenting.'],
    ]);
  });

  it("shows the vote-round form to the group's own leader only, also in local mode where anyone may lead", async () => {
    await expectNothingRecorded([
      [aino, { action: 'activities.round.new', groupId: a.groupId }, 'Vain ryhmän oma ohjaaja voi tehdä sen.'],
      [siri, { action: 'activities.round.new', groupId: a.groupId }, 'Bara gruppens egen ledare kan göra det.'],
      [pekka, { action: 'activities.round.new', groupId: a.groupId }, "Only the group's own leader can do that."],
    ]);
    expect(JSON.stringify(await bot.submit(leena, { action: 'activities.round.new', groupId: a.groupId }))).to.contain('activities.round.open');
  });

  it('refuses forged payloads with a clear sentence', async () => {
    await expectNothingRecorded([
      [siri, vote(a, a.proposals[0]!, { approve: 'ja' }), 'Den knappen kommer från ett äldre meddelande och fungerar inte längre. Skriv "meny" för att se vad du kan göra nu.'],
      [pekka, { action: 'activities.vote', groupId: a.groupId, proposalId: a.proposals[0], approve: true }, 'That button is from an older message and doesn\'t work anymore. Here\'s what you can do now – type "menu".'],
      [aino, vote(a, a.proposals[0]!, { roundId: 'round:1"; DROP' }), 'En löytänyt sitä äänestystä.'],
      [aino, vote(a, 'x'.repeat(5000)), 'Tuo painike on vanhasta viestistä eikä toimi enää. Kirjoita "valikko" nähdäksesi, mitä voit tehdä nyt.'],
    ]);
  });

  it('refuses clicks on a closed round in each language, and the closed round shows no vote buttons', async () => {
    clock.set('2026-12-04T16:00:00.000Z');
    await bot.app.scheduler.tick();
    await bot.app.scheduler.tick();
    await expectNothingRecorded([
      [aino, vote(a, a.proposals[0]!), 'Äänestys on jo päättynyt, joten en tallentanut mitään.'],
      [siri, vote(a, a.proposals[1]!, { approve: false }), 'Omröstningen är redan avslutad, så jag sparade ingenting.'],
      [pekka, vote(a, a.proposals[0]!), 'That vote has ended, so I saved nothing.'],
    ]);
    const shown = await bot.submit(pekka, { action: 'activities.round.show', groupId: a.groupId, roundId: 'round:1' });
    expect(submitActions(shown).filter((x) => x.data.action === 'activities.vote')).to.deep.equal([]);
  });
});
