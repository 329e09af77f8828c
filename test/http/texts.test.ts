import { expect } from 'chai';
import { BotHarness, createGroupAs, onboardAndJoin, onboardToCode, person, textOf } from '../support/botHarness';

/** Texts in natural Finnish and Swedish: a few of the rewritten sentences, as people read them. */
describe('HTTP: natural Finnish and Swedish', function () {
  const bot = new BotHarness();
  let code = '';
  before(async () => {
    await bot.start();
    code = await createGroupAs(bot, person('Leena', 'fi'), { leader: 'Leena', group: 'Kuntosali' });
  });
  after(async () => bot.stop());

  it('greets in Swedish as people say it', async () => {
    expect(textOf(await bot.say(person('Siri', 'sv'), 'hej'))).to.contain('Hej! Roligt att du hör av dig.');
  });

  it('says the limits and the data in plain Finnish', async () => {
    const aino = person('Aino', 'fi');
    await onboardToCode(bot, aino);
    await bot.say(aino, 'peruuta');
    const card = textOf(await bot.submit(aino, { action: 'limits' }));
    expect(card).to.contain('Minulla ei ole varaa maksulliseen toimintaan').and.not.contain('En voi käyttää rahaa');
    await bot.say(aino, 'peruuta');
    expect(textOf(await bot.submit(aino, { action: 'privacy' }))).to.contain('Rajat: ei annettu');
  });

  it('offers leaving a group without officialese, and in Swedish says what to do when not in a group', async () => {
    const pekka = person('Pekka', 'fi');
    await onboardAndJoin(bot, pekka, code);
    await bot.submit(pekka, { action: 'leave' });
    expect(textOf(await bot.say(pekka, 'apua'))).to.contain('Tässä voit erota ryhmästä.').and.not.contain('Olemme poistamassa');
    const sanna = person('Sanna', 'sv');
    await onboardToCode(bot, sanna);
    await bot.say(sanna, 'avbryt');
    expect(textOf(await bot.submit(sanna, { action: 'myGroup' }))).to.contain('Du är inte med i någon grupp. Gå med i gruppen med koden från din ledare.');
  });
});
