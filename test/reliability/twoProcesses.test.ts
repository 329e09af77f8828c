import { expect } from 'chai';
import { DateTime } from 'luxon';
import { openCosmosStore, type CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosMeetingRepository } from '../../src/store/meetings';
import { makeWorld, memberIds, personalRef } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';
import { TestConnector, type ReceivedActivity } from '../support/connector';
import { startBotProcess, startStoreProcess, waitUntil, type ChildApp } from '../support/processes';

/**
 * Azure runs several instances of the bot on one Cosmos account. Here: `npm run store` and two bot
 * processes (the production entry point, spawned) sharing it through COSMOS_ENDPOINT, one loopback
 * connector as everybody's serviceUrl. Time is the real clock of the processes, so nothing waits for a
 * fixed time: every wait polls with a bounded deadline. The lease is 4 s (SCHEDULER_LEASE_SECONDS).
 */
describe('two bot processes on one store (real processes)', function () {
  this.timeout(240_000);
  const database = `twoprocs-${Date.now()}`;
  const connector = new TestConnector();
  let store: ChildApp;
  let botA: ChildApp;
  let botB: ChildApp;
  let cosmos: CosmosStore;

  before(async () => {
    await connector.start();
    store = await startStoreProcess({ COSMOS_DATABASE: database });
    const env = { COSMOS_ENDPOINT: store.url, COSMOS_DATABASE: database, SCHEDULER_INTERVAL_SECONDS: '1', SCHEDULER_LEASE_SECONDS: '4' };
    [botA, botB] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
    cosmos = await openCosmosStore({ endpoint: store.url, database });
  });

  after(async () => {
    connector.release();
    await Promise.all([botA?.stop(), botB?.stop()]);
    await cosmos?.close();
    await store?.stop();
    await connector.stop();
  });

  it('counts every RSVP of four participants answering at once, half through each process', async () => {
    const a = BotHarness.remote(botA.url, connector);
    const b = BotHarness.remote(botB.url, connector);
    const leader = person('Leena', 'fi');
    await a.install(leader);
    await a.submit(leader, { action: 'newGroup' });
    await b.say(leader, 'Leena'); // the leader's name, asked before the first group
    await a.say(leader, 'Kuntosali');
    await a.say(leader, 'Europe/Helsinki');
    const code = inviteCodeIn(await b.say(leader, 'Suomi'));
    const people = ['Aino', 'Eino', 'Siiri', 'Pekka'].map((name) => person(name, 'fi'));
    const via = (i: number) => (i % 2 === 0 ? a : b);
    for (const [i, p] of people.entries()) await onboardAndJoin(via(i), p, code);

    // The form opens in one process and is answered in the other: the dialog stack lives in the store.
    const groupId = submitActions(await a.submit(leader, { action: 'meetings' })).find((x) => x.data.action === 'meeting.new')!.data.groupId;
    await a.submit(leader, { action: 'meeting.new', groupId });
    const day = DateTime.now().setZone('Europe/Helsinki').plus({ days: 7 }).toFormat('yyyy-MM-dd');
    expect(textOf(await b.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: day, time: '10:00', duration: '90', place: 'Urheilutalo' }))).to.contain('Kuntosali');
    const meetingId = submitActions(await b.submit(people[0]!, { action: 'meetings' })).find((x) => x.data.action === 'rsvp')!.data.meetingId;

    // Each changes their mind; the last answer counts. All four at the same time.
    const answers = [['no', 'maybe', 'yes'], ['yes', 'no'], ['yes', 'maybe'], ['maybe', 'no', 'yes']];
    const replies = await Promise.all(
      people.map(async (p, i) => {
        const said: string[] = [];
        for (const answer of answers[i]!) said.push(textOf(await via(i).submit(p, { action: 'rsvp', groupId, meetingId, answer })));
        return said;
      }),
    );
    expect(replies[0]!.at(-1)).to.contain('Kiitos! Merkitsin, että tulet tapaamiseen "Kuntosali".');
    expect(replies[1]!.at(-1)).to.contain('Kiitos, että kerroit. En muistuta sinua tapaamisesta "Kuntosali".');
    expect(replies[2]!.at(-1)).to.contain('Merkitsin, että ehkä tulet tapaamiseen');

    const stored = await new CosmosMeetingRepository(cosmos.containers).listRsvps(groupId, meetingId);
    expect(Object.fromEntries(stored.map((r) => [people.findIndex((p) => r.userId.endsWith(p.id)), r.answer]))).to.deep.equal({ 0: 'yes', 1: 'no', 2: 'maybe', 3: 'yes' });
    expect(textOf(await b.submit(leader, { action: 'meetings' }))).to.contain('Tulossa 2 · ehkä 1 · ei pääse 1 · ei vastausta 0');
    expect(textOf(await a.submit(leader, { action: 'meetings' }))).to.contain('Tulossa 2 · ehkä 1 · ei pääse 1 · ei vastausta 0');
  });

  it('sends each of 1,000 due reminders exactly once when one process is killed with SIGKILL in the middle of a tick', async () => {
    // 125 meetings of one group start in 90 minutes, planned three days ago (production services, test
    // process): both of each participant's reminders (24 h and 2 h before) are due now.
    const planned = DateTime.now().minus({ days: 3 }).toUTC().toISO()!;
    const w = await makeWorld(cosmos, planned);
    for (const userId of memberIds) {
      await w.refs.upsert(personalRef(userId, connector.url, planned));
      // Night in Helsinki must not hold the reminders back.
      await w.prefsRepo.save({ id: 'reminderPrefs', userId, enabled: true, offsetsMinutes: [1440, 120], quietHours: { start: '00:00', end: '00:00' }, updatedAt: planned });
    }
    const start = DateTime.now().setZone(w.group.timeZone).plus({ minutes: 90 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const reminderOf = (r: ReceivedActivity): string | undefined =>
      submitActions([r.body]).find((x) => x.data.action === 'snooze' && x.data.groupId === w.group.groupId)?.data.jobId;
    const arrived = () => connector.received.map(reminderOf).filter((id): id is string => !!id);

    for (let i = 0; i < 125; i++) await w.meetings.scheduleMeeting('msteams:leader', w.group.groupId, { title: `Tapaaminen ${i}`, start, durationMinutes: 60, place: 'Kirjasto' });
    // Pending or already recorded as done (written before the pending job is deleted, so never neither).
    const { resources: planned1000 } = await cosmos.containers.jobs.items
      .query<string>({ query: "SELECT VALUE c.id FROM c WHERE c.kind = 'remind' AND c.groupId = @g", parameters: [{ name: '@g', value: w.group.groupId }] })
      .fetchAll();
    const expected = new Set(planned1000);
    expect(expected.size).to.equal(1000);

    // Let both processes work, then stop answering: each sender's workers wait on the connector.
    await waitUntil('200 reminders to arrive', () => arrived().length >= 200, 120_000);
    connector.hold();
    let last = -1;
    let since = Date.now();
    await waitUntil(
      'both processes to be waiting on the connector',
      () => {
        const parked = connector.parkedCount();
        if (parked !== last) [last, since] = [parked, Date.now()];
        return parked >= 16 || (parked > 0 && Date.now() - since > 1000);
      },
      20_000,
    );
    const before = new Set(arrived()).size;
    botA.child.kill('SIGKILL');
    await waitUntil('process A to be gone', () => botA.child.signalCode === 'SIGKILL', 10_000);
    await waitUntil('A\'s unanswered sends to be dropped', () => connector.aborted > 0, 10_000);
    const cutOff = connector.aborted;
    connector.release();

    // B runs the rest, and after the 4 s lease the jobs A had claimed.
    await waitUntil('every reminder to arrive', () => new Set(arrived()).size >= 1000, 180_000, 200);
    await waitUntil(
      'no reminder job left pending',
      async () => {
        const { resources } = await cosmos.containers.jobs.items
          .query<number>({ query: "SELECT VALUE COUNT(1) FROM c WHERE c.pk = 'pending' AND c.kind = 'remind' AND c.groupId = @g", parameters: [{ name: '@g', value: w.group.groupId }] })
          .fetchAll();
        return resources[0] === 0;
      },
      60_000,
      200,
    );

    console.log(`      ${before} reminders arrived before the kill, ${cutOff} sends of the killed process cut off unanswered, ${connector.parkedCount()} parked now`);
    const counts = new Map<string, number>();
    for (const id of arrived()) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(cutOff, 'sends of A cut off by the kill').to.be.greaterThan(0);
    expect([...counts.values()].filter((n) => n > 1), 'duplicates').to.deep.equal([]);
    expect([...expected].filter((id) => !counts.has(id)), 'missed').to.deep.equal([]);
    expect(counts.size).to.equal(1000);
    const finished = (await w.jobs.listFinished(w.group.groupId)).filter((j) => j.kind === 'remind');
    expect(finished.map((j) => j.status).filter((s) => s !== 'sent')).to.deep.equal([]);
    expect(finished).to.have.length(1000);
  });
});
