import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, createGroupAs, person, submitActions, textOf } from '../support/botHarness';

/** A double click on Save: one meeting, one answer, no "someone changed the same thing". */
describe('HTTP: a repeated submit of the same form answers once', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  let groupId = '';
  const form = { action: 'meeting.save', title: 'Kuntosali', date: '2026-12-02', time: '10:00', duration: '90', place: 'Urheilutalo' };

  before(async () => {
    await bot.start({}, { clock });
    await bot.install(leader);
    await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosali' });
    groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
  });
  after(async () => bot.stop());

  const meetingsListed = async () => (textOf(await bot.submit(leader, { action: 'meetings' })).match(/Kuntosali/g) ?? []).length;

  it('answers a double click arriving at the same moment once, and stores one meeting', async () => {
    await bot.submit(leader, { action: 'meeting.new', groupId });
    const before = bot.connector.received.length;
    await Promise.all([bot.submit(leader, form), bot.submit(leader, form)]);
    // Everything said in the leader's chat while the two turns ran (their windows overlap, so read it once).
    const all = textOf(bot.connector.received.slice(before).filter((r) => r.conversationId === leader.conversationId).map((r) => r.body));
    expect(all.match(/Valmista! Tapaaminen "Kuntosali" on sovittu/g)).to.have.length(1);
    expect(all).to.not.contain('Joku muutti samaa asiaa').and.not.contain('vanhasta viestistä');
    expect(await meetingsListed()).to.equal(2); // the list's title "Tapaamiset – Kuntosali" and the one meeting
  });

  it('answers a second click after the first was answered with nothing, not "old button"', async () => {
    await bot.submit(leader, { action: 'meeting.new', groupId });
    const again = { ...form, time: '12:00' };
    expect(textOf(await bot.submit(leader, again))).to.contain('Valmista! Tapaaminen "Kuntosali" on sovittu');
    expect(await bot.submit(leader, again)).to.deep.equal([]);
    // Later the same card is an old card again.
    clock.set('2026-11-25T08:01:00.000Z');
    expect(textOf(await bot.submit(leader, again))).to.contain('Tuo painike on vanhasta viestistä');
  });
});
