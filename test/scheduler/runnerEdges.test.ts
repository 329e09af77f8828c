import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { addMs, type JobRequest } from '../../src/domain/shared/schedule';
import { logHasher } from '../../src/logging/redact';
import type { JobHandler } from '../../src/scheduler/jobs';
import { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { freshStore } from '../support/cosmos';
import { ManualClock, minutes, silentLog } from './support';

const start = '2026-05-04T09:00:00.000Z';
const person = 'msteams:29:secret-person';
const job: JobRequest = { id: `remind:session:m1:${person}:1440:r1`, kind: 'probe', dueAt: start, groupId: 'g-edges', userId: person, payload: {} };

describe('scheduler runner: abandoned jobs and what its logs say', () => {
  let store: CosmosStore;
  let jobs: CosmosJobRepository;
  let clock: ManualClock;

  beforeEach(async () => {
    store = await freshStore('runner-edges');
    jobs = new CosmosJobRepository(store.containers);
    clock = new ManualClock(start);
  });
  afterEach(async () => store.close());

  it('records a job that keeps killing its claimer as failed (abandoned) without running it again', async () => {
    await jobs.plan(job, clock.now());
    // Two claimers died mid-run: each claim held the job until its lease ran out.
    for (const dead of ['dead-1', 'dead-2']) {
      const [due] = await jobs.findDue(clock.now(), 10);
      expect(await jobs.claim(due!, dead, clock.now(), new Date(addMs(clock.now(), minutes(5))))).to.not.equal(undefined);
      clock.advance(minutes(5));
    }
    let ran = 0;
    const handler: JobHandler = async () => (ran++, { outcome: 'sent' });
    const report = await new SchedulerRunner(jobs, { probe: handler }, clock, silentLog, { instanceId: 'a', maxClaims: 2 }).tick();
    expect(report).to.include({ claimed: 1, failed: 1, sent: 0 });
    expect(ran).to.equal(0);
    const [record] = await jobs.listFinished('g-edges');
    expect(record).to.deep.include({ status: 'failed', result: { outcome: 'failed', reason: 'abandoned' } });
    expect(await jobs.findDue(new Date(addMs(clock.now(), minutes(60))), 10)).to.deep.equal([]);
  });

  it('logs a failing job by a keyed hash of its id: no user id, no error message', async () => {
    let written = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((written += String(chunk)), done()) });
    const log = pino({ level: 'info' }, sink);
    await jobs.plan(job, clock.now());
    const handler: JobHandler = async () => {
      throw new Error(`could not send to ${person}`);
    };
    const key = 'a-deployment-log-key-0123456789';
    await new SchedulerRunner(jobs, { probe: handler }, clock, log, { instanceId: 'a', logHash: logHasher(key) }).tick();
    expect(written).to.contain('scheduler: handler threw');
    expect(written).to.not.contain('secret-person');
    expect(written).to.not.contain('could not send');
    const expected = createHmac('sha256', key).update(job.id).digest('hex').slice(0, 12);
    expect(written).to.contain(`"job":"${expected}"`);
  });

  it('a hasher without a key makes its own per process: the same id gets another hash', () => {
    const a = logHasher();
    const b = logHasher();
    expect(a.keySource).to.equal('random');
    expect(a(job.id)).to.match(/^[0-9a-f]{12}$/).and.to.equal(a(job.id)).and.not.equal(b(job.id));
  });
});
