/**
 * The scheduler's part of `npm run bench` (alone: `npm run bench:scheduler`), on the embedded Cosmos
 * server. Cosmos requests are counted at the server (every HTTP request that reaches it), so the SDK's
 * own extra calls (query plans, retries) are included.
 */
import { performance } from 'node:perf_hooks';
import { addMs, type JobRequest } from '../../src/domain/shared/schedule';
import { donePartition, pendingPartition } from '../../src/store/shared/jobDocument';
import { fromSendOutcome } from '../../src/scheduler/handlers/common';
import type { JobHandler } from '../../src/scheduler/jobs';
import { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { countingStore, drain, leaderId, makeWorld, ManualClock, RecordingMessenger, silentLog } from '../scheduler/support';

const now = '2026-05-04T09:00:00.000Z';

const probe = (i: number, dueAt: string, groupId = 'g-bench'): JobRequest => ({ id: `probe:${i}`, kind: 'probe', dueAt, groupId, payload: { n: i } });

const probeHandler =
  (messenger: RecordingMessenger): JobHandler =>
  async (job) =>
    fromSendOutcome(await messenger.send('msteams:p1', 'conv-1', { text: job.id }));

/** Writes stored jobs straight into the container with bulk requests (fast seeding, not what is measured). */
async function seed(store: CosmosStore, docs: object[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const chunk = docs.slice(i, i + 100) as Array<{ pk: string }>;
    await store.containers.jobs.items.bulk(chunk.map((d) => ({ operationType: 'Create' as const, partitionKey: d.pk, resourceBody: d as never })));
  }
}

const stored = (r: JobRequest, pk: string, status: string) => ({
  ...r,
  type: 'job',
  pk,
  status,
  attempts: 0,
  claims: status === 'pending' ? 0 : 1,
  createdAt: now,
  updatedAt: now,
});

async function idleTick() {
  const counted = await countingStore('bench-idle');
  try {
    const clock = new ManualClock(now);
    // 10,000 stored: 2,000 future pending jobs and 8,000 finished records across 40 groups.
    const docs = [
      ...Array.from({ length: 2000 }, (_, i) => stored(probe(i, addMs(now, 60_000 * (i + 1))), pendingPartition, 'pending')),
      ...Array.from({ length: 8000 }, (_, i) => stored(probe(10_000 + i, addMs(now, -60_000 * (i + 1)), `g-${i % 40}`), donePartition(`g-${i % 40}`), 'sent')),
    ];
    await seed(counted.store, docs);
    const runner = new SchedulerRunner(new CosmosJobRepository(counted.store.containers), { probe: probeHandler(new RecordingMessenger()) }, clock, silentLog, { instanceId: 'bench' });
    await runner.tick(); // warm-up (connections, the SDK's caches)
    const rounds = 20;
    const before = counted.requests();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await runner.tick();
    const ms = (performance.now() - t0) / rounds;
    const requests = (counted.requests() - before) / rounds;
    return { requests, ms };
  } finally {
    await counted.close();
  }
}

async function dueJobs(instances: number) {
  const counted = await countingStore(`bench-due-${instances}`);
  try {
    const clock = new ManualClock(now);
    const jobs = new CosmosJobRepository(counted.store.containers);
    await seed(counted.store, Array.from({ length: 1000 }, (_, i) => stored(probe(i, addMs(now, -i * 1000)), pendingPartition, 'pending')));
    const messenger = new RecordingMessenger();
    const runners = Array.from({ length: instances }, (_, i) => new SchedulerRunner(jobs, { probe: probeHandler(messenger) }, clock, silentLog, { instanceId: `bench-${i}` }));
    await jobs.findDue(clock.now(), 1); // warm-up
    const before = counted.requests();
    const t0 = performance.now();
    let lost = 0;
    for (let round = 0; round < 20; round++) {
      const reports = await Promise.all(runners.map((r) => r.tick()));
      lost += reports.reduce((sum, r) => sum + r.lost, 0);
      if (reports.every((r) => r.due === 0)) break;
    }
    const ms = performance.now() - t0;
    const requests = counted.requests() - before;
    const distinct = new Set(messenger.sent.map((s) => s.message.text)).size;
    return { instances, jobs: 1000, ms, requestsPerJob: requests / 1000, lost, duplicates: messenger.sent.length - distinct, missed: 1000 - distinct };
  } finally {
    await counted.close();
  }
}

async function realReminders() {
  const counted = await countingStore('bench-reminders');
  try {
    const w = await makeWorld(counted.store, '2026-03-01T08:00:00.000Z');
    // 125 meetings × 4 participants × (24 h + 2 h reminders) = 1,000 reminder jobs, plus notices and prompts.
    const planBefore = counted.requests();
    const t0 = performance.now();
    for (let i = 0; i < 125; i++) {
      await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: `Ryhmä ${i}`, start: '2026-03-20T13:00', durationMinutes: 60, place: 'Kirjasto' });
    }
    const planMs = performance.now() - t0;
    const planRequests = counted.requests() - planBefore;
    const { resources: planned } = await counted.store.containers.jobs.items.query("SELECT VALUE COUNT(1) FROM c WHERE c.pk = 'pending'").fetchAll();
    const perMeeting = Number(planned[0]) / 125;
    const planning = { jobsPerMeeting: perMeeting, msPerMeeting: planMs / 125, requestsPerMeeting: planRequests / 125 };
    const runner = w.runner('bench');
    await drain(runner); // the "scheduled" notices, due at once
    w.messenger.sent.length = 0;
    // All meetings start at 13:00 EET (11:00Z) on 20 March: a minute before, all 1,000 reminders are due and sent.
    w.clock.set('2026-03-20T10:59:00.000Z');
    const before = counted.requests();
    const t1 = performance.now();
    await drain(runner, 40);
    const ms = performance.now() - t1;
    const requests = counted.requests() - before;
    const finished = (await w.jobs.listFinished(w.group.groupId)).filter((j) => j.kind === 'remind');
    const byOutcome = finished.reduce<Record<string, number>>((acc, j) => ({ ...acc, [`${j.kind}:${j.status}`]: (acc[`${j.kind}:${j.status}`] ?? 0) + 1 }), {});
    const ran = byOutcome['remind:sent'] ?? 0;
    return { planning, sent: ran, outcomes: byOutcome, msPerReminder: ms / ran, requestsPerReminder: requests / ran };
  } finally {
    await counted.close();
  }
}

export type SchedulerFigures = {
  idle: Awaited<ReturnType<typeof idleTick>>;
  one: Awaited<ReturnType<typeof dueJobs>>;
  two: Awaited<ReturnType<typeof dueJobs>>;
  reminders: Awaited<ReturnType<typeof realReminders>>;
};

export async function runScheduler(): Promise<SchedulerFigures> {
  return { idle: await idleTick(), one: await dueJobs(1), two: await dueJobs(2), reminders: await realReminders() };
}
