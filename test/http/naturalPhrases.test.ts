import { expect } from 'chai';
import { BotHarness, onboardToCode, onboardingWords, person, submitActions, textOf } from '../support/botHarness';

/** What people actually write: "I don't understand", "joo", "på svenska". */
describe('HTTP: natural phrases get help with one next step, the usual yes and no, a language in words', function () {
  const bot = new BotHarness();
  before(async () => bot.start());
  after(async () => bot.stop());

  const actions = (replies: Record<string, any>[]) => submitActions(replies).map((a) => a.data.action);

  const lost: Array<[string, 'fi' | 'sv' | 'en', string]> = [
    ['en ymmärrä', 'fi', 'Ei hätää, edetään yksi asia kerrallaan. Paina "Aloita". Kysyn ensin kielen ja luvan, sitten nimesi.'],
    ['Mitä pitää tehdä?', 'fi', 'Ei hätää, edetään yksi asia kerrallaan.'],
    ['apua, en ymmärrä yhtään', 'fi', 'Ei hätää, edetään yksi asia kerrallaan.'],
    ['Vad ska jag göra?', 'sv', 'Ingen fara, vi tar en sak i taget. Tryck på "Kom igång". Jag frågar först om språk och samtycke, sedan ditt namn.'],
    ['jag förstår inte', 'sv', 'Ingen fara, vi tar en sak i taget.'],
    ['What do I do?', 'en', 'No worries, one thing at a time. Press "Get started".'],
    ['I don’t understand', 'en', 'No worries, one thing at a time.'],
  ];
  for (const [phrase, locale, expected] of lost) {
    it(`answers "${phrase}" from a newcomer with one next step, not the whole menu`, async () => {
      const p = person('New', locale);
      const replies = await bot.say(p, phrase);
      const text = textOf(replies);
      expect(text).to.contain(expected);
      expect(text).to.not.contain('Anteeksi, en aivan ymmärtänyt').and.not.contain("Sorry, I didn't quite");
      expect(actions(replies)).to.deep.equal(['onboard']);
    });
  }

  it('tells someone who has started but not joined to type the code', async () => {
    const p = person('Siri', 'sv');
    await onboardToCode(bot, p);
    await bot.say(p, 'avbryt');
    const replies = await bot.say(p, 'vad gör jag nu');
    expect(textOf(replies)).to.contain('Ingen fara. Gå nu med i din grupp: skriv koden du fått av din ledare här (till exempel ABCDE-FGHJK).');
    expect(actions(replies)).to.deep.equal(['join']);
  });

  it('inside a dialog, "en ymmärrä" repeats the question with a hint and is never taken as "no"', async () => {
    const p = person('Aino', 'fi');
    await bot.submit(p, { action: 'onboard' });
    await bot.say(p, 'Suomi');
    const help = textOf(await bot.say(p, 'en ymmärrä'));
    expect(help).to.contain('Aloitetaan yhdessä: valitset kielen').and.contain('Saanko tallentaa nämä tiedot?');
    expect(help).to.not.contain('Se on täysin kunnossa. En tallenna sinusta mitään.');
    expect(textOf(await bot.say(p, 'joo'))).to.contain('Millä nimellä haluat näkyä ryhmässä?');
  });

  const answers: Array<['fi' | 'sv' | 'en', string, string]> = [
    ['fi', 'juu', 'Millä nimellä haluat näkyä ryhmässä?'],
    ['fi', 'okei', 'Millä nimellä haluat näkyä ryhmässä?'],
    ['sv', 'japp', 'Vilket namn vill du att din grupp ska se?'],
    ['sv', 'okej', 'Vilket namn vill du att din grupp ska se?'],
    ['en', 'yeah', 'What name would you like your group to see?'],
    ['en', 'ok', 'What name would you like your group to see?'],
    ['fi', 'en', 'Se on täysin kunnossa. En tallenna sinusta mitään.'],
    ['fi', 'ei', 'Se on täysin kunnossa. En tallenna sinusta mitään.'],
    ['sv', 'nej', 'Det är helt okej. Jag sparar ingenting om dig.'],
    ['en', 'no', "That's completely okay. I won't store anything about you."],
  ];
  for (const [locale, word, expected] of answers) {
    it(`takes "${word}" as the usual yes or no at the consent question (${locale})`, async () => {
      const p = person('Answer', locale);
      await bot.submit(p, { action: 'onboard' });
      await bot.say(p, onboardingWords[locale].lang);
      expect(textOf(await bot.say(p, word))).to.contain(expected);
    });
  }

  it('chooses the language in words: "suomeksi kiitos", "på svenska", "in English"', async () => {
    const p = person('Pekka', 'en');
    const fi = textOf(await bot.say(p, 'suomeksi kiitos'));
    expect(fi).to.contain('Selvä, käytän tästä lähtien suomea.').and.contain('Mitä haluaisit tehdä?');
    expect(textOf(await bot.say(p, 'hello'))).to.contain('Hei! Kiva kuulla sinusta.');
    // In the middle of a question: the same question again, in the language asked for.
    await bot.submit(p, { action: 'onboard' });
    await bot.say(p, 'Suomi');
    await bot.say(p, 'kyllä');
    const sv = textOf(await bot.say(p, 'På svenska!'));
    expect(sv).to.contain('Klart, jag använder svenska från och med nu.').and.contain('Vilket namn vill du att din grupp ska se?');
    expect(textOf(await bot.say(p, 'in English'))).to.contain("Done, I'll use English from now on.").and.contain('What name would you like your group to see?');
  });
});
