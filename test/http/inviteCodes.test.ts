import { expect } from 'chai';
import { BotHarness, createGroupAs, inviteCodeIn, onboardToCode, person, submitActions, textOf, type Person } from '../support/botHarness';

/** Sentences are sentences: only a real code is tried and counted; a replaced code says so. */
describe('HTTP: invite codes are recognised, sentences are not', function () {
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  let code = '';
  let groupId = '';

  before(async () => {
    await bot.start();
    await bot.install(leader);
    code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosaliryhmä' });
    groupId = submitActions(await bot.submit(leader, { action: 'myGroups' }))[0]!.data.groupId as string;
  });
  after(async () => bot.stop());

  const onboard = (p: Person) => onboardToCode(bot, p);

  it('asks again, without counting, when a sentence is typed where the code is asked; then the code works', async () => {
    const p = person('Pekka', 'en');
    await onboard(p);
    for (const sentence of ['Milloin on seuraava tapaaminen?', 'where is it', 'keskustelu', 'I have it somewhere', 'wait a second', 'one more moment']) {
      const text = textOf(await bot.say(p, sentence));
      expect(text, sentence).to.contain("That doesn't look like a code. A code looks like ABCDE-FGHJK. Type it here, or type \"cancel\".");
      expect(text, sentence).to.not.contain("That code doesn't work");
    }
    const spaced = `${code.slice(0, 5)} ${code.slice(6)}`.toLowerCase();
    expect(textOf(await bot.say(p, spaced))).to.contain('Welcome to the group "Kuntosaliryhmä"');
  });

  it('takes sentences outside a dialog as sentences, never as wrong codes, and lets a code with a space in', async () => {
    const p = person('Aino', 'fi');
    await onboard(p);
    await bot.say(p, 'peruuta');
    for (const sentence of ['Milloin on seuraava tapaaminen?', 'Avaa keskustelu', 'keskustelu', 'Tervetuloa kaikki', 'Hyvää huomenta kaikille', 'Kiitos paljon']) {
      expect(textOf(await bot.say(p, sentence)), sentence).to.not.contain('Tuo koodi ei toimi');
    }
    const spaced = `${code.slice(0, 5)} ${code.slice(6)}`.toLowerCase();
    expect(textOf(await bot.say(p, spaced))).to.contain('Tervetuloa ryhmään "Kuntosaliryhmä"!');
  });

  it("finds the code in the bot's own invite sentence pasted whole, in Swedish", async () => {
    const p = person('Siri', 'sv');
    await onboard(p);
    await bot.say(p, 'avbryt');
    const pasted = `Du är inbjuden till coachningsgruppen "Kuntosaliryhmä". Öppna en chatt med Gruppcoachen (Group Coach) och skriv koden ${code}. Koden gäller till och med 15.12.2026.`;
    expect(textOf(await bot.say(p, pasted))).to.contain('Välkommen till gruppen "Kuntosaliryhmä"');
  });

  it('counts real wrong codes: five, then a wait', async () => {
    const p = person('Sam', 'en');
    await onboard(p);
    await bot.say(p, 'cancel');
    for (let i = 0; i < 5; i++) expect(textOf(await bot.say(p, 'ABCDE-FGHJK'))).to.contain("That code doesn't work.");
    expect(textOf(await bot.say(p, code))).to.contain('wait 15 min');
  });

  it('asks before renewing the invite, and the new invite says the old code stopped', async () => {
    const question = await bot.submit(leader, { action: 'renewInvite', groupId });
    expect(textOf(question)).to.contain(`Tehdäänkö ryhmälle "Kuntosaliryhmä" uusi koodi? Vanha koodi ${code} lakkaa heti toimimasta`);
    expect(inviteCodeIn(await bot.submit(leader, { action: 'myGroups' }))).to.equal(code);
    const renewed = await bot.submit(leader, submitActions(question).find((a) => a.title === 'Tee uusi koodi')!.data);
    expect(textOf(renewed)).to.contain(`Vanha koodi ${code} ei enää toimi.`).and.contain('Kopioi tämä viesti osallistujille:');
    expect(inviteCodeIn(renewed)).to.not.equal(code);
  });

  it('tells someone with the replaced code that it was replaced', async () => {
    const p = person('Ville', 'en');
    await onboard(p);
    expect(textOf(await bot.say(p, code))).to.contain('This code has been replaced. Ask your leader for the new one.');
  });
});
