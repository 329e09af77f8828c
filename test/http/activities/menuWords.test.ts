import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, submitActions, textOf, type Person } from '../../support/botHarness';
import { groupOverHttp } from './support';

/** Menu, help and typed words of activities, per role, in fi, sv and en (literal texts). */
describe('HTTP: activities in the menu, the help and typed words, per role and language', function () {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const siri = person('Siri', 'sv');
  const pekka = person('Pekka', 'en');
  const outi = person('Outi', 'en');
  const titles = (activities: Awaited<ReturnType<BotHarness['say']>>) => submitActions(activities).map((a) => a.title);

  before(async () => {
    await bot.start({}, { clock });
    await groupOverHttp(bot, leader, [aino, siri, pekka], 'Kuntosali');
    await bot.install(outi);
  });
  after(async () => bot.stop());

  it('shows Activities in the menu of every member in their language, and not to someone in no group', async () => {
    expect(titles(await bot.say(aino, 'valikko'))).to.include('Aktiviteetit');
    expect(titles(await bot.say(leader, 'valikko'))).to.include('Aktiviteetit');
    expect(titles(await bot.say(siri, 'meny'))).to.include('Aktiviteter');
    expect(titles(await bot.say(pekka, 'menu'))).to.include('Activities');
    expect(titles(await bot.say(outi, 'menu'))).to.not.include('Activities');
  });

  it('shows propose, ideas and vote to members, and opening a vote to the leader only', async () => {
    const cases: Array<[Person, string, string[]]> = [
      [aino, 'aktiviteetit', ['Ehdota lomakkeella', 'Ehdota vaihe vaiheelta', 'Ideapankki']],
      [siri, 'aktiviteter', ['Föreslå med formulär', 'Föreslå steg för steg', 'Idébanken']],
      [pekka, 'activities', ['Propose with a form', 'Propose step by step', 'Idea library']],
    ];
    for (const [p, word, expected] of cases) expect(titles(await bot.say(p, word)), p.name).to.deep.equal(expected);
    expect(titles(await bot.say(leader, 'aktiviteetit'))).to.deep.equal(['Ehdota lomakkeella', 'Ehdota vaihe vaiheelta', 'Ideapankki', 'Avaa äänestys', 'Tallenna asetus']);
  });

  it('answers the typed words in each language', async () => {
    const cases: Array<[Person, string, string]> = [
      [aino, 'ideat', 'Ideapankki'],
      [aino, 'äänestä', 'Äänestystä ei ole nyt auki.'],
      [aino, 'ehdota', 'Mitä ryhmä voisi tehdä? Kirjoita lyhyt nimi.'],
      [siri, 'idéer', 'Idébanken'],
      [siri, 'rösta', 'Ingen omröstning är öppen just nu.'],
      [siri, 'föreslå', 'Vad kunde gruppen göra? Skriv ett kort namn.'],
      [pekka, 'ideas', 'Idea library'],
      [pekka, 'vote', 'No vote is open right now.'],
      [pekka, 'propose', 'What could the group do? Write a short name.'],
    ];
    for (const [p, word, expected] of cases) {
      expect(textOf(await bot.say(p, word)), word).to.contain(expected);
      if (/^(ehdota|föreslå|propose)$/.test(word)) await bot.say(p, { fi: 'peruuta', sv: 'avbryt', en: 'cancel' }[p.locale]);
    }
  });

  it('tells how activities work in the help, in each language', async () => {
    expect(textOf(await bot.say(aino, 'apua'))).to.contain(
      'Aktiviteetit suunnitellaan yhdessä: kirjoita "ehdota", "ideat" tai "äänestä".',
    );
    expect(textOf(await bot.say(siri, 'hjälp'))).to.contain(
      'Planera aktiviteter tillsammans: skriv "föreslå", "idéer" eller "rösta".',
    );
    expect(textOf(await bot.say(pekka, 'help'))).to.contain(
      'Plan activities together: type "propose", "ideas" or "vote".',
    );
  });

  it('gives someone in no group a clear answer to the activities words, and starts nothing', async () => {
    for (const word of ['propose', 'vote', 'ideas']) {
      const answer = textOf(await bot.say(outi, word));
      expect(answer, word).to.not.contain('What could the group do?').and.not.contain('Idea library');
      expect(answer, word).to.equal("You're not in a group. Join one with the code from your leader.");
    }
  });
});
