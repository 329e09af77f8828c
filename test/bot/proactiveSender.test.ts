import { expect } from 'chai';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ProactiveSender, type RetryPolicy } from '../../src/bot/proactiveSender';
import { meetingJobHandlers } from '../../src/scheduler/handlers';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosConversationRefRepository } from '../../src/store/people/repositories';
import { TestConnector } from '../support/connector';
import { freshStore } from '../support/cosmos';
import { drain, leaderId, makeWorld, ManualClock, memberIds, personalChat, personalRef as sharedPersonalRef, silentLog } from '../scheduler/support';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

const personalRef = (userId: string, serviceUrl: string) => sharedPersonalRef(userId, serviceUrl, '2026-03-20T10:00:00.000Z');

describe('ProactiveSender through a real CloudAdapter to a loopback connector', () => {
  let store: CosmosStore;
  let connector: TestConnector;
  let refs: CosmosConversationRefRepository;
  let sleeps: number[];
  let sender: ProactiveSender;
  const clock = new ManualClock('2026-03-20T10:00:00.000Z');
  const [p1, p2] = memberIds;

  before(async () => {
    connector = await new TestConnector().start();
  });
  after(async () => connector.stop());

  beforeEach(async () => {
    store = await freshStore('proactive');
    connector.reset();
    refs = new CosmosConversationRefRepository(store.containers);
    for (const userId of memberIds) await refs.upsert(personalRef(userId, connector.url));
    sleeps = [];
    // No app id: the adapter sends without asking for a token, as a local bot does.
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    sender = new ProactiveSender(adapter, '', refs, clock, silentLog, policy, async (ms) => {
      sleeps.push(ms);
    });
  });
  afterEach(async () => store.close());

  it('retries a 429 after a backoff and then delivers once', async () => {
    let throttled = 0;
    connector.respondWith((req) => (req.method === 'POST' && throttled++ === 0 ? { status: 429 } : undefined));
    const outcome = await sender.send(p1, personalChat(p1), { text: 'Muistutus' });
    expect(outcome).to.deep.equal({ kind: 'sent' });
    expect(throttled).to.equal(2);
    expect(sleeps).to.have.length(1);
    expect(sleeps[0]).to.be.within(250, 500);
    expect(connector.activities(personalChat(p1)).map((a) => a.text)).to.deep.equal(['Muistutus']);
  });

  // Throttling (429 without Retry-After) rather than 5xx: botbuilder's HTTP pipeline retries 5xx itself,
  // three times with real 1 s / 2 s / 4 s waits, beneath the sender's own retries and its injected sleep.
  it('gives up as failed after its attempts when the connector keeps throttling', async () => {
    connector.respondWith(() => ({ status: 429 }));
    const outcome = await sender.send(p1, personalChat(p1), { text: 'x' });
    expect(outcome).to.deep.equal({ kind: 'failed', status: 429 });
    expect(sleeps).to.have.length(policy.attempts - 1);
    expect((await refs.get(p1, personalChat(p1)))?.unreachable).to.equal(undefined);
  });

  it('marks the reference unreachable on 403, does not retry, and does not call the connector again', async () => {
    let calls = 0;
    connector.respondWith(() => (calls++, { status: 403 }));
    expect(await sender.send(p2, personalChat(p2), { text: 'x' })).to.deep.equal({ kind: 'unreachable', status: 403 });
    expect(sleeps).to.deep.equal([]);
    expect((await refs.get(p2, personalChat(p2)))?.unreachable).to.deep.equal({ at: '2026-03-20T10:00:00.000Z', status: 403 });
    expect(await sender.send(p2, personalChat(p2), { text: 'again' })).to.deep.equal({ kind: 'unreachable', status: 403 });
    expect(calls).to.equal(1);
  });

  it('sees the failure even when the adapter has an onTurnError, as the running app does, and never apologises into a dead chat', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    let turnErrors = 0;
    adapter.onTurnError = async (context) => {
      turnErrors++;
      await context.sendActivity('sorry');
    };
    const appSender = new ProactiveSender(adapter, '', refs, clock, silentLog, policy, async (ms) => {
      sleeps.push(ms);
    });
    let calls = 0;
    connector.respondWith(() => (calls++, { status: 403 }));
    expect(await appSender.send(p1, personalChat(p1), { text: 'x' })).to.deep.equal({ kind: 'unreachable', status: 403 });
    expect([calls, turnErrors]).to.deep.equal([1, 0]);
    expect((await refs.get(p1, personalChat(p1)))?.unreachable?.status).to.equal(403);
  });

  it("as the scheduler's Messenger: one 429 is absorbed, persistent throttling is rescheduled with backoff, a 403 is recorded unreachable", async () => {
    const w = await makeWorld(store, '2026-03-20T10:00:00.000Z');
    for (const userId of memberIds) await refs.upsert(personalRef(userId, connector.url));
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const realSender = new ProactiveSender(adapter, '', refs, w.clock, silentLog, policy, async (ms) => {
      sleeps.push(ms);
    });
    const runner = w.runner('instance-a', {}, meetingJobHandlers({ ...w.handlerDeps, messenger: realSender }));
    const meeting = await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Museo', start: '2026-03-29T12:00', durationMinutes: 60, place: 'Ateneum' });
    await drain(runner); // the "scheduled" notices
    connector.reset();

    const [a, b, c] = memberIds;
    let aThrottled = 0;
    connector.respondWith((req) => (req.conversationId === personalChat(a!) && aThrottled++ === 0 ? { status: 429 } : undefined));
    connector.respondWith((req) => (req.conversationId === personalChat(b!) ? { status: 429 } : undefined));
    connector.respondWith((req) => (req.conversationId === personalChat(c!) ? { status: 403 } : undefined));

    w.clock.set('2026-03-28T10:00:00.000Z'); // 12:00 EET the day before
    await runner.tick();
    expect(connector.activities(personalChat(a!)).map((x) => x.text?.split('|')[0])).to.deep.equal(['reminder']);
    const [retry] = await w.jobs.listPending({ meetingId: meeting.id, userId: b, kinds: ['remind'] }).then((jobs) => jobs.filter((j) => j.payload.offsetMinutes === 1440));
    expect(retry).to.deep.include({ attempts: 1, lastStatus: 429, dueAt: '2026-03-28T10:01:00.000Z' });
    const unreachable = await w.jobs.listFinished(w.group.groupId, { meetingId: meeting.id, statuses: ['unreachable'] });
    expect(unreachable.map((j) => [j.userId, j.result?.status])).to.deep.equal([[c, 403]]);
    expect((await refs.get(c!, personalChat(c!)))?.unreachable?.status).to.equal(403);

    connector.clearResponders();
    w.clock.set('2026-03-28T10:01:00.000Z');
    await runner.tick();
    expect(connector.activities(personalChat(b!)).map((x) => x.text?.split('|')[0])).to.deep.equal(['reminder']);
  });
});
