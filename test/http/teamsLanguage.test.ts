import { expect } from 'chai';
import { BotHarness, person, submitActions, textOf } from '../support/botHarness';

/** Teams in English says en-US for many Finns: the language is asked once, then kept. */
describe('HTTP: the language in Teams', function () {
  const bot = new BotHarness();
  before(async () => bot.start());
  after(async () => bot.stop());

  const question = 'Hei! Millä kielellä haluat asioida? – Vilket språk vill du använda? – Which language would you like to use?';
  const en_US = { locale: 'en-US' };

  it('asks the language at first contact when Teams says en-US, and keeps the answer', async () => {
    const p = person('Aino', 'fi');
    const welcome = await bot.turn(p, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], ...en_US });
    expect(textOf(welcome)).to.contain(question);
    expect(submitActions(welcome).map((a) => [a.title, a.data.locale])).to.deep.equal([['Suomi', 'fi'], ['Svenska', 'sv'], ['English', 'en']]);
    // A typed Finnish word before choosing gets the question again, not an English answer.
    const typed = await bot.say(p, 'valikko', en_US);
    expect(textOf(typed)).to.contain(question).and.not.contain('What would you like to do?');
    const chosen = textOf(await bot.submit(p, { action: 'language.set', locale: 'fi' }));
    expect(chosen).to.contain('Hei! Olen Ryhmävalmentaja').and.contain('Mitä haluaisit tehdä?');
    // Kept: an English keyword from an en-US client is answered in Finnish.
    expect(textOf(await bot.say(p, 'menu', en_US))).to.contain('Mitä haluaisit tehdä?');
    expect(textOf(await bot.say(p, 'help', en_US))).to.contain('Autan pienryhmääsi');
  });

  it('asks when Teams sends no locale at all, and takes fi-FI and sv-FI as they are', async () => {
    const p = person('Siri', 'sv');
    expect(textOf(await bot.turn(p, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], locale: undefined }))).to.contain(question);
    expect(textOf(await bot.say(person('Sanna', 'sv'), 'hej', { locale: 'sv-FI' }))).to.contain('Vad vill du göra?');
    expect(textOf(await bot.say(person('Timo', 'fi'), 'hei', { locale: 'fi-FI' }))).to.contain('Mitä haluaisit tehdä?');
  });
});
