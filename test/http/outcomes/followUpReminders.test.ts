import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, textOf } from '../../support/botHarness';
import { buttonData, groupOverHttp } from '../activities/support';

/** The leader's follow-up reminders, +1 and +4 months after the group's end and 4 months after a job started: each exactly once. */
describe('HTTP: outcome follow-up reminders to the leader', function () {
  const clock = new ManualClock('2026-02-02T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const pekka = person('Pekka', 'en');
  let groupId = '';

  const toLeader = (from: number) => textOf(bot.connector.received.slice(from).filter((r) => r.conversationId === leader.conversationId).map((r) => r.body));
  const tickAt = async (iso: string) => {
    const from = bot.connector.received.length;
    clock.set(iso);
    await bot.app.scheduler.tick();
    return { from, text: toLeader(from) };
  };

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leader, [pekka], 'Kuntosali');
  });
  after(async () => bot.stop());

  it('plans the reminders from the group dates and an employment, and sends each once at 9:00 Helsinki time', async () => {
    // The leader's notice of Pekka's join is a scheduler job too: let it go before counting.
    await bot.app.scheduler.tick();
    const ledger = await bot.say(leader, 'tulokset');
    expect(textOf(await bot.submit(leader, { ...buttonData(ledger, (d) => d.action === 'outcomes.dates.save'), startDate: '2026-01-05', endDate: '2026-03-20' }))).to.equal(
      'Päivät tallennettu. Muistutan sinua seurannasta kuukausi ja neljä kuukautta päättymisen jälkeen.',
    );
    // The end moves: the same two jobs move with it.
    await bot.submit(leader, { action: 'outcomes.dates.save', groupId, startDate: '2026-01-05', endDate: '2026-03-31' });
    expect(textOf(await bot.say(leader, 'tulokset'))).to.contain('Ryhmä: 5.1.2026–31.3.2026');
    const form = await bot.submit(leader, buttonData(ledger, (d) => d.action === 'outcomes.record'));
    await bot.submit(leader, { ...buttonData(form, (d) => d.action === 'outcomes.record.save'), kind: 'employed', date: '2026-02-01', hours: 'full', term: 'open' });

    expect((await tickAt('2026-04-20T06:30:00.000Z')).text).to.equal('');
    expect((await tickAt('2026-04-30T05:59:00.000Z')).text).to.equal('');
    expect((await tickAt('2026-04-30T06:01:00.000Z')).text).to.contain('Ryhmän Kuntosali päättymisestä on kuukausi. Kirjaa, mitä kullekin osallistujalle kuuluu.');
    expect((await tickAt('2026-04-30T07:00:00.000Z')).text).to.equal('');

    const job = await tickAt('2026-06-01T06:01:00.000Z');
    expect(job.text).to.contain('Seuranta: Pekka – Töissä 1.2.2026 alkaen (kokoaikainen, toistaiseksi voimassa). Neljä kuukautta on nyt kulunut. Onko hän yhä töissä?');
    const answer = buttonData(bot.connector.received.slice(job.from).map((r) => r.body), (d) => d.action === 'outcomes.followUp' && d.stillEmployed === true);
    expect(textOf(await bot.submit(leader, answer))).to.equal('Tallennettu: töissä vähintään 4 kuukautta.');
    expect((await tickAt('2026-06-02T06:01:00.000Z')).text).to.equal('');

    expect((await tickAt('2026-07-31T06:01:00.000Z')).text).to.contain('Ryhmän Kuntosali päättymisestä on neljä kuukautta.');
    expect((await tickAt('2026-08-31T06:01:00.000Z')).text).to.equal('');
  });
});
