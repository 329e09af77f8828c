import { expect } from 'chai';
import { addMs, type JobRequest } from '../../src/domain/shared/schedule';
import { fromSendOutcome } from '../../src/scheduler/handlers/common';
import { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { freshStore } from '../support/cosmos';
import { ManualClock, RecordingMessenger, silentLog } from './support';

const start = '2026-05-04T09:00:00.000Z';

/**
 * Two instances reading the same due jobs each claim a random window of them, so they seldom fight
 * over one job: a lost claim costs a request and does nothing. (Counts, not timings.)
 */
describe('scheduler: two instances on one backlog', () => {
  let store: CosmosStore;
  before(async () => {
    store = await freshStore('contention');
  });
  after(async () => store.close());

  it('loses far fewer than the old 936 of 1,000 claims to the other instance (at most 20 %; the bench reports the figure), sending each exactly once', async function () {
    this.timeout(120_000);
    const clock = new ManualClock(start);
    const jobs = new CosmosJobRepository(store.containers);
    const requests: JobRequest[] = Array.from({ length: 1000 }, (_, i) => ({ id: `probe:${i}`, kind: 'probe', dueAt: addMs(start, -i * 1000), groupId: 'g-probe', payload: {} }));
    for (let i = 0; i < requests.length; i += 50) await Promise.all(requests.slice(i, i + 50).map((r) => jobs.plan(r, clock.now())));
    const messenger = new RecordingMessenger();
    const handlers = { probe: async (job: { id: string }) => fromSendOutcome(await messenger.send('msteams:p1', 'conv-1', { text: job.id })) };
    const [a, b] = ['instance-a', 'instance-b'].map((instanceId) => new SchedulerRunner(jobs, handlers, clock, silentLog, { instanceId }));
    let lost = 0;
    for (let round = 0; round < 20; round++) {
      const reports = await Promise.all([a!.tick(), b!.tick()]);
      lost += reports[0].lost + reports[1].lost;
      if (reports.every((r) => r.due === 0)) break;
    }
    console.log(`      claims lost to the other instance: ${lost} of 1000`);
    const sent = messenger.sent.map((s) => s.message.text);
    expect(new Set(sent).size).to.equal(1000);
    expect(sent).to.have.length(1000);
    // Measured 56–98 (target 10 %, see the bench); 20 % keeps this from failing on a noisy machine while any return to fighting over every job (936) fails it.
    expect(lost).to.be.at.most(200);
  });
});
