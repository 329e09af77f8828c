import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, person, textOf, type Person } from '../support/botHarness';
import { groupOverHttp } from './activities/support';

const uid = (p: Person) => `msteams:aad-${p.id}`;

/**
 * A leader's private message at night waits for the participant's quiet hours to end (the default
 * 21.00–8.00, as for reminders), and the leader is told so, with the time, in their language. The
 * participant's answer to the leader is not held.
 */
describe("HTTP: private guidance and the participant's quiet hours", function () {
  this.timeout(60_000);
  // 22.30 in Helsinki (UTC+2): inside the default quiet hours, which end at 8.00 = 06:00Z.
  const clock = new ManualClock('2026-12-01T20:30:00.000Z');
  const bot = new BotHarness();
  const leena = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const lars = person('Lars', 'sv');
  const emma = person('Emma', 'sv');
  const ben = person('Ben', 'en');
  const cara = person('Cara', 'en');
  const groups: Record<string, string> = {};

  const tick = (ms = 60_000) => {
    clock.advance(ms);
    return bot.app.scheduler.tick();
  };
  async function receivedBy(p: Person, run: () => Promise<unknown>) {
    const from = bot.connector.received.length;
    await run();
    return bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => JSON.stringify(r.body));
  }
  async function write(leader: Person, to: Person, group: string, text: string) {
    await bot.submit(leader, { action: 'leader.message', groupId: group, userId: uid(to) });
    return textOf(await bot.say(leader, text));
  }

  before(async () => {
    await bot.start({}, { clock });
    groups.fi = await groupOverHttp(bot, leena, [aino], 'Kuntosali');
    groups.sv = await groupOverHttp(bot, lars, [emma], 'Gympa');
    groups.en = await groupOverHttp(bot, ben, [cara], 'Walkers');
    await tick(); // the leaders' notices of the joins
  });
  after(async () => bot.stop());

  it('holds the message until 8.00 and tells the leader so in fi, sv and en; it arrives once, at 8.00', async () => {
    expect(await write(leena, aino, groups.fi!, 'Hei Aino, miten menee?')).to.equal(
      'Viestisi on matkalla. Hiljainen aika on nyt käytössä, joten Aino saa sen ke 2.12. klo 8.00. Kerron, jos se ei mene perille.',
    );
    expect(await write(lars, emma, groups.sv!, 'Hej Emma!')).to.equal(
      'Ditt meddelande är på väg. Det är tyst tid just nu, så Emma får det ons 2 dec kl. 8.00. Jag säger till om det inte går fram.',
    );
    expect(await write(ben, cara, groups.en!, 'Hi Cara!')).to.equal(
      "Your message is on its way. It's quiet hours now, so Cara gets it Wed 2 Dec, 08:00. I'll tell you if it doesn't arrive.",
    );
    // The night passes in ticks: nothing reaches Aino before 8.00 (06:00Z).
    const atNight = await receivedBy(aino, async () => {
      for (let i = 0; i < 9; i++) await tick(60 * 60_000); // 20:31Z → 05:31Z
      await tick(28 * 60_000); // 05:59Z = 7.59 in Helsinki
    });
    expect(atNight.filter((b) => b.includes('Hei Aino, miten menee?'))).to.have.length(0);
    const morning = await receivedBy(aino, async () => {
      await tick(2 * 60_000); // 06:01Z = 8.01 in Helsinki
      await tick();
    });
    expect(morning.filter((b) => b.includes('Hei Aino, miten menee?'))).to.have.length(1);
    expect((await receivedBy(cara, () => tick())).length).to.equal(0); // Cara's came in the same morning tick, once
  });

  it('sends a message written in the daytime at once, with the usual words', async () => {
    clock.set('2026-12-02T10:00:00.000Z'); // 12.00 in Helsinki
    expect(await write(leena, aino, groups.fi!, 'Muista torstai!')).to.equal('Viestisi on matkalla: Aino. Kerron, jos se ei mene perille.');
    expect((await receivedBy(aino, () => tick())).filter((b) => b.includes('Muista torstai!'))).to.have.length(1);
  });

  it("does not hold the participant's answer to the leader at night (the leader's quiet hours are not the participant's to keep)", async () => {
    clock.set('2026-12-02T21:00:00.000Z'); // 23.00 in Helsinki
    const { resources } = await bot.app.store.containers.users.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'guidanceMessage' AND c.userId = @u AND c.text = 'Muista torstai!'", parameters: [{ name: '@u', value: uid(aino) }] })
      .fetchAll();
    await bot.submit(aino, { action: 'leader.reply', messageId: resources[0]!.id });
    expect(textOf(await bot.say(aino, 'Kiitos, muistan!'))).to.equal('Vastauksesi on matkalla ohjaajallesi. Kerron, jos se ei mene perille.');
    expect((await receivedBy(leena, () => tick())).filter((b) => b.includes('Kiitos, muistan!'))).to.have.length(1);
  });
});
