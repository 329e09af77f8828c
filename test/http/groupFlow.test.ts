import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';

describe('HTTP: a leader and four participants, each in their own language', function () {
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  let code = '';
  const people = [person('Pekka', 'en'), person('Siri', 'sv'), person('Aino', 'fi'), person('Sam', 'en')];

  before(async () => {
    // Daytime in Helsinki: notices to the leader keep quiet hours like every proactive message.
    await bot.start({}, { clock: new ManualClock('2026-11-25T10:00:00.000Z') });
  });
  after(async () => bot.stop());

  it('welcomes a Teams install with the menu for their role', async () => {
    const replies = await bot.install(leader);
    const text = textOf(replies);
    expect(text).to.contain('Olen Ryhmävalmentaja');
    expect(submitActions(replies).map((a) => a.data.action)).to.include.members(['onboard', 'newGroup', 'help']);
  });

  it('answers a Finnish "hei" with the menu', async () => {
    const replies = await bot.say(leader, 'hei');
    expect(textOf(replies)).to.contain('Hei! Kiva kuulla sinusta.').and.contain('Mitä haluaisit tehdä?').and.not.contain('en aivan ymmärtänyt');
    // A greeting in another language is still a greeting; the answer stays in the person's language.
    expect(textOf(await bot.say(leader, 'Hej!'))).to.contain('Hei! Kiva kuulla sinusta.');
    expect(textOf(await bot.say(leader, 'blah'))).to.contain('Anteeksi, en aivan ymmärtänyt.');
  });

  it('lets the leader create a group and shows an invite with a forwardable sentence', async () => {
    expect(textOf(await bot.submit(leader, { action: 'newGroup' }))).to.contain('Millä nimellä haluat näkyä osallistujille?');
    expect(textOf(await bot.say(leader, 'Leena'))).to.contain('Mikä on ryhmän nimi?');
    expect(textOf(await bot.say(leader, 'Kuntosaliryhmä'))).to.contain('aikavyöhykkeellä');
    expect(textOf(await bot.say(leader, 'Europe/Helsinki'))).to.contain('Mitä kieltä ryhmä käyttää?');
    const created = await bot.say(leader, 'Suomi');
    const text = textOf(created);
    expect(text).to.contain('Ryhmä "Kuntosaliryhmä" on valmis');
    expect(text).to.contain('Sinut on kutsuttu valmennusryhmään "Kuntosaliryhmä"');
    code = inviteCodeIn(created);
  });

  it('onboards participants in Finnish, Swedish and English and lets four join', async () => {
    const leaderBefore = bot.connector.activities(leader.conversationId).length;
    const expected = { en: 'Welcome to the group "Kuntosaliryhmä"', sv: 'Välkommen till gruppen "Kuntosaliryhmä"', fi: 'Tervetuloa ryhmään "Kuntosaliryhmä"' };
    for (const p of people) {
      const replies = await onboardAndJoin(bot, p, code.toLowerCase());
      expect(textOf(replies), p.name).to.contain(expected[p.locale]);
    }
    // Nothing reached the leader inside the participants' turns: the notices are jobs.
    expect(bot.connector.activities(leader.conversationId)).to.have.length(leaderBefore);
    const report = await bot.app.scheduler.tick();
    expect(report).to.include({ sent: 4, failed: 0 });
    const leaderInbox = textOf(bot.connector.activities(leader.conversationId));
    expect(leaderInbox).to.contain('Pekka liittyi ryhmääsi "Kuntosaliryhmä". Ryhmässä on nyt 1 osallistuja.');
    expect(leaderInbox).to.contain('Sam liittyi ryhmääsi "Kuntosaliryhmä". Ryhmässä on nyt 4 osallistujaa.');
  });

  it('tells the fifth participant kindly that the group is full, and stores nothing wrong', async () => {
    const fifth = person('Ville', 'fi');
    const replies = await onboardAndJoin(bot, fifth, code);
    expect(textOf(replies)).to.contain('Ryhmä on jo täynnä (4 osallistujaa)');
    const roster = textOf(await bot.submit(leader, { action: 'myGroups' }));
    expect(roster).to.contain('4/4 paikkaa varattu');
    expect(roster).to.not.contain('Ville');
    expect(roster).to.contain('Pekka').and.contain('Siri').and.contain('Aino').and.contain('Sam');
  });

  it('keeps the roster from participants: a leader action from a participant is refused', async () => {
    const p = person('Outi', 'sv');
    await bot.install(p);
    const groupId = submitActions(await bot.submit(leader, { action: 'myGroups' }))[0]!.data.groupId as string;
    const replies = await bot.submit(p, { action: 'renewInvite', groupId });
    expect(textOf(replies)).to.contain('Bara gruppens egen ledare kan göra det.');
    const again = inviteCodeIn(await bot.submit(leader, { action: 'myGroups' }));
    expect(again).to.equal(code);
  });

  it('answers a forged card payload with a clear message instead of crashing', async () => {
    const replies = await bot.submit(leader, { action: 'dropTables', groupId: { $ne: null } });
    expect(textOf(replies)).to.contain('painike on vanhasta viestistä');
  });

  it('refuses a 10,000-character message politely and stores nothing of it', async () => {
    const p = person('Long', 'en');
    const replies = await bot.say(p, 'x'.repeat(10_000));
    expect(textOf(replies)).to.contain('longer than I can take (2000 characters)');
    const { resources } = await bot.app.store.containers.users.items.query("SELECT * FROM c WHERE c.type = 'user'").fetchAll();
    expect(resources.some((u) => JSON.stringify(u).includes('xxxxxxxxxx'))).to.equal(false);
  });

  it('understands help, cancel and menu typed in another language in the middle of a dialog', async () => {
    const p = person('Kaisa', 'fi');
    await bot.submit(p, { action: 'join' });
    const help = textOf(await bot.say(p, 'help'));
    expect(help).to.contain('Tässä liityt ryhmään.');
    const cancelled = textOf(await bot.say(p, 'avbryt'));
    expect(cancelled).to.contain('Selvä, lopetin sen.');
    expect(cancelled).to.contain('Mitä haluaisit tehdä?');
  });

  it('welcomes a Teams group chat and lets the leader link it to the group with an @mention', async () => {
    const chat = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
    const welcome = await bot.turn({ ...leader, conversationId: chat.id }, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], conversation: chat });
    expect(textOf(welcome)).to.contain('Hei kaikki!');
    const mention = { type: 'mention', text: '<at>Group Coach</at>', mentioned: { id: 'bot-id', name: 'Group Coach' } };
    const linked = await bot.turn(
      { ...leader, conversationId: chat.id },
      { type: 'message', text: '<at>Group Coach</at> yhdistä', entities: [mention], conversation: chat },
    );
    expect(textOf(linked)).to.contain('Tämä keskustelu on nyt yhdistetty ryhmään "Kuntosaliryhmä"');
    const ref = await bot.app.store.containers.users.item(`ref:${chat.id}`, `chat:${chat.id}`).read();
    const groupId = submitActions(await bot.submit(leader, { action: 'myGroups' }))[0]!.data.groupId as string;
    expect(groupId).to.match(/^g-/);
    expect(ref.resource?.groupId).to.equal(groupId);
    const participantAsks = await bot.turn(
      { ...person('Pekka', 'fi'), conversationId: chat.id },
      { type: 'message', text: '<at>Group Coach</at> rajat', entities: [mention], conversation: chat },
    );
    expect(textOf(participantAsks)).to.contain('Hoidetaan tämä yksityisessä keskustelussa');
  });

  it('lets a participant leave: the place is free again and the leader hears it from the scheduler, in Finnish', async () => {
    const sam = people[3]!;
    expect(textOf(await bot.submit(sam, { action: 'leave' }))).to.contain('Kuntosaliryhmä');
    const done = textOf(await bot.say(sam, 'yes'));
    expect(done).to.contain('You\'ve left the group "Kuntosaliryhmä"');
    const before = bot.connector.activities(leader.conversationId).length;
    await bot.app.scheduler.tick();
    expect(textOf(bot.connector.activities(leader.conversationId).slice(before))).to.contain('Sam erosi ryhmästäsi "Kuntosaliryhmä".');
    const roster = textOf(await bot.submit(leader, { action: 'myGroups' }));
    expect(roster).to.contain('3/4 paikkaa varattu').and.not.contain('Sam');
  });

  it('a notice the leader cannot get now never holds the participant: the join is answered and the notice retried later', async () => {
    bot.connector.respondWith((r) => (r.conversationId === leader.conversationId ? { status: 400 } : undefined));
    try {
      const late = person('Tove', 'sv');
      expect(textOf(await onboardAndJoin(bot, late, code))).to.contain('Välkommen till gruppen "Kuntosaliryhmä"');
      const report = await bot.app.scheduler.tick();
      expect(report).to.include({ retried: 1, sent: 0 });
    } finally {
      bot.connector.clearResponders();
    }
  });
});
