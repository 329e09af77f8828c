import { expect } from 'chai';
import { addMs, type Job, type JobRequest } from '../../src/domain/shared/schedule';
import { donePartition, pendingPartition, type StoredJob } from '../../src/store/shared/jobDocument';
import { fromSendOutcome } from '../../src/scheduler/handlers/common';
import type { HandlerResult, JobHandler } from '../../src/scheduler/jobs';
import { SchedulerRunner, type RunnerOptions, type Timers } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { freshStore } from '../support/cosmos';
import { countingStore, ManualClock, minutes, RecordingMessenger, silentLog } from './support';

const start = '2026-05-04T09:00:00.000Z';
const groupId = 'g-probe';

const probe = (i: number | string, dueAt: string, extra: Partial<JobRequest> = {}): JobRequest => ({
  id: `probe:${i}`,
  kind: 'probe',
  dueAt,
  groupId,
  payload: {},
  ...extra,
});

/** Sends the job's id as the message text: the messenger's log then says how often each job went. */
const probeHandler =
  (messenger: RecordingMessenger): JobHandler =>
  async (job) =>
    fromSendOutcome(await messenger.send('msteams:p1', 'conv-1', { text: job.id }));

async function planAll(jobs: CosmosJobRepository, requests: JobRequest[], now: Date, concurrency = 50) {
  for (let i = 0; i < requests.length; i += concurrency) {
    await Promise.all(requests.slice(i, i + concurrency).map((r) => jobs.plan(r, now)));
  }
}

