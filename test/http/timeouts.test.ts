import { expect } from 'chai';
import { embeddedServer } from '../support/cosmos';
import { startCosmosProxy, type CosmosProxy } from '../support/cosmosProxy';
import { HungConnector } from '../support/hungConnector';
import { ManualClock } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';
import { openCosmosStore, type CosmosStore } from '../../src/store/shared/cosmosClient';

/** Fixed limits for these tests: far below what a hang would take (150 s and more before the fix). */
const limits = { CONNECTOR_TIMEOUT_MS: '300', TURN_DEADLINE_MS: '1500' };

describe('HTTP: nothing outside hangs a turn or a tick', function () {
  this.timeout(30_000);

  describe('a connector that accepts and never answers', () => {
    const clock = new ManualClock('2026-11-25T08:00:00.000Z');
    const bot = new BotHarness();
    const hung = new HungConnector();
    before(async () => {
      await hung.start();
      await bot.start(limits, { clock });
    });
    after(async () => {
      await bot.stop();
      await hung.stop();
    });

    it('ends the turn in time instead of holding the request open', async () => {
      const p = person('Hannu', 'fi');
      const started = Date.now();
      const res = await bot.post({
        type: 'message',
        text: 'apua',
        channelId: 'msteams',
        serviceUrl: hung.url,
        id: 'in-1',
        from: { id: p.id, aadObjectId: `aad-${p.id}` },
        recipient: { id: 'bot-id' },
        conversation: { id: p.conversationId, conversationType: 'personal' },
        locale: 'fi',
      });
      expect(res.status).to.equal(200);
      expect(hung.requests).to.be.greaterThan(0);
      // Deadline 1.5 s plus at most 2 s to say so; before, this request stayed open for minutes.
      expect(Date.now() - started).to.be.lessThan(5000);
    });

    it('sends the other reminders of a tick when one send hangs, and retries the hung one with backoff', async () => {
      const leader = person('Leena', 'en');
      const aino = person('Aino', 'en');
      const pekka = person('Pekka', 'en');
      await bot.install(leader);
      await bot.submit(leader, { action: 'newGroup' });
      await bot.say(leader, 'Leo');
      await bot.say(leader, 'Gym');
      await bot.say(leader, 'Europe/Helsinki');
      const code = inviteCodeIn(await bot.say(leader, 'English'));
      for (const p of [aino, pekka]) await onboardAndJoin(bot, p, code);
      await bot.app.scheduler.tick(); // the leader's notices of the joins
      // Pekka's chat now lives behind the connector that never answers.
      const users = bot.app.store.containers.users;
      const { resources } = await users.items
        .query({ query: "SELECT * FROM c WHERE c.type = 'conversationRef' AND c.userId = @u", parameters: [{ name: '@u', value: `msteams:aad-${pekka.id}` }] })
        .fetchAll();
      expect(resources).to.have.length(1);
      await users.items.upsert({ ...resources[0], reference: { ...resources[0].reference, serviceUrl: hung.url } });

      const groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
      await bot.submit(leader, { action: 'meeting.new', groupId });
      await bot.submit(leader, { action: 'meeting.save', title: 'Gym', date: '2026-12-02', time: '10:00', duration: '60', place: 'Hall' });
      const before = bot.connector.received.length;
      const report = await bot.app.scheduler.tick();
      const told = bot.connector.received.slice(before).filter((r) => r.conversationId === aino.conversationId);
      expect(textOf(told.map((r) => r.body))).to.contain('Gym');
      expect(report.sent).to.equal(1);
      expect(report.retried).to.equal(1);
      const { resources: pending } = await bot.app.store.containers.jobs.items
        .query({ query: "SELECT * FROM c WHERE c.pk = 'pending' AND c.kind = 'notify' AND c.attempts = 1" })
        .fetchAll();
      expect(pending).to.have.length(1);
      expect(pending[0].dueAt > clock.now().toISOString()).to.equal(true);
    });
  });

  describe('a store that answers after 5 s per request (and a Cosmos timeout longer than the turn deadline)', () => {
    const bot = new BotHarness();
    let proxy: CosmosProxy;
    let store: CosmosStore;
    before(async () => {
      const server = await embeddedServer();
      proxy = await startCosmosProxy(server.endpoint);
      store = await openCosmosStore({ endpoint: proxy.endpoint, key: server.key, database: `slow-${Date.now()}`, embedded: true, requestTimeoutMs: 10_000, maxRetries: 0 });
      await bot.start(limits, { store });
    });
    after(async () => {
      await bot.stop();
      await store.close();
      await proxy.close();
    });

    it('answers "please try again" in the person\'s language within the deadline, and continues once the store is back', async () => {
      const p = person('Sanna', 'sv');
      await bot.submit(p, { action: 'newGroup' });
      await bot.say(p, 'Sanna');
      proxy.setFault({ kind: 'delay', ms: 5000 });
      const started = Date.now();
      let replies: Record<string, any>[];
      try {
        replies = await bot.say(p, 'Promenadgruppen');
      } finally {
        proxy.setFault();
      }
      expect(Date.now() - started).to.be.lessThan(4000);
      expect(textOf(replies)).to.contain('Det tog för lång tid. Inget du har berättat gick förlorat – försök igen om en stund.');
      expect(textOf(await bot.say(p, 'Promenadgruppen'))).to.contain('I vilken tidszon träffas gruppen?');
    });
  });
});
