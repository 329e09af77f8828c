import { expect } from 'chai';
import { createGroupAs, onboardAndJoin, person, submitActions, textOf } from '../../support/botHarness';
import { checkInWorld, emptyCard, storedCheckIns } from './support';

/**
 * Private by default, through every card, dialog and endpoint: the group's leader sees a private entry
 * only as "checked in"; another group's leader and another participant see nothing; sharing and
 * unsharing change what the leader sees.
 */
describe('HTTP: check-ins are private unless shared', function () {
  let w: Awaited<ReturnType<typeof checkInWorld>>;
  const otherLeader = person('Olli', 'fi');
  const privateText = 'Minua jännitti haastattelu';
  const sharedText = 'Jag ledde uppvärmningen';

  before(async () => {
    w = await checkInWorld('2026-12-01T10:00:00.000Z');
    await w.bot.install(otherLeader);
    const code = await createGroupAs(w.bot, otherLeader, { leader: 'Olli', group: 'Museo', language: 'Suomi' });
    await onboardAndJoin(w.bot, person('Mikko', 'fi'), code);

    await w.bot.submit(w.aino, { action: 'checkins.start' });
    await w.bot.submit(w.aino, { ...emptyCard, mood: '2', did: privateText, strengthsOther: 'rohkeus', nextStep: 'Harjoittelen haastattelua' });
    w.clock.advance(60_000);
    await w.bot.submit(w.siri, { action: 'checkins.start' });
    await w.bot.submit(w.siri, { ...emptyCard, mood: '5', did: sharedText, share: 'true' });
  });
  after(async () => w.bot.stop());

  it('the group leader sees the shared entry in full and of the private one only that it happened', async () => {
    const fromRoster = submitActions(await w.bot.submit(w.leader, { action: 'myGroups' })).find((a) => a.data.action === 'checkins.leader')!;
    expect(fromRoster).to.deep.equal({ title: 'Ryhmän check-init', data: { action: 'checkins.leader', groupId: w.groupId } });
    const view = textOf(await w.bot.submit(w.leader, fromRoster.data));
    expect(view).to.contain('Check-init: Kuntosali').and.contain('Aino: 1 check-in').and.contain('1.12.: check-in tehty (yksityinen)');
    expect(view).to.contain(`1.12.: mieliala tosi hyvä. ${sharedText} Vahvuudet: –. Seuraava askel: –`);
    for (const secret of [privateText, 'rohkeus', 'Harjoittelen haastattelua', 'huono']) expect(view).to.not.contain(secret);
  });

  it('another group leader sees nothing of this group, and cannot ask for it by id', async () => {
    const view = textOf(await w.bot.submit(otherLeader, { action: 'checkins.leader', groupId: w.groupId }));
    expect(view).to.equal('Et ohjaa vielä yhtään ryhmää.');
    const own = textOf(await w.bot.submit(otherLeader, { action: 'checkins.leader' }));
    expect(own).to.contain('Check-init: Museo');
    for (const secret of [privateText, sharedText, 'Aino', 'Siri']) expect(own).to.not.contain(secret);
  });

  it('another participant sees nothing: not the leader view, not the entry, and cannot share it', async () => {
    expect(textOf(await w.bot.submit(w.pekka, { action: 'checkins.leader' }))).to.equal("You don't lead a group yet.");
    const mine = textOf(await w.bot.submit(w.pekka, { action: 'checkins.reflections' }));
    expect(mine).to.equal('My reflections\nNothing here yet. Check in after a meeting and your history will grow here.');
    const [aino] = await storedCheckIns(w.bot, w.aino);
    const forged = textOf(await w.bot.submit(w.pekka, { action: 'checkins.share', checkInId: aino!.id, shared: true }));
    expect(forged).to.equal("Something in that wasn't quite right. Please try again.");
    expect((await storedCheckIns(w.bot, w.aino))[0]).to.include({ shared: false });
  });

  it('sharing and unsharing from my history change what the leader sees', async () => {
    const history = await w.bot.submit(w.aino, { action: 'checkins.reflections' });
    expect(textOf(history)).to.contain(privateText).and.contain('Vain sinä näet').and.contain('Jaa ohjaajalle');
    const share = submitActions(history).find((a) => a.data.action === 'checkins.share')!;
    expect(textOf(await w.bot.submit(w.aino, share.data))).to.equal('Jaettu. Ohjaajasi näkee tämän merkinnän.');
    expect(textOf(await w.bot.submit(w.leader, { action: 'checkins.leader' }))).to.contain(`mieliala huono. ${privateText} Vahvuudet: rohkeus. Seuraava askel: Harjoittelen haastattelua`);

    const unshare = submitActions(await w.bot.submit(w.aino, { action: 'checkins.reflections' })).find((a) => a.data.action === 'checkins.share')!;
    expect(unshare.title).to.equal('Lopeta jakaminen');
    expect(textOf(await w.bot.submit(w.aino, unshare.data))).to.equal('Jakaminen lopetettu. Nyt vain sinä näet merkinnän.');
    const view = textOf(await w.bot.submit(w.leader, { action: 'checkins.leader' }));
    expect(view).to.not.contain(privateText);
    expect(view).to.contain('1.12.: check-in tehty (yksityinen)');
  });

  it('a forged check-in card value gets the stale-card answer and stores nothing', async () => {
    const before = (await storedCheckIns(w.bot, w.pekka)).length;
    expect(textOf(await w.bot.submit(w.pekka, { action: 'checkins.share', checkInId: 'x', shared: 'maybe' }))).to.equal(
      'That button is from an older message and doesn\'t work anymore. Here\'s what you can do now – type "menu".',
    );
    expect(textOf(await w.bot.submit(w.pekka, { action: 'checkins.nope' }))).to.contain('older message');
    expect(await storedCheckIns(w.bot, w.pekka)).to.have.length(before);
  });
});