async function allPending(store: CosmosStore): Promise<Job[]> {
  const { resources } = await store.containers.jobs.items
    .query<Job>({ query: 'SELECT * FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: pendingPartition }] }, { partitionKey: pendingPartition })
    .fetchAll();
  return resources;
}

describe('scheduler runner on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let jobs: CosmosJobRepository;
  let clock: ManualClock;
  let messenger: RecordingMessenger;

  const runner = (instanceId: string, handler: JobHandler, options: Partial<RunnerOptions> = {}) =>
    new SchedulerRunner(jobs, { probe: handler }, clock, silentLog, { instanceId, backoffBaseMs: minutes(1), backoffMaxMs: minutes(30), ...options });

  beforeEach(async () => {
    store = await freshStore('runner');
    jobs = new CosmosJobRepository(store.containers);
    clock = new ManualClock(start);
    messenger = new RecordingMessenger();
  });
  afterEach(async () => store.close());

  describe('planning', () => {
    it('keeps one job per id, updates a changed due time and never resurrects a finished job', async () => {
      const now = clock.now();
      expect(await jobs.plan(probe(1, start), now)).to.equal('created');
      expect(await jobs.plan(probe(1, start), now)).to.equal('unchanged');
      const later = addMs(start, minutes(10));
      expect(await jobs.plan(probe(1, later), now)).to.equal('updated');
      expect((await allPending(store)).map((j) => [j.id, j.dueAt])).to.deep.equal([['probe:1', later]]);

      clock.advance(minutes(10));
      await runner('a', probeHandler(messenger)).tick();
      expect(messenger.sent).to.have.length(1);

      expect(await jobs.plan(probe(1, addMs(start, minutes(60))), clock.now())).to.equal('finished');
      expect(await allPending(store)).to.deep.equal([]);
      clock.advance(minutes(60));
      await runner('a', probeHandler(messenger)).tick();
      expect(messenger.sent).to.have.length(1);
    });

    it('leaves a job alone while someone runs it', async () => {
      await jobs.plan(probe(1, start), clock.now());
      const [due] = await jobs.findDue(clock.now(), 10);
      await jobs.claim(due!, 'a', clock.now(), new Date(clock.now().getTime() + minutes(5)));
      expect(await jobs.plan(probe(1, addMs(start, minutes(30))), clock.now())).to.equal('busy');
    });
  });

  describe('finding due jobs', () => {
    it('returns only pending jobs that are due, earliest first, at most the limit', async () => {
      await planAll(jobs, [probe('late', addMs(start, minutes(5))), probe('b', addMs(start, -minutes(1))), probe('a', addMs(start, -minutes(2))), probe('c', start)], clock.now());
      // A finished record with an old due time lives in another partition and must not be found.
      await store.containers.jobs.items.create({ ...probe('old', '2026-01-01T00:00:00.000Z'), type: 'job', pk: donePartition(groupId), status: 'sent', createdAt: start, updatedAt: start });
      expect((await jobs.findDue(clock.now(), 10)).map((j) => j.id)).to.deep.equal(['probe:a', 'probe:b', 'probe:c']);
      expect((await jobs.findDue(clock.now(), 2)).map((j) => j.id)).to.deep.equal(['probe:a', 'probe:b']);
    });

    it('costs at most 2 Cosmos requests for an idle tick, however much is stored', async () => {
      const counted = await countingStore();
      try {
        const countedJobs = new CosmosJobRepository(counted.store.containers);
        const future = Array.from({ length: 200 }, (_, i) => probe(`f${i}`, addMs(start, minutes(60 + i))));
        await planAll(countedJobs, future, clock.now());
        for (let i = 0; i < 200; i++) {
          await counted.store.containers.jobs.items.create({ ...probe(`d${i}`, start), type: 'job', pk: donePartition(`g${i % 7}`), status: 'sent', createdAt: start, updatedAt: start });
        }
        const idle = new SchedulerRunner(countedJobs, { probe: probeHandler(messenger) }, clock, silentLog, { instanceId: 'idle' });
        const before = counted.requests();
        const report = await idle.tick();
        expect(report.due).to.equal(0);
        expect(counted.requests() - before).to.be.at.most(2);
      } finally {
        await counted.close();
      }
    });
  });

  describe('exactly once', () => {
    it('sends each of 1,000 due jobs exactly once with two instances ticking at the same time', async function () {
      this.timeout(120_000);
      await planAll(jobs, Array.from({ length: 1000 }, (_, i) => probe(i, addMs(start, -i * 1000))), clock.now());
      const a = runner('instance-a', probeHandler(messenger));
      const b = runner('instance-b', probeHandler(messenger));
      for (let round = 0; round < 10; round++) {
        const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
        if (ra.due + rb.due === 0) break;
      }
      const perJob = new Map<string, number>();
      for (const s of messenger.sent) perJob.set(s.message.text!, (perJob.get(s.message.text!) ?? 0) + 1);
      expect(perJob.size).to.equal(1000);
      expect([...perJob.values()].every((n) => n === 1)).to.equal(true);
      expect(messenger.sent).to.have.length(1000);
      expect(await allPending(store)).to.deep.equal([]);
      const finished = await jobs.listFinished(groupId, { statuses: ['sent'] });
      expect(finished).to.have.length(1000);
      // Both instances did part of the work, and nothing needed a second claim.
      expect(new Set(finished.map((j) => j.claimedBy))).to.deep.equal(new Set(['instance-a', 'instance-b']));
      expect(finished.every((j) => j.claims === 1)).to.equal(true);
    });

    it('lets another instance send what a dead instance had claimed, once its lease has run out', async () => {
      const leaseMs = minutes(5);
      await planAll(jobs, Array.from({ length: 20 }, (_, i) => probe(i, start)), clock.now());
      let claimedByDead = 0;
      let allClaimed: () => void = () => {};
      const everyoneClaimed = new Promise<void>((resolve) => (allClaimed = resolve));
      // Instance A claims everything and then "stops": its handler never returns.
      const hang: JobHandler = () => {
        if (++claimedByDead === 20) allClaimed();
        return new Promise<HandlerResult>(() => {});
      };
      void runner('instance-a', hang, { leaseMs, concurrency: 50 }).tick();
      await everyoneClaimed;

      const b = runner('instance-b', probeHandler(messenger), { leaseMs });
      expect((await b.tick()).due).to.equal(0);
      clock.advance(leaseMs - 1000);
      expect((await b.tick()).due).to.equal(0);
      expect(messenger.sent).to.have.length(0);

      clock.advance(2000);
      const report = await b.tick();
      expect(report.sent).to.equal(20);
      expect(new Set(messenger.sent.map((s) => s.message.text)).size).to.equal(20);
      const finished = await jobs.listFinished(groupId);
      expect(finished.map((j) => [j.claims, j.claimedBy])).to.deep.equal(Array(20).fill([2, 'instance-b']));
      expect(await allPending(store)).to.deep.equal([]);
    });

    it('does not run again a job whose dead claimer recorded it but never removed it', async () => {
      await jobs.plan(probe(1, start), clock.now());
      const [due] = await jobs.findDue(clock.now(), 1);
      const claimed = await jobs.claim(due!, 'instance-a', clock.now(), new Date(clock.now().getTime() + minutes(5)));
      // Instance A sent and wrote the record, then died before deleting the pending job.
      const { _etag, ...body } = claimed as StoredJob;
      await store.containers.jobs.items.upsert({ ...body, pk: donePartition(groupId), status: 'sent', result: { outcome: 'sent' } });

      clock.advance(minutes(6));
      const report = await runner('instance-b', probeHandler(messenger)).tick();
      expect(report.alreadyFinished).to.equal(1);
      expect(messenger.sent).to.have.length(0);
      expect(await allPending(store)).to.deep.equal([]);
    });
  });

  describe('failures', () => {
    it('retries a failed send with exponential backoff and records it as failed after the last attempt', async () => {
      await jobs.plan(probe(1, start), clock.now());
      messenger.script(() => ({ kind: 'failed', status: 503 }));
      const r = runner('a', probeHandler(messenger), { maxAttempts: 3, backoffBaseMs: minutes(1) });

      expect((await r.tick()).retried).to.equal(1);
      let [pending] = await allPending(store);
      expect(pending).to.include({ attempts: 1, dueAt: addMs(start, minutes(1)), lastStatus: 503 });
      expect(pending!.claimedBy).to.equal(undefined);

      clock.advance(minutes(1) - 1);
      expect((await r.tick()).due).to.equal(0);
      clock.advance(1);
      expect((await r.tick()).retried).to.equal(1);
      [pending] = await allPending(store);
      expect(pending).to.include({ attempts: 2, dueAt: addMs(clock.now(), minutes(2)) });

      clock.advance(minutes(2));
      expect((await r.tick()).failed).to.equal(1);
      expect(await allPending(store)).to.deep.equal([]);
      const [record] = await jobs.listFinished(groupId, { statuses: ['failed'] });
      expect(record).to.deep.include({ attempts: 2, status: 'failed', result: { outcome: 'failed', status: 503 } });
    });

    it('sends on a later attempt once the failure has passed, and treats a throwing handler as a failure', async () => {
      await jobs.plan(probe(1, start), clock.now());
      let calls = 0;
      const flaky: JobHandler = async (job, ctx) => {
        if (++calls === 1) throw new Error('boom');
        return probeHandler(messenger)(job, ctx);
      };
      const r = runner('a', flaky);
      expect((await r.tick()).retried).to.equal(1);
      clock.advance(minutes(1));
      expect((await r.tick()).sent).to.equal(1);
      const [record] = await jobs.listFinished(groupId);
      expect(record).to.deep.include({ status: 'sent', attempts: 1 });
    });

    it('records an unreachable person once and never retries', async () => {
      await jobs.plan(probe(1, start), clock.now());
      messenger.script(() => ({ kind: 'unreachable', status: 403 }));
      const r = runner('a', probeHandler(messenger));
      expect((await r.tick()).unreachable).to.equal(1);
      clock.advance(minutes(120));
      expect((await r.tick()).due).to.equal(0);
      const unreachable = await jobs.listFinished(groupId, { statuses: ['unreachable'] });
      expect(unreachable.map((j) => [j.id, j.result])).to.deep.equal([['probe:1', { outcome: 'unreachable', status: 403 }]]);
    });

    it('reschedules a deferred job without counting an attempt', async () => {
      await jobs.plan(probe(1, start), clock.now());
      const until = addMs(start, minutes(600));
      const r = runner('a', async () => ({ outcome: 'deferred', until, reason: 'quiet_hours' }));
      expect((await r.tick()).deferred).to.equal(1);
      const [pending] = await allPending(store);
      expect(pending).to.include({ dueAt: until, attempts: 0 });
    });

    it('leaves a job of an unknown kind claimed for an instance that knows it', async () => {
      await jobs.plan(probe(1, start, { kind: 'from-the-future' }), clock.now());
      const r = runner('a', probeHandler(messenger));
      expect((await r.tick()).errors).to.equal(1);
      const [pending] = await allPending(store);
      expect(pending).to.include({ claimedBy: 'a', dueAt: addMs(start, minutes(5)) });
    });
  });

  it('ticks when started and on every interval, and stops cleanly', async () => {
    const callbacks: Array<() => void> = [];
    let cleared = 0;
    const timers: Timers = {
      setInterval: (callback, ms) => {
        expect(ms).to.equal(15_000);
        callbacks.push(callback);
        return callbacks.length;
      },
      clearInterval: () => void cleared++,
    };
    let ticks = 0;
    const r = new SchedulerRunner(jobs, { probe: probeHandler(messenger) }, clock, silentLog, { instanceId: 'a', intervalMs: 15_000 }, timers);
    const tick = r.tick.bind(r);
    r.tick = async () => {
      ticks++;
      return tick();
    };
    r.start();
    r.start(); // a second start is ignored
    expect(callbacks).to.have.length(1);
    await r.stop();
    expect(ticks).to.equal(1);
    await jobs.plan(probe(1, start), clock.now());
    r.start();
    callbacks[1]!();
    await r.stop();
    expect(cleared).to.equal(2);
    expect(messenger.sent.map((s) => s.message.text)).to.deep.equal(['probe:1']);
  });
});
