import { expect } from 'chai';
import { compose } from '../../src/composition';
import { ManualClock, RecordingMessenger } from '../scheduler/support';
import { testConfig } from '../support/testConfig';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';

/**
 * The digest over the Bot Framework protocol: *Digest now* in the leader's menu and as typed words
 * in fi/sv/en, the settings form, and who may use them (a participant is refused; a leader sees only
 * their own groups).
 */
describe("HTTP: the leader's digest (Digest now, its settings) and who may use it", function () {
  this.timeout(90_000);
  // Tuesday 1 December 2026, 10:00 in Helsinki.
  const clock = new ManualClock('2026-12-01T08:00:00.000Z');
  const bot = new BotHarness();
  const leena = person('Leena', 'fi');
  const lars = person('Lars', 'sv');
  const aino = person('Aino', 'fi');

  before(async () => {
    await bot.start({}, { clock });
    for (const [leader, name, language] of [[leena, 'Kuntosali', 'Suomi'], [lars, 'Gympa', 'Svenska']] as const) {
      await bot.install(leader);
      const code = await createGroupAs(bot, leader, { leader: leader === leena ? 'Leena' : 'Lars', group: name, language });
      if (leader === leena) await onboardAndJoin(bot, aino, code);
    }
  });
  after(async () => bot.stop());

  it('plans the first digest when a participant joins, before any meeting: the default Monday 08:00 in Helsinki', async () => {
    const pending = async () =>
      (await bot.app.store.containers.jobs.items.query<{ id: string; dueAt: string }>("SELECT c.id, c.dueAt FROM c WHERE STARTSWITH(c.id, 'leader.digest:')").fetchAll()).resources;
    expect(await pending()).to.deep.equal([]);
    await bot.app.scheduler.tick(); // Aino's join notice to Leena (due when she joined)
    expect((await pending()).map((j) => [j.id.endsWith(':2026-12-07T08:00'), j.dueAt])).to.deep.equal([[true, '2026-12-07T06:00:00.000Z']]);
  });

  it('offers "Digest now" in the leader\'s menu only', async () => {
    expect(submitActions(await bot.submit(leena, { action: 'menu' })).map((a) => a.title)).to.include('Kooste nyt');
    expect(submitActions(await bot.submit(lars, { action: 'menu' })).map((a) => a.title)).to.include('Sammandrag nu');
    expect(submitActions(await bot.submit(aino, { action: 'menu' })).map((a) => a.title)).to.not.include('Kooste nyt');
  });

  it('sends the digest on demand by button and by typed word in any language, one line when nothing is new', async () => {
    for (const typed of ['kooste', 'sammandrag', 'digest']) {
      expect(textOf(await bot.say(leena, typed)), typed).to.equal('Ei uutta ryhmissäsi ti 24.11. klo 10.00 jälkeen.');
    }
    expect(textOf(await bot.submit(lars, { action: 'leader.digestNow' }))).to.equal('Inget nytt i dina grupper sedan tis 24 nov kl. 10.00.');
  });

  it('shows a card per group once something is coming: the meeting and who has not answered, only of the leader\'s own group', async () => {
    // The meeting is planned through the services on the same store (the meeting dialogs have their own tests).
    const { services } = compose({ store: bot.app.store, clock, config: testConfig(), messenger: () => new RecordingMessenger() });
    const leenaId = `msteams:aad-${leena.id}`;
    await services.meetings.scheduleMeeting(leenaId, (await services.groups.groupsLedBy(leenaId))[0]!.groupId, {
      title: 'Kuntosali', start: '2026-12-03T10:00', durationMinutes: 90, place: 'Urheilutalo',
    });
    const answer = textOf(await bot.submit(leena, { action: 'leader.digestNow' }));
    expect(answer).to.contain('Koosteesi.\nKooste: Kuntosali\nEdellisen koosteen jälkeen (ti 24.11. klo 10.00)\nSeuraavat tapaamiset\nto 3.12. klo 10.00: Kuntosali\nEi vastannut: Aino');
    expect(textOf(await bot.submit(lars, { action: 'leader.digestNow' }))).to.not.contain('Kuntosali');
  });

  it('refuses the digest and its settings to a participant, with a clear message', async () => {
    const refused = 'Vain ryhmien ohjaajat voivat tehdä sen. Jos ohjaat ryhmiä, valitse valikosta "Olen ryhmän ohjaaja".';
    expect(textOf(await bot.submit(aino, { action: 'leader.digestNow' }))).to.equal(refused);
    expect(textOf(await bot.say(aino, 'kooste'))).to.not.contain('Kooste');
    expect(textOf(await bot.submit(aino, { action: 'leader.digestSettings' }))).to.equal(refused);
    expect(textOf(await bot.submit(aino, { action: 'leader.digestSave', cadence: 'daily', weekday: '1', time: '07:00', beforeMeetings: 'true' }))).to.equal(refused);
  });

  it('lets the leader choose when it comes: the form, a wrong time asked again, the choice saved and the next digest named', async () => {
    const form = await bot.submit(leena, { action: 'leader.digestSettings' });
    expect(textOf(form)).to.equal(
      'Milloin kooste tulee\nAjat ovat aikavyöhykkeelläsi (Europe/Helsinki).\nKuinka usein\nKerran viikossa\nweekly\nJoka päivä\ndaily\nViikonpäivä (kun kerran viikossa)\nmaanantai\n1\ntiistai\n2\nkeskiviikko\n3\ntorstai\n4\nperjantai\n5\nlauantai\n6\nsunnuntai\n7\nKellonaika\nMyös tapaamista edeltävänä päivänä\ntrue\nTallenna',
    );
    expect(textOf(await bot.submit(leena, { action: 'leader.digestSave', cadence: 'daily', weekday: '1', time: '25:00', beforeMeetings: 'true' }))).to.contain('Kirjoita kellonaika muodossa 08:00.');
    expect(textOf(await bot.submit(leena, { action: 'leader.digestSave', cadence: 'daily', weekday: '1', time: '07:30', beforeMeetings: 'false' }))).to.equal('Tallennettu. Seuraava kooste tulee ke 2.12. klo 7.30.');
    expect(textOf(await bot.submit(lars, { action: 'leader.digestSave', cadence: 'weekly', weekday: '5', time: '16:00', beforeMeetings: 'true' }))).to.equal('Sparat. Nästa sammandrag kommer fre 4 dec kl. 16.00.');
    const again = await bot.submit(leena, { action: 'leader.digestSettings' });
    expect(JSON.stringify(again)).to.contain('"id":"time","label":"Kellonaika","value":"07:30"');
  });
});
