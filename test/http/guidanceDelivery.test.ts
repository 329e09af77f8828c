import { expect } from 'chai';
import pino from 'pino';
import { ManualClock } from '../scheduler/support';
import { CosmosPersonalDataStore } from '../../src/store/checkins';
import { BotHarness, person, submitActions, textOf, type Person } from '../support/botHarness';
import { HungConnector } from '../support/hungConnector';
import { scanStore } from '../support/storeScan';
import { buttonData, groupOverHttp } from './activities/support';

const uid = (p: Person) => `msteams:aad-${p.id}`;

/**
 * Private guidance when the bot cannot deliver (no conversation, bot removed, the connector failing):
 * the sender is told why in words, the text stays in the thread and "Try again" sends the same one.
 * The thread is the participant's data: in their export, gone after their erase; a leader's erase
 * leaves the participants' copies without the leader's id.
 */
describe('HTTP: private guidance that cannot be delivered, and the thread as the participant\'s data', function () {
  this.timeout(60_000);
  const clock = new ManualClock('2026-12-01T08:00:00.000Z');
  const bot = new BotHarness();
  const hung = new HungConnector();
  const leena = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const pekka = person('Pekka', 'en');
  const lars = person('Lars', 'sv');
  const emma = person('Emma', 'en');
  let groupId = '';
  // Every log line at trace level: none may carry what they wrote, their names or their ids.
  const logLines: string[] = [];

  const tick = () => {
    clock.advance(60_000);
    return bot.app.scheduler.tick();
  };
  /** What one conversation received during `run`. */
  async function receivedBy(p: Person, run: () => Promise<unknown>) {
    const from = bot.connector.received.length;
    await run();
    return bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  }
  async function messagesOf(p: Person): Promise<Array<Record<string, any>>> {
    const { resources } = await bot.app.store.containers.users.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'guidanceMessage' AND c.userId = @u", parameters: [{ name: '@u', value: uid(p) }] })
      .fetchAll();
    return resources;
  }
  async function write(leader: Person, to: Person, text: string, group = groupId) {
    await bot.submit(leader, { action: 'leader.message', groupId: group, userId: uid(to) });
    return bot.say(leader, text);
  }

  before(async () => {
    await hung.start();
    await bot.start({ CONNECTOR_TIMEOUT_MS: '300' }, { clock, log: pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) }) });
    groupId = await groupOverHttp(bot, leena, [aino, pekka], 'Kuntosali');
    await groupOverHttp(bot, lars, [emma], 'Gympa');
    await tick(); // the leaders' notices of the joins
  });
  after(async () => {
    await bot.stop();
    await hung.stop();
  });

  it('tells the leader "the bot was removed" (403), keeps the text, and delivers it on "Try again" once the person is back', async () => {
    bot.connector.respondWith((r) => (r.conversationId === pekka.conversationId ? { status: 403 } : undefined));
    await write(leena, pekka, 'Hi Pekka, how are you?');
    const toLeena = await receivedBy(leena, tick);
    expect(textOf(toLeena)).to.equal(
      'Viesti ei mennyt perille: Pekka\nViesti ei mennyt perille: Pekka\nBotti ei tavoita häntä: botti on poistettu hänen chatistaan.\nHi Pekka, how are you?\nViestisi on tallessa. Voit yrittää uudelleen.\nYritä uudelleen',
    );
    const [stored] = await messagesOf(pekka);
    expect(stored).to.include({ status: 'undelivered', text: 'Hi Pekka, how are you?', attempt: 1 });
    expect(stored!.undelivered).to.include({ reason: 'bot_removed', status: 403 });

    bot.connector.clearResponders();
    await bot.say(pekka, 'hello'); // Pekka opens the chat again: the reference is stored anew
    expect(textOf(await bot.submit(leena, buttonData(toLeena, (d) => d.action === 'leader.retry')))).to.equal('Yritän uudelleen. Kerron, jos viesti ei vieläkään mene perille.');
    const toPekka = await receivedBy(pekka, tick);
    expect(textOf(toPekka)).to.equal('Your leader Leena wrote to you\nYour leader Leena wrote to you\nKuntosali · Nobody else sees this message.\nHi Pekka, how are you?\nAnswer');
    const after = await messagesOf(pekka);
    expect(after).to.have.length(1);
    expect(after[0]).to.include({ id: stored!.id, status: 'delivered', attempt: 2 });
    expect(after[0]!.undelivered).to.equal(undefined);
    expect(textOf(await bot.submit(leena, buttonData(toLeena, (d) => d.action === 'leader.retry')))).to.equal('Tämä viesti on jo lähetetty.');
  });

  it('tells the participant in their language when their answer cannot reach the leader (a connector that never answers)', async () => {
    const [fromLeena] = await messagesOf(pekka);
    // Leena's chat now lives behind a connector that accepts and never answers (each send gives up after 300 ms).
    const users = bot.app.store.containers.users;
    const [ref] = (await users.items.query({ query: "SELECT * FROM c WHERE c.type = 'conversationRef' AND c.userId = @u", parameters: [{ name: '@u', value: uid(leena) }] }).fetchAll()).resources;
    await users.items.upsert({ ...ref, reference: { ...ref.reference, serviceUrl: hung.url } });
    await bot.submit(pekka, { action: 'leader.reply', messageId: fromLeena!.id });
    await bot.say(pekka, 'Thanks, I am fine.');
    const toPekka = await receivedBy(pekka, tick);
    expect(hung.requests).to.be.greaterThan(0);
    expect(textOf(toPekka)).to.equal(
      "Your message didn't reach your leader\nYour message didn't reach your leader\nThe connection failed and the message didn't go out.\nThanks, I am fine.\nYour message is kept. You can try again.\nTry again",
    );
    expect((await messagesOf(pekka)).find((m) => m.from === 'participant')).to.deep.include({ status: 'undelivered', undelivered: { reason: 'connector', at: clock.now().toISOString() } });
    await users.items.upsert(ref);
    await bot.submit(pekka, buttonData(toPekka, (d) => d.action === 'leader.retry'));
    expect(textOf(await receivedBy(leena, tick))).to.contain('Pekka vastasi sinulle');
    expect((await messagesOf(pekka)).find((m) => m.from === 'participant')).to.include({ status: 'delivered', attempt: 2 });
  });

  it('tells a leader in sv that the participant has never opened a chat with the bot', async () => {
    await bot.app.store.containers.users.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'conversationRef' AND c.userId = @u", parameters: [{ name: '@u', value: uid(emma) }] })
      .fetchAll()
      .then(({ resources }) => Promise.all(resources.map((r) => bot.app.store.containers.users.item(r.id, uid(emma)).delete())));
    // Lars leads one group with one participant: the form opens at once.
    expect(textOf(await bot.submit(lars, { action: 'leader.message' }))).to.equal(
      'Meddelande till Emma\nGympa · Bara du och Emma ser de här meddelandena.\nDitt meddelande\nSkriv meddelandet i fältet eller direkt i chatten, högst 1000 tecken.\nSkicka',
    );
    expect(textOf(await bot.submit(lars, { action: 'leader.send', text: 'x'.repeat(1200) }))).to.equal('Meddelandet är längre än 1000 tecken. Korta det lite och skicka igen.');
    await bot.say(lars, 'Hej Emma, hur går det?');
    const toLars = await receivedBy(lars, tick);
    expect(textOf(toLars)).to.equal(
      'Meddelandet kom inte fram till Emma\nMeddelandet kom inte fram till Emma\nBoten når inte hen: hen har inte öppnat sin egen chatt med boten än.\nHej Emma, hur går det?\nDitt meddelande är sparat. Du kan försöka igen.\nFörsök igen',
    );
    expect(submitActions(toLars).map((a) => a.data.action)).to.deep.equal(['leader.retry']);
  });

  it('keeps a message to someone who left before it went out, says the conversation has ended, and offers no retry', async () => {
    await write(leena, pekka, 'Pekka, are you still with us?');
    await bot.submit(pekka, { action: 'leave' });
    await bot.say(pekka, 'Yes');
    // The same tick also tells her that Pekka left (the groups feature's notice).
    const toLeena = (await receivedBy(leena, tick)).filter((a) => !textOf([a]).includes('erosi ryhmästäsi'));
    expect(textOf(toLeena)).to.equal(
      'Viestisi ei mennyt perille\nViestisi ei mennyt perille\nKeskustelu on päättynyt: hän ei ole enää ryhmässä, tai ryhmällä on uusi ohjaaja.\nPekka, are you still with us?\nTässä viestisi, jos haluat ottaa sen talteen.',
    );
    expect(submitActions(toLeena).filter((a) => a.data.action === 'leader.retry')).to.deep.equal([]);
    expect((await messagesOf(pekka)).find((m) => m.text === 'Pekka, are you still with us?')).to.deep.include({ status: 'undelivered' });
    expect(textOf(await receivedBy(pekka, tick))).to.not.contain('are you still with us');
  });

  it("is in the participant's export and gone from every container after their erase", async () => {
    await write(leena, aino, 'Hei Aino, muistathan huomisen?');
    await tick();
    await bot.submit(aino, buttonData(bot.connector.activities(aino.conversationId).slice(-1), (d) => d.action === 'leader.reply'));
    await bot.say(aino, 'Muistan, kiitos!');
    await tick();
    const exported = await new CosmosPersonalDataStore(bot.app.store.containers).collect({ userId: uid(aino), channelUserId: aino.id });
    expect(exported.users!.filter((d) => d.type === 'guidanceMessage').map((d) => [d.from, d.text, d.status])).to.have.deep.members([
      ['leader', 'Hei Aino, muistathan huomisen?', 'delivered'],
      ['participant', 'Muistan, kiitos!', 'delivered'],
    ]);
    await bot.submit(aino, { action: 'privacy' });
    expect(textOf(await bot.say(aino, 'Kyllä'))).to.contain('Valmis. Poistin kaikki tietosi.');
    expect(await messagesOf(aino)).to.deep.equal([]);
    const everywhere = [...(await scanStore(bot.app.store)).entries()].filter(([, body]) => body.includes(uid(aino)) || body.includes('muistathan huomisen') || body.includes('Muistan, kiitos'));
    expect(everywhere.map(([key]) => key)).to.deep.equal([]);
  });

  it("leaves a leader's threads with the participant, without the leader's id, when the leader erases their data", async () => {
    const before = await messagesOf(emma);
    expect(before.length).to.be.greaterThan(0);
    await bot.submit(lars, { action: 'privacy' });
    expect(textOf(await bot.say(lars, 'Ja'))).to.contain('Klart. Jag har raderat alla dina uppgifter.');
    const after = await messagesOf(emma);
    expect(after.map((m) => m.text)).to.deep.equal(before.map((m) => m.text));
    expect(after.filter((m) => 'leaderId' in m)).to.deep.equal([]);
    expect(JSON.stringify(after)).to.not.contain(uid(lars));
    expect(textOf(await bot.submit(emma, { action: 'leader.reply', messageId: after[0]!.id }))).to.equal(
      "This conversation has ended: the group has a new leader, or you're no longer in the group.",
    );
  });

  it('logs nothing of the messages, the names or the ids of the two, undelivered ones included', () => {
    expect(logLines.join('\n')).to.contain('proactive send: unreachable');
    const all = logLines.join('\n');
    for (const secret of ['Hi Pekka', 'I am fine', 'Hej Emma', 'muistathan', 'Leena', 'Pekka', 'Emma', leena.id, pekka.id, emma.id, lars.id, aino.id]) expect(all, secret).to.not.contain(secret);
  });
});
