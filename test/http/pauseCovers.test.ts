import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';

/** A pause for illness over a meeting one said "yes" to: the leader would still read "coming", so the person is asked. */
describe('HTTP: a pause that covers a meeting one said yes to', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');

  before(async () => {
    await bot.start({}, { clock });
    const code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosali' });
    await onboardAndJoin(bot, aino, code);
  });
  after(async () => bot.stop());

  it('offers to change the "yes" of each meeting during the pause, and the change is the person\'s', async () => {
    const groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
    await bot.submit(leader, { action: 'meeting.new', groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: '2026-11-27', time: '10:00', duration: '60', place: '' });
    await bot.submit(leader, { action: 'meeting.new', groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Museo', date: '2026-12-10', time: '10:00', duration: '60', place: '' });
    const from = bot.connector.received.length;
    await bot.app.scheduler.tick();
    const notices = bot.connector.received.slice(from).filter((r) => r.conversationId === aino.conversationId).map((r) => r.body);
    for (const yes of submitActions(notices).filter((a) => a.data.answer === 'yes')) await bot.submit(aino, yes.data);

    await bot.submit(aino, { action: 'pause' });
    const replies = await bot.submit(aino, { action: 'pause.save', reason: 'ill', until: '2026-11-30' });
    const text = textOf(replies);
    expect(text).to.contain('Tauon aikana on tapaaminen "Kuntosali" (pe 27.11. klo 10.00–11.00). Olit vastannut tulevasi, ja ohjaaja näkee vielä sen. Haluatko muuttaa vastauksesi?');
    expect(text).to.not.contain('"Museo"');
    const offered = submitActions(replies).filter((a) => a.data.action === 'rsvp');
    expect(offered.map((a) => [a.title, a.data.answer])).to.deep.equal([['En pääse', 'no'], ['Ehkä', 'maybe']]);
    expect(textOf(await bot.submit(aino, offered[0]!.data))).to.contain('Kiitos, että kerroit. En muistuta sinua tapaamisesta "Kuntosali".');
  });
});
