import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, textOf, type Person } from '../../support/botHarness';
import { buttonData, countDocs, groupOverHttp } from './support';

/**
 * "None of these suit me": an approval ballot with no tick, said out loud. It counts as having voted — no
 * nudge, the leader does not list the person as not voted, and "everyone has voted" closes the round — and
 * adds to no count. A tick takes it back; pressing it again unticks everything.
 */
describe('HTTP: "none of these suit me" in a vote round (fi, sv, en)', function () {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const [aino, siri, pekka] = [person('Aino', 'fi'), person('Siri', 'sv'), person('Pekka', 'en')];
  let groupId = '';
  const ids: string[] = [];
  const cardOf = new Map<Person, Record<string, any>[]>();

  const mark = () => bot.connector.received.length;
  const since = (from: number, p: Person) => bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  const press = (p: Person, card: Record<string, any>[], pick: (d: any) => boolean) => bot.submit(p, buttonData(card, pick));
  const none = (d: any) => d.action === 'activities.vote' && d.proposalId === 'none';

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leader, [aino, siri, pekka], 'Kuntosali');
    for (const [p, title] of [[aino, 'Keilaus'], [siri, 'Museibesök']] as const) {
      const form = await bot.submit(p, { action: 'activities.propose', groupId });
      const save = buttonData(form, (d) => d.action === 'activities.propose.save');
      await bot.submit(p, { ...save, title, effort: 'low', travel: 'local', costLevel: 'free' });
      ids.push(`proposal:${save.requestId}`);
    }
    await bot.submit(leader, { action: 'activities.round.open', groupId, date: '2026-12-04', time: '18:00' });
    const from = mark();
    await bot.app.scheduler.tick();
    for (const p of [aino, siri, pekka]) cardOf.set(p, since(from, p));
  });
  after(async () => bot.stop());

  it('offers it on each participant\'s card in their language', () => {
    expect(textOf(cardOf.get(aino)!)).to.contain('Mikään näistä ei sovi minulle');
    expect(textOf(cardOf.get(siri)!)).to.contain('Inget av de här passar mig');
    expect(textOf(cardOf.get(pekka)!)).to.contain('None of these suit me');
  });

  it('counts as having voted and adds to no count; a tick takes it back, pressing it again unticks', async () => {
    // In a Teams personal chat the card that was pressed is redrawn in place (updateActivity), not sent anew.
    const from = mark();
    await bot.turn(aino, { type: 'message', replyToId: 'act-round-aino', value: buttonData(cardOf.get(aino)!, (d) => d.proposalId === ids[0]) });
    const [update, ...more] = bot.connector.received.slice(from);
    expect([update?.method, more.length]).to.deep.equal(['PUT', 0]);
    expect(update?.path).to.contain('act-round-aino');
    expect(textOf([update!.body])).to.contain('Keilaus — 1 ääni').and.contain('✓ Olet mukana');
    const said = textOf(await press(siri, cardOf.get(siri)!, none));
    expect(said).to.contain('✓ Du sa att inget av de här passar dig. Det räknas som att du har röstat. Du kan ändå kryssa för något om du ändrar dig.');
    expect(said).to.contain('Keilaus — 1 röst').and.contain('Museibesök — 0 röster').and.not.contain('Inget av de här passar mig');
    const leaderView = textOf(await bot.submit(leader, { action: 'activities.round.show', groupId, roundId: 'round:1' }));
    expect(leaderView).to.contain('Ei vielä äänestänyt: Pekka').and.not.contain('Siri');

    const ticked = await bot.submit(siri, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId: ids[1], approve: true });
    expect(textOf(ticked)).to.contain('Museibesök — 1 röst').and.contain('Inget av de här passar mig').and.not.contain('Du sa att inget');
    const again = textOf(await press(siri, ticked, none));
    expect(again).to.contain('Museibesök — 0 röster').and.contain('✓ Du sa att inget av de här passar dig.');
    // One document per (proposal, voter): Aino's bowling and "none"; Siri's bowling, museum and "none".
    expect(await countDocs(bot, groupId, 'vote')).to.equal(5);
  });

  it('leaves the one who said so out of the nudge, which goes to the one who has not voted', async () => {
    const from = mark();
    clock.set('2026-12-03T16:00:00.000Z');
    await bot.app.scheduler.tick();
    expect(since(from, siri)).to.deep.equal([]);
    expect(since(from, aino)).to.deep.equal([]);
    expect(textOf(since(from, pekka))).to.contain(
      "The vote ends Fri 4 Dec, 18:00 and you haven't ticked anything yet. There's still time – pick everything you would join, or say that none of them suits you.",
    ).and.contain('None of these suit me');
  });

  it('closes the round as soon as the last participant says none of these suits them', async () => {
    const last = textOf(await press(pekka, cardOf.get(pekka)!, none));
    expect(last).to.contain('Everyone voted, so the vote has ended.').and.contain('Keilaus: 1 vote').and.contain('Museibesök: 0 votes').and.contain('"Keilaus" got the most votes (1).');
  });
});
