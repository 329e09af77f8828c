import { expect } from 'chai';
import { BotHarness, createGroupAs, onboardAndJoin, onboardingWords, person, textOf } from '../support/botHarness';

/** Messages say what is true: what was kept, who sees what, which button is old. */
describe('HTTP: true and clear messages', function () {
  const bot = new BotHarness();
  let code = '';
  before(async () => {
    await bot.start();
    code = await createGroupAs(bot, person('Leena', 'fi'), { leader: 'Leena', group: 'Kuntosali' });
  });
  after(async () => bot.stop());

  async function upToLimits(p: ReturnType<typeof person>) {
    await bot.submit(p, { action: 'onboard' });
    await bot.say(p, onboardingWords[p.locale].lang);
    await bot.say(p, onboardingWords[p.locale].yes);
    return bot.say(p, p.name);
  }

  it('says at the limits step that name and consent were kept when the person cancels', async () => {
    const aino = person('Aino', 'fi');
    await upToLimits(aino);
    const text = textOf(await bot.say(aino, 'peruuta'));
    expect(text).to.contain('Selvä, lopetetaan tähän. Nimesi ja lupasi on tallennettu.').and.not.contain('Mitään ei muutettu');
    const sam = person('Sam', 'en');
    await upToLimits(sam);
    expect(textOf(await bot.say(sam, 'cancel'))).to.contain('All right, we\'ll stop here. Your name and consent are saved.');
  });

  it('says truthfully who sees the limits, in Finnish and Swedish', async () => {
    const text = textOf(await upToLimits(person('Outi', 'fi')));
    expect(text).to.contain('Kukaan muu ei näe tätä – ei ohjaaja eikä muut osallistujat.').and.not.contain('auttaa ryhmää suunnittelemaan');
    const sv = textOf(await upToLimits(person('Siri', 'sv')));
    expect(sv).to.contain('Ingen annan ser det – varken ledaren eller de andra deltagarna.');
  });

  it('answers an old limits Save pressed while the pause form is open as an old button, not with the pause form', async () => {
    const pekka = person('Pekka', 'en');
    await onboardAndJoin(bot, pekka, code);
    await bot.submit(pekka, { action: 'pause' });
    const text = textOf(await bot.submit(pekka, { action: 'limits.save', mobility: 'true', budget: 'false', times: '', note: '' }));
    expect(text).to.contain('That button is from an older message, so I saved nothing.').and.not.contain('Start pause');
  });
});
