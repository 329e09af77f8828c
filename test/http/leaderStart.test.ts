import { expect } from 'chai';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';

/** A leader is not onboarded as a participant: only the name participants see, then the group. */
describe("HTTP: the leader's start", function () {
  const bot = new BotHarness();
  const leena = person('Leena', 'fi');
  const lena = person('Lena', 'sv');
  const leo = person('Leo', 'en');

  before(async () => {
    await bot.start({ LEADER_IDS: [leena, lena, leo].map((p) => `msteams:aad-${p.id}`).join(',') });
  });
  after(async () => bot.stop());

  it("offers a leader no participant's start, and asks only the leader's name", async () => {
    const menu = await bot.install(leena);
    expect(submitActions(menu).map((a) => a.data.action)).to.include('newGroup').and.not.include('onboard');
    expect(textOf(await bot.say(leena, 'aloita'))).to.contain('Millä nimellä haluat näkyä osallistujille? Esimerkiksi "Leena" tai "Leena Virtanen".');
    const done = await bot.say(leena, 'Leena');
    const text = textOf(done);
    expect(text).to.contain('Kiitos, Leena! Osallistujat näkevät sinut tällä nimellä. Seuraavaksi luo ryhmä: paina "Luo ryhmä".');
    expect(text).to.not.contain('koodilla').and.not.contain('Omat rajasi');
    expect(submitActions(done).map((a) => a.data.action)).to.include('newGroup').and.not.include('onboard').and.not.include('limits.save');
  });

  it('asks a leader without a name for it before the group, in Swedish and English', async () => {
    await bot.install(lena);
    expect(textOf(await bot.submit(lena, { action: 'newGroup' }))).to.contain('Vilket namn vill du att deltagarna ser?');
    expect(textOf(await bot.say(lena, 'Lena'))).to.contain('Tack, Lena! Deltagarna ser dig med det här namnet. Nu skapar vi gruppen.');
    await bot.install(leo);
    expect(textOf(await bot.submit(leo, { action: 'newGroup' }))).to.contain('What name should your participants see?');
    const next = textOf(await bot.say(leo, 'Leo'));
    expect(next).to.contain("Thank you, Leo! Participants will see you by this name. Now let's create the group.");
    expect(next).to.contain("What's the group's name? (2–60 characters)");
  });

  it("shows participants the leader's name", async () => {
    await bot.submit(leena, { action: 'newGroup' });
    await bot.say(leena, 'Kuntosaliryhmä');
    await bot.say(leena, 'Europe/Helsinki');
    const code = inviteCodeIn(await bot.say(leena, 'Suomi'));
    const aino = person('Aino', 'fi');
    await onboardAndJoin(bot, aino, code);
    expect(textOf(await bot.submit(aino, { action: 'myGroup' }))).to.contain('Ohjaaja: Leena').and.not.contain('ryhmäsi ohjaaja');
  });
});
