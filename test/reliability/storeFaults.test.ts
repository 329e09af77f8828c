import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { openCosmosStore, type CosmosStore } from '../../src/store/shared/cosmosClient';
import { BotHarness, person, textOf } from '../support/botHarness';
import { embeddedServer } from '../support/cosmos';
import { startCosmosProxy, type CosmosFault, type CosmosProxy } from '../support/cosmosProxy';
import { changedBetween, scanStore } from '../support/storeScan';

/** The answers a person may get while the store is down: "please try again", in Swedish. */
const tryAgain = /Jag kommer inte åt uppgifterna just nu\. Inget du berättat har gått förlorat\. Försök igen om en stund\.|Det tog för lång tid\. Inget du har berättat gick förlorat – försök igen om en stund\./;

/**
 * A proxy the test controls between @azure/cosmos and the embedded server. Under each fault, in the
 * middle of a dialog: the person is told to try again in their language, the process keeps serving,
 * /healthz says 503, nothing is half-written, and once the store is back the dialog goes on where it was.
 */
describe('reliability: store faults in the middle of a dialog', function () {
  const bot = new BotHarness();
  let proxy: CosmosProxy;
  let store: CosmosStore;
  let direct: CosmosStore;
  const figures: Array<Record<string, unknown>> = [];

  before(async () => {
    const server = await embeddedServer();
    const database = `faults-${randomUUID()}`;
    proxy = await startCosmosProxy(server.endpoint);
    store = await openCosmosStore({ endpoint: proxy.endpoint, key: server.key, database, embedded: true, requestTimeoutMs: 1000, maxRetries: 1, maxRetryWaitSeconds: 1 });
    // Scans go around the proxy, so they see what is stored whatever the fault.
    direct = await openCosmosStore({ endpoint: server.endpoint, key: server.key, database, embedded: true });
    await bot.start({ TURN_DEADLINE_MS: '4000', CONNECTOR_TIMEOUT_MS: '2000' }, { store });
  });
  after(async () => {
    console.table(figures);
    await bot.stop();
    await store.close();
    await direct.close();
    await proxy.close();
  });

  const faults: Array<[string, CosmosFault]> = [
    ['connections refused', { kind: 'refuse' }],
    ['5 s per request', { kind: 'delay', ms: 5000 }],
    ['429 with x-ms-retry-after-ms', { kind: 'status', status: 429, retryAfterMs: 200 }],
    ['503', { kind: 'status', status: 503 }],
  ];

  for (const [name, fault] of faults) {
    it(`${name}: "please try again", /healthz 503, nothing half-written, and the dialog continues afterwards`, async () => {
      const p = person('Sanna', 'sv');
      expect(textOf(await bot.submit(p, { action: 'newGroup' }))).to.contain('Vilket namn vill du att deltagarna ser?');
      expect(textOf(await bot.say(p, 'Sanna'))).to.contain('Vad heter gruppen? (2–60 tecken)');
      const before = await scanStore(direct);
      proxy.reset();
      proxy.setFault(fault);
      let replies: Record<string, any>[];
      let health: number;
      const started = Date.now();
      try {
        replies = await bot.say(p, 'Promenadgruppen');
        const answeredMs = Date.now() - started;
        health = (await fetch(`${bot.app.url}/healthz`)).status;
        figures.push({ fault: name, answeredMs, cosmosRequests: proxy.count(), healthz: health });
      } finally {
        proxy.setFault();
      }
      expect(textOf(replies)).to.match(tryAgain);
      expect(health).to.equal(503);
      expect(changedBetween(before, await scanStore(direct))).to.deep.equal([]);
      expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(200);
      // Where it was: the same answer now moves the dialog on to the next question.
      expect(textOf(await bot.say(p, 'Promenadgruppen'))).to.contain('I vilken tidszon träffas gruppen?');
      await bot.say(p, 'avbryt');
    });
  }
});
