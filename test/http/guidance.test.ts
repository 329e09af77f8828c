import { expect } from 'chai';
import { ManualClock } from '../scheduler/support';
import { CosmosLeaderRepository } from '../../src/store/leader';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf, type Person } from '../support/botHarness';
import { buttonData, groupOverHttp } from './activities/support';

const chat = { id: '19:kuntosali-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
const mention = { type: 'mention', text: '<at>Group Coach</at>', mentioned: { id: 'bot-id', name: 'Group Coach' } };
const uid = (p: Person) => `msteams:aad-${p.id}`;

/**
 * Private guidance over the Bot Framework protocol: the leader writes to one participant, the
 * participant answers, and nobody else — another participant, another group's leader, the group
 * chat — receives anything of it. Every leader action is refused to the others, and a forged card
 * stores nothing.
 */
describe('HTTP: private guidance between a leader and one participant', function () {
  this.timeout(60_000);
  const clock = new ManualClock('2026-12-01T08:00:00.000Z');
  const bot = new BotHarness();
  const leena = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const sanna = person('Sanna', 'sv');
  const pekka = person('Pekka', 'en');
  const lars = person('Lars', 'sv');
  const emma = person('Emma', 'en');
  let groupId = '';
  let otherGroupId = '';

  /** What every conversation received during `run`, by conversation id. */
  async function received(run: () => Promise<unknown>): Promise<Map<string, Record<string, any>[]>> {
    const from = bot.connector.received.length;
    await run();
    const by = new Map<string, Record<string, any>[]>();
    for (const r of bot.connector.received.slice(from)) by.set(r.conversationId, [...(by.get(r.conversationId) ?? []), r.body]);
    return by;
  }
  /** A minute passes (messages get their own times), then the scheduler runs once. */
  const tick = () => {
    clock.advance(60_000);
    return bot.app.scheduler.tick();
  };

  async function countStored(): Promise<{ messages: number; jobs: number }> {
    const count = async (container: 'users' | 'jobs', query: string) =>
      (await bot.app.store.containers[container].items.query({ query }).fetchAll()).resources[0] as number;
    return {
      messages: await count('users', "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'guidanceMessage'"),
      jobs: await count('jobs', "SELECT VALUE COUNT(1) FROM c WHERE c.kind = 'leader.guidance'"),
    };
  }

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leena, [aino, sanna, pekka], 'Kuntosali');
    otherGroupId = await groupOverHttp(bot, lars, [emma], 'Gympa');
    await bot.turn({ ...leena, conversationId: chat.id }, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], conversation: chat });
    await bot.turn({ ...leena, conversationId: chat.id }, { type: 'message', text: '<at>Group Coach</at> yhdistä', entities: [mention], conversation: chat });
    await tick(); // the leaders' notices of the joins
  });
  after(async () => bot.stop());

  it("offers *Message a participant* among the leader's tools only, and opens it by typed words in fi, sv and en", async () => {
    const menu = await bot.submit(leena, { action: 'menu' });
    const sets = (menu[0]!.attachments[0].content.body as any[]).filter((e) => e.type === 'ActionSet');
    const main = sets[0].actions;
    const more = sets[1].actions[0];
    expect(more.title).to.equal('Lisää: työkalut ja asetukset');
    expect(more.card.body[0].actions.map((a: any) => a.title)).to.include('Viesti osallistujalle');
    expect(main.length).to.be.at.most(5);
    for (const p of [aino, sanna, pekka]) expect(JSON.stringify(await bot.submit(p, { action: 'menu' }))).to.not.match(/leader\.message/);
    for (const typed of ['viesti', 'meddelande', 'message']) {
      expect(textOf(await bot.say(leena, typed)), typed).to.equal('Kenelle kirjoitat?\nAino\nAino\nSanna\nSanna\nPekka\nPekka'); // hero-card buttons: title and value
      await bot.say(leena, 'peruuta');
    }
  });

  it('reaches only the two of them, both ways, with literal texts in fi', async () => {
    await bot.submit(leena, { action: 'leader.message' });
    expect(textOf(await bot.say(leena, 'Aino'))).to.equal(
      'Viesti: Aino\nKuntosali · Vain sinä ja Aino näette nämä viestit.\nViestisi\nKirjoita viesti kenttään tai suoraan chattiin, enintään 1000 merkkiä.\nLähetä',
    );
    expect(textOf(await bot.submit(leena, { action: 'leader.send', text: '   ' }))).to.equal('Viestisi jäi tyhjäksi. Kirjoita muutama sana ja lähetä uudelleen, tai kirjoita peruuta.');
    expect(textOf(await bot.submit(leena, { action: 'leader.send', text: 'x'.repeat(1001) }))).to.equal('Viesti on pidempi kuin 1000 merkkiä. Lyhennä sitä vähän ja lähetä uudelleen.');
    expect((await countStored()).messages).to.equal(0);
    expect(textOf(await bot.submit(leena, { action: 'leader.send', text: 'Hei Aino, miten haku sujuu?' }))).to.equal('Viestisi on matkalla: Aino. Kerron, jos se ei mene perille.');

    let got = await received(tick);
    expect([...got.keys()]).to.deep.equal([aino.conversationId]);
    const toAino = got.get(aino.conversationId)!;
    expect(textOf(toAino)).to.equal('Ohjaajasi Leena kirjoitti sinulle\nOhjaajasi Leena kirjoitti sinulle\nKuntosali · Kukaan muu ei näe tätä viestiä.\nHei Aino, miten haku sujuu?\nVastaa');

    expect(textOf(await bot.submit(aino, buttonData(toAino, (d) => d.action === 'leader.reply')))).to.equal(
      'Vastaa ohjaajallesi\nKuntosali · Vain sinä ja ohjaajasi näette nämä viestit.\nViestisi\nKirjoita viesti kenttään tai suoraan chattiin, enintään 1000 merkkiä.\nLähetä',
    );
    expect(textOf(await bot.say(aino, 'Ihan hyvin, kiitos. Sain kutsun haastatteluun.'))).to.equal('Vastauksesi on matkalla ohjaajallesi. Kerron, jos se ei mene perille.');
    got = await received(tick);
    expect([...got.keys()]).to.deep.equal([leena.conversationId]);
    const toLeena = got.get(leena.conversationId)!;
    expect(textOf(toLeena)).to.equal('Aino vastasi sinulle\nAino vastasi sinulle\nKuntosali · Kukaan muu ei näe tätä viestiä.\nIhan hyvin, kiitos. Sain kutsun haastatteluun.\nVastaa');

    // The leader keeps writing: the form shows the thread so far.
    expect(textOf(await bot.submit(leena, buttonData(toLeena, (d) => d.action === 'leader.message')))).to.contain(
      'Aiemmin:\nSinä: Hei Aino, miten haku sujuu?\nAino: Ihan hyvin, kiitos. Sain kutsun haastatteluun.',
    );
    await bot.say(leena, 'Hienoa! Kerro miten meni.');
    got = await received(tick);
    expect([...got.keys()]).to.deep.equal([aino.conversationId]);
    expect(textOf(got.get(aino.conversationId)!)).to.contain('Hienoa! Kerro miten meni.');
    expect((await countStored()).messages).to.equal(3);
  });

  it('speaks each person\'s language: a leader in sv writes to a participant in en', async () => {
    await bot.submit(lars, { action: 'leader.message' });
    expect(textOf(await bot.say(lars, 'Hur går det, Emma?'))).to.contain('Ditt meddelande är på väg till Emma. Jag säger till om det inte kommer fram.');
    let got = await received(tick);
    expect([...got.keys()]).to.deep.equal([emma.conversationId]);
    const toEmma = got.get(emma.conversationId)!;
    expect(textOf(toEmma)).to.equal('Your leader Lars wrote to you\nYour leader Lars wrote to you\nGympa · Nobody else sees this message.\nHur går det, Emma?\nAnswer');
    expect(textOf(await bot.submit(emma, buttonData(toEmma, (d) => d.action === 'leader.reply')))).to.contain('Answer your leader\nGympa · Only you and your leader see these messages.');
    expect(textOf(await bot.submit(emma, { action: 'leader.send', text: '' }))).to.equal('Your message is empty. Write a few words and send it again, or type cancel.');
    expect(textOf(await bot.submit(emma, { action: 'leader.send', text: 'Fine, thanks!' }))).to.equal("Your answer is on its way to your leader. I'll tell you if it doesn't arrive.");
    got = await received(tick);
    expect([...got.keys()]).to.deep.equal([lars.conversationId]);
    expect(textOf(got.get(lars.conversationId)!)).to.equal('Emma svarade dig\nEmma svarade dig\nGympa · Ingen annan ser det här meddelandet.\nFine, thanks!\nSvara');
    await bot.submit(leena, { action: 'leader.message', groupId, userId: uid(sanna) });
    await bot.say(leena, 'Hej Sanna!');
    got = await received(tick);
    expect(textOf(got.get(sanna.conversationId)!)).to.equal('Din ledare Leena skrev till dig\nDin ledare Leena skrev till dig\nKuntosali · Ingen annan ser det här meddelandet.\nHej Sanna!\nSvara');
  });

  it('refuses leader actions to participants, to the leader of another group and in the group chat; forged cards store nothing', async () => {
    const before = await countStored();
    const [ainosMessage] = (await bot.app.store.containers.users.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'guidanceMessage' AND c.userId = @u AND c[\"from\"] = 'leader'", parameters: [{ name: '@u', value: uid(aino) }] })
      .fetchAll()).resources;
    const everything = await received(async () => {
      expect(textOf(await bot.submit(aino, { action: 'leader.message' }))).to.equal('Vain ryhmien ohjaajat voivat tehdä sen. Jos ohjaat ryhmiä, valitse valikosta "Olen ryhmän ohjaaja".');
      expect(textOf(await bot.say(sanna, 'meddelande'))).to.equal('Bara gruppledare kan göra det. Om du leder grupper, välj "Jag är gruppledare" i menyn.');
      expect(textOf(await bot.submit(pekka, { action: 'leader.message', groupId, userId: uid(aino) }))).to.equal("Only the group's own leader can do that.");
      expect(textOf(await bot.submit(lars, { action: 'leader.message', groupId, userId: uid(aino) }))).to.equal('Bara gruppens egen ledare kan göra det.');
      expect(textOf(await bot.submit(leena, { action: 'leader.message', groupId: otherGroupId, userId: uid(emma) }))).to.equal('Vain ryhmän oma ohjaaja voi tehdä sen.');
      expect(textOf(await bot.submit(leena, { action: 'leader.message', groupId, userId: 'msteams:aad-nobody' }))).to.equal('Tämä henkilö ei ole ryhmässäsi. Avaa "Viesti osallistujalle" valikosta.');
      expect(textOf(await bot.submit(leena, { action: 'leader.message', groupId, userId: uid(emma) }))).to.equal('Tämä henkilö ei ole ryhmässäsi. Avaa "Viesti osallistujalle" valikosta.');
      // Another participant answering Aino's message, a leader pressing a participant's button, another leader's retry.
      expect(textOf(await bot.submit(sanna, { action: 'leader.reply', messageId: ainosMessage.id }))).to.equal('Jag hittar inte det här samtalet. Skriv meny så ser du vad du kan göra.');
      expect(textOf(await bot.submit(emma, { action: 'leader.reply', messageId: 'guidance:made-up' }))).to.equal("I can't find this conversation. Type menu to see what you can do.");
      expect(textOf(await bot.submit(leena, { action: 'leader.reply', messageId: ainosMessage.id }))).to.equal('Et ole ryhmässä. Liity ryhmään koodilla, jonka sait ohjaajaltasi.');
      expect(textOf(await bot.submit(lars, { action: 'leader.retry', participantId: uid(aino), messageId: ainosMessage.id }))).to.equal('Jag hittar inte det här samtalet. Skriv meny så ser du vad du kan göra.');
      expect(textOf(await bot.submit(leena, { action: 'leader.retry', participantId: uid(aino), messageId: ainosMessage.id }))).to.equal('Tämä viesti on jo lähetetty.');
      expect(textOf(await bot.submit(leena, { action: 'leader.send', text: 'no form open' }))).to.equal('Tuo painike on vanhasta viestistä eikä toimi enää. Kirjoita "valikko" nähdäksesi, mitä voit tehdä nyt.');
      const inChat = await bot.turn({ ...leena, conversationId: chat.id }, { type: 'message', text: '<at>Group Coach</at> viesti', entities: [mention], conversation: chat });
      expect(textOf(inChat)).to.equal('Hoidetaan tämä yksityisessä keskustelussa, jotta tietosi pysyvät sinun. Avaa keskustelu kanssani ja kirjoita "valikko".');
      await tick();
    });
    expect(await countStored()).to.deep.equal(before);
    // The only thing the group chat ever received from all of this is the one refusal above.
    expect(everything.get(chat.id)?.length).to.equal(1);
    expect(JSON.stringify(bot.connector.activities(chat.id))).to.not.match(/Hei Aino|Ihan hyvin|Hej Sanna|Hur går|leader\.(reply|message|retry)/);
  });

  it('"I\'ll reach out" on an alert records the contact as before and opens the message to that person', async () => {
    const repo = new CosmosLeaderRepository(bot.app.store.containers);
    const alertId = `alert:${uid(pekka)}:2026-12-01`;
    await repo.createAlert({
      id: alertId, groupId, userId: uid(pekka), leaderId: uid(leena), day: '2026-12-01', reasons: [{ code: 'missed', missed: 2, of: 3 }], createdAt: '2026-12-01T07:00:00.000Z',
    });
    const answer = await bot.submit(leena, { action: 'leader.alertFeedback', groupId, alertId, answer: 'reach_out', why: '' });
    expect(textOf(answer)).to.equal(
      'Kiitos. Merkitsin, että otat yhteyttä: Pekka.\nViesti: Pekka\nKuntosali · Vain sinä ja Pekka näette nämä viestit.\nViestisi\nKirjoita viesti kenttään tai suoraan chattiin, enintään 1000 merkkiä.\nLähetä',
    );
    expect((await repo.listContacts(groupId, uid(pekka))).map((c) => c.kind)).to.deep.equal(['reach_out']);
    expect(textOf(await bot.say(leena, 'Hei Pekka, huomasin että olet ollut poissa. Sopisiko jutella?'))).to.equal('Viestisi on matkalla: Pekka. Kerron, jos se ei mene perille.');
    const got = await received(tick);
    expect([...got.keys()]).to.deep.equal([pekka.conversationId]);
    expect(textOf(got.get(pekka.conversationId)!)).to.contain('Your leader Leena wrote to you');
    expect(submitActions(got.get(pekka.conversationId)!).map((a) => a.title)).to.deep.equal(['Answer']);
  });

  it('asks for the group first when the leader leads several, all by typed steps', async () => {
    const ville = person('Ville', 'fi');
    await bot.submit(leena, { action: 'newGroup' });
    await bot.say(leena, 'Juoksijat');
    await bot.say(leena, 'Europe/Helsinki');
    await onboardAndJoin(bot, ville, inviteCodeIn(await bot.say(leena, 'Suomi')));
    await tick();
    expect(textOf(await bot.say(leena, 'viesti'))).to.equal('Minkä ryhmän osallistujalle kirjoitat?\nKuntosali\nKuntosali\nJuoksijat\nJuoksijat');
    expect(textOf(await bot.say(leena, 'jokin muu'))).to.contain('Valitse yksi painikkeista tai kirjoita sen numero.');
    // One participant in Juoksijat: the form opens for Ville at once.
    expect(textOf(await bot.say(leena, '2'))).to.equal(
      'Viesti: Ville\nJuoksijat · Vain sinä ja Ville näette nämä viestit.\nViestisi\nKirjoita viesti kenttään tai suoraan chattiin, enintään 1000 merkkiä.\nLähetä',
    );
    expect(textOf(await bot.say(leena, 'apua'))).to.contain('Kirjoitat yksityisviestiä. Vain sinä ja vastaanottaja näette sen.');
    expect(textOf(await bot.say(leena, 'Tervetuloa ryhmään, Ville!'))).to.equal('Viestisi on matkalla: Ville. Kerron, jos se ei mene perille.');
    const got = await received(tick);
    expect([...got.keys()]).to.deep.equal([ville.conversationId]);
    expect(textOf(got.get(ville.conversationId)!)).to.contain('Juoksijat · Kukaan muu ei näe tätä viestiä.\nTervetuloa ryhmään, Ville!');
  });
});
