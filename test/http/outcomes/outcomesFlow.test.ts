import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, submitActions, textOf } from '../../support/botHarness';
import { buttonData, countDocs, groupOverHttp } from '../activities/support';

/** Recording outcomes, a participant's own view, the 4-month follow-up and the report, over the Bot Framework protocol. */
describe('HTTP: outcomes and the programme report', function () {
  const clock = new ManualClock('2026-02-02T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const other = person('Olavi', 'fi');
  const aino = person('Aino', 'fi');
  const siri = person('Siri', 'sv');
  const pekka = person('Pekka', 'en');
  const kalle = person('Kalle', 'fi');
  let groupId = '';

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leader, [aino, siri, pekka, kalle], 'Kuntosali');
    await groupOverHttp(bot, other, [], 'Toinen');
  });
  after(async () => bot.stop());

  it('shows Outcomes and Report in a leader\'s menu only', async () => {
    const titles = submitActions(await bot.say(leader, 'valikko')).map((a) => a.title);
    expect(titles).to.include('Tulokset');
    expect(submitActions(await bot.say(leader, 'tulokset')).map((a) => a.title)).to.include('Raportti');
    const theirs = submitActions(await bot.say(aino, 'valikko')).map((a) => a.title);
    expect(theirs).to.not.include('Tulokset').and.not.include('Raportti');
  });

  it('records an employment from the ledger and corrects it, keeping the history', async () => {
    const ledger = await bot.say(leader, 'tulokset');
    expect(textOf(ledger)).to.contain('Tulokset: Kuntosali').and.contain('Pekka').and.contain('Ei vielä merkintöjä.');
    const form = await bot.submit(leader, buttonData(ledger, (d) => d.action === 'outcomes.record' && d.userId.includes('pekka')));
    expect(textOf(form)).to.contain('Kirjaa tulos: Pekka');
    const save = buttonData(form, (d) => d.action === 'outcomes.record.save');
    const missing = await bot.submit(leader, { ...save, kind: 'employed', date: '2026-02-01', hours: '', term: '' });
    expect(textOf(missing)).to.contain('Tietoja puuttuu: työlle tarvitaan työaika ja sopimus').and.contain('Kirjaa tulos: Pekka');
    const saved = await bot.submit(leader, { ...save, kind: 'employed', date: '2026-02-01', hours: 'part', term: 'fixed' });
    expect(textOf(saved)).to.contain('Tallennettu. Merkintä on osallistujan historiassa.').and.contain('Töissä 1.2.2026 alkaen (osa-aikainen, määräaikainen)');
    const fix = await bot.submit(leader, buttonData(saved, (d) => d.action === 'outcomes.record' && d.supersedes));
    expect(textOf(fix)).to.contain('Korjaat: Töissä 1.2.2026 alkaen (osa-aikainen, määräaikainen). Aiempi merkintä jää historiaan.');
    const fixed = await bot.submit(leader, { ...buttonData(fix, (d) => d.action === 'outcomes.record.save'), kind: 'employed', date: '2026-02-01', hours: 'full', term: 'open' });
    expect(textOf(fixed)).to.contain('Korjattu. Aiempi merkintä jää historiaan.').and.contain('Töissä 1.2.2026 alkaen (kokoaikainen, toistaiseksi voimassa)').and.not.contain('osa-aikainen');
    expect(await countDocs(bot, groupId, 'outcome')).to.equal(2);
  });

  it('shows a participant their own outcomes only, takes their note; another leader sees nothing', async () => {
    const own = textOf(await bot.say(pekka, 'outcomes'));
    expect(own).to.contain('Your outcomes').and.contain('Employed from 1 Feb 2026 (full time, open-ended)').and.contain('Only you and your group leader see these.');
    const siriView = await bot.say(siri, 'resultat');
    expect(textOf(siriView)).to.contain('Din ledare har inte antecknat något än.').and.not.contain('Anställd');
    const noteSave = buttonData(siriView, (d) => d.action === 'outcomes.note.save');
    expect(textOf(await bot.submit(siri, { ...noteSave, note: 'Jag har en intervju på fredag' }))).to.equal('Din kommentar är sparad. Din ledare kan se den.');
    expect(textOf(await bot.submit(other, { action: 'outcomes.home', groupId }))).to.equal('Et ole ryhmässä. Liity ryhmään koodilla, jonka sait ohjaajaltasi.');
    expect(textOf(await bot.submit(aino, { action: 'outcomes.record', groupId, userId: `test:${pekka.id}` }))).to.equal('Vain ryhmän oma ohjaaja voi tehdä sen.');
    expect(textOf(await bot.submit(other, { action: 'outcomes.report', groupId }))).to.equal('Vain ryhmän oma ohjaaja voi tehdä sen.');
  });

  it('asks the 4-month follow-up on the ledger and confirms it in one step', async () => {
    clock.set('2026-06-01T08:00:00.000Z');
    const ledger = await bot.say(leader, 'tulokset');
    expect(textOf(ledger)).to.contain('Neljä kuukautta on kulunut: Töissä 1.2.2026 alkaen (kokoaikainen, toistaiseksi voimassa). Onko hän yhä töissä?');
    expect(textOf(await bot.submit(leader, buttonData(ledger, (d) => d.action === 'outcomes.followUp' && d.stillEmployed === true)))).to.equal('Tallennettu: töissä vähintään 4 kuukautta.');
    expect(textOf(await bot.say(pekka, 'outcomes'))).to.contain('Employed from 1 Feb 2026 (full time, open-ended) — at least 4 months');
  });

  it('reports in words and as two CSV files with BOM and ";", warning that 4 people are identifiable', async () => {
    const from = bot.connector.received.length;
    const report = await bot.say(leader, 'raportti');
    const text = textOf(report);
    expect(text).to.contain('Ohjelman raportti').and.contain('Osallistujia: 4.').and.contain('Töissä vähintään 4 kuukautta: 25 % (1/4).');
    expect(text).to.contain('Alle 5 henkilöä: luvuista voi tunnistaa yksittäisiä ihmisiä. Älä jaa niitä.');
    const image = JSON.stringify(report).match(/"url":"data:image\/png;base64,([^"]+)"/);
    expect(image, 'the report card carries a PNG chart').to.not.equal(null);
    expect(Buffer.from(image![1]!, 'base64').subarray(0, 8).toString('hex')).to.equal('89504e470d0a1a0a');
    expect(JSON.stringify(report)).to.contain('Pylväskaavio raportin luvuista.');
    // In Teams the files wait in the store for the consent cards' answer (reportFiles.test.ts follows one through).
    const consents = bot.connector.received.slice(from).flatMap((r) => (r.body.attachments ?? []) as Array<{ contentType: string; name: string; content: any }>).filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(consents.map((f) => f.name)).to.deep.equal(['outcomes-participants.csv', 'outcomes-summary.csv']);
    const held = async (i: number) => String((await bot.app.store.containers.users.item(`pendingFile:${consents[i]!.content.acceptContext.fileId}`, `msteams:aad-${leader.id}`).read()).resource.content);
    const csv = await held(0);
    expect(csv.startsWith('\uFEFFgroup;participant;latest;')).to.equal(true);
    expect(csv.trim().split('\r\n')).to.have.length(5);
    for (const name of ['Pekka', 'Siri', 'Aino', 'Kalle', 'Leena']) expect(csv).to.not.contain(name);
    expect(await held(1)).to.contain('Kaikki ryhmät;4;0;1;1;0;0.250;0;0;0;;0;0.000;0;0;0;0;0');
  });
});
