import { expect } from 'chai';
import { openCosmosStore, type CosmosStore } from '../../src/store/shared/cosmosClient';
import { BotHarness, onboardingWords, person, textOf } from '../support/botHarness';
import { embeddedServer } from '../support/cosmos';
import { startCosmosProxy, type CosmosProxy } from '../support/cosmosProxy';

/**
 * What one turn costs in Cosmos requests, counted at the wire (a proxy in front of the embedded
 * server), for a person who has onboarded: a turn that changes nothing reads the dialog stack and the
 * profile once each and writes nothing.
 */
describe('HTTP: Cosmos requests per turn, counted at the embedded server', function () {
  const bot = new BotHarness();
  const aino = person('Aino', 'fi');
  let proxy: CosmosProxy;
  let store: CosmosStore;

  before(async () => {
    const server = await embeddedServer();
    proxy = await startCosmosProxy(server.endpoint);
    store = await openCosmosStore({ endpoint: proxy.endpoint, key: server.key, database: `turncost-${Date.now()}`, embedded: true });
    await bot.start({}, { store });
    await bot.install(aino);
    await bot.submit(aino, { action: 'onboard' });
    await bot.say(aino, onboardingWords.fi.lang);
    await bot.say(aino, onboardingWords.fi.yes);
    await bot.say(aino, aino.name);
    await bot.submit(aino, { action: 'limits.save', skip: true });
  });
  after(async () => {
    await bot.stop();
    await store.close();
    await proxy.close();
  });

  const cost = async (turn: () => Promise<Record<string, any>[]>) => {
    await turn(); // the first one may refresh what changed since onboarding
    proxy.reset();
    const replies = await turn();
    return { replies, requests: [...proxy.requests] };
  };

  it('answers "hei" with the menu in at most 2 requests, both reads', async () => {
    const { replies, requests } = await cost(() => bot.say(aino, 'hei'));
    expect(textOf(replies)).to.contain('Mitä haluaisit tehdä?');
    expect(requests, JSON.stringify(requests)).to.have.length.at.most(2);
    expect(requests.every((r) => r.method === 'GET'), JSON.stringify(requests)).to.equal(true);
  });

  it('answers help in at most 2 requests and reads no document twice', async () => {
    const { requests } = await cost(() => bot.say(aino, 'apua'));
    expect(requests, JSON.stringify(requests)).to.have.length.at.most(2);
    const paths = requests.map((r) => `${r.method} ${r.path}`);
    expect(new Set(paths).size, JSON.stringify(paths)).to.equal(paths.length);
  });

  const botstate = (requests: Array<{ method: string; path: string }>) => requests.filter((r) => r.path.includes('/colls/botstate/'));
  const readTwice = (requests: Array<{ method: string; path: string }>) => {
    const reads = requests.filter((r) => r.method === 'GET' && r.path.includes('/docs/')).map((r) => r.path);
    return reads.filter((p, i) => reads.indexOf(p) !== i);
  };

  it('opens a form (a dialog step) reading the stack once and writing it once', async () => {
    proxy.reset();
    const replies = await bot.submit(aino, { action: 'limits' });
    expect(textOf(replies)).to.contain('Tallenna');
    const requests = [...proxy.requests];
    expect(botstate(requests).filter((r) => r.method === 'GET'), JSON.stringify(requests)).to.have.length(1);
    expect(botstate(requests).filter((r) => r.method !== 'GET'), JSON.stringify(requests)).to.have.length(1);
    expect(readTwice(requests), JSON.stringify(requests)).to.deep.equal([]);
    expect(requests, JSON.stringify(requests)).to.have.length.at.most(3);
  });

  it('saves the form: one read and one write of the stack, the profile read once and written once', async () => {
    proxy.reset();
    await bot.submit(aino, { action: 'limits.save', mobility: true, budget: false, times: '', note: '' });
    const requests = [...proxy.requests];
    expect(botstate(requests).filter((r) => r.method === 'GET'), JSON.stringify(requests)).to.have.length(1);
    expect(botstate(requests).filter((r) => r.method !== 'GET'), JSON.stringify(requests)).to.have.length(1);
    expect(readTwice(requests), JSON.stringify(requests)).to.deep.equal([]);
    const profileWrites = requests.filter((r) => r.method !== 'GET' && r.path.includes('/colls/users/'));
    expect(profileWrites, JSON.stringify(requests)).to.have.length(1);
  });
});
