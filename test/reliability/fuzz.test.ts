import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf, type Person } from '../support/botHarness';
import { changedBetween, scanStore } from '../support/storeScan';
import { fuzzInputs, type FuzzInput, type FuzzWorld } from './fuzzInputs';

const locales = ['fi', 'sv', 'en'] as const;

/** Fixed pieces (10+ characters, placeholders cut out) of each language's texts that no other language has. */
function fingerprints(): Record<string, string[]> {
  const leaves = (o: unknown): string[] => (typeof o === 'string' ? [o] : typeof o === 'object' && o ? Object.values(o).flatMap(leaves) : []);
  const pieces = Object.fromEntries(
    locales.map((l) => [l, leaves(JSON.parse(readFileSync(join(__dirname, '../../locales', `${l}.json`), 'utf8'))).flatMap((s) => s.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)).map((s) => s.trim()).filter((s) => s.length >= 10)]),
  ) as Record<string, string[]>;
  const all = Object.fromEntries(locales.map((l) => [l, pieces[l]!.join('\n')]));
  return Object.fromEntries(locales.map((l) => [l, [...new Set(pieces[l])].filter((p) => locales.every((o) => o === l || !all[o]!.includes(p)))]));
}

async function eachBounded<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

describe('reliability: fuzzing /api/messages with generated activities and card payloads', function () {
  this.timeout(900_000);
  const bot = new BotHarness();
  const personas: Person[] = [person('Aino', 'fi'), person('Siri', 'sv'), person('Pekka', 'en'), person('Leena', 'en')];
  let world: FuzzWorld;

  before(async () => {
    await bot.start();
    const leader = personas[3]!;
    await bot.install(leader);
    await bot.submit(leader, { action: 'newGroup' });
    await bot.say(leader, 'Leena'); // the leader's name, asked before the first group
    await bot.say(leader, 'Walkers');
    await bot.say(leader, 'Europe/Helsinki');
    const code = inviteCodeIn(await bot.say(leader, 'English'));
    for (const p of personas.slice(0, 3)) await onboardAndJoin(bot, p, code);
    // The leader chooses a language too: without one, a junk client locale means the default, Finnish.
    await bot.submit(leader, { action: 'language' });
    await bot.say(leader, 'English');
    const groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
    await bot.submit(leader, { action: 'meeting.new', groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Gym', date: '2027-01-13', time: '10:00', duration: '60', place: 'Hall' });
    const meetingId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.move')!.data.meetingId;
    world = {
      serviceUrl: bot.connector.url,
      personas: personas.map((p) => ({ fromId: p.id, aadObjectId: `aad-${p.id}`, conversationId: p.conversationId, locale: p.locale })),
      groupIds: [groupId, 'g-00000000-0000-4000-8000-000000000000'],
      meetingIds: [meetingId, 'session:none'],
    };
  });
  after(async () => bot.stop());

  it('never crashes or answers 5xx, refuses malformed input with 4xx storing nothing, and answers people in their own language', async () => {
    const started = Date.now();
    const counts = { malformed: 5000, raw: 1500, messages: 3000, updates: 1000 };
    const inputs = fuzzInputs(world, counts, 20261201);
    const bad = inputs.filter((i) => i.expect === 'bad');
    const ok = inputs.filter((i) => i.expect === 'ok');
    const statuses = new Map<string, number>();
    const unexpected: string[] = [];
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

    const slowest: Array<{ ms: number; what: string }> = [];
    const send = async (input: FuzzInput) => {
      const t0 = Date.now();
      const res =
        input.kind === 'raw'
          ? await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: input.contentType ? { 'content-type': input.contentType } : {}, body: input.body })
          : await bot.post(input.body);
      await res.arrayBuffer();
      slowest.push({ ms: Date.now() - t0, what: JSON.stringify(input.body).slice(0, 150) });
      slowest.sort((a, b) => b.ms - a.ms).splice(5);
      count(`${input.expect}:${res.status}`);
      const fine = input.expect === 'bad' ? res.status >= 400 && res.status < 500 : res.status === 200;
      if (!fine && unexpected.length < 10) unexpected.push(`${res.status} for ${JSON.stringify(input.body).slice(0, 200)}`);
    };

    // Malformed input first, between two scans of every container: it must not create or change a document.
    const before = await scanStore(bot.app.store);
    const connectorBeforeBad = bot.connector.received.length;
    await eachBounded(bad, 4, send);
    const changedByBad = changedBetween(before, await scanStore(bot.app.store));
    const badSeconds = (Date.now() - started) / 1000;
    const answeredBad = bot.connector.received.length - connectorBeforeBad;

    // Well-formed input: each persona's turns in order (as a channel delivers them), four at a time.
    const byWorker = [0, 1, 2, 3].map((w) => ok.filter((i, n) => (i.kind === 'activity' && i.personaIndex !== undefined ? i.personaIndex : n % 4) === w));
    await Promise.all(byWorker.map((list) => eachBounded(list, 1, send)));

    // Replies to the personas' messages, each checked for its language.
    const prints = fingerprints();
    let checked = 0;
    const wrongLanguage: string[] = [];
    const repliesTo = new Map<string, Record<string, any>[]>();
    for (const r of bot.connector.received) if (r.body.replyToId) repliesTo.set(r.body.replyToId, [...(repliesTo.get(r.body.replyToId) ?? []), r.body]);
    for (const input of ok) {
      if (input.kind !== 'activity' || input.personaIndex === undefined) continue;
      const text = textOf(repliesTo.get(String(input.body.id)) ?? []);
      if (!text) continue;
      const locale = personas[input.personaIndex]!.locale;
      const mine = prints[locale]!.some((p) => text.includes(p));
      const others = locales.filter((l) => l !== locale && prints[l]!.some((p) => text.includes(p)));
      checked++;
      if (!mine || others.length > 0) wrongLanguage.push(`${locale} got: ${text.slice(0, 120)}`);
    }
    const health = (await fetch(`${bot.app.url}/healthz`)).status;
    const seconds = (Date.now() - started) / 1000;
    console.log(`malformed phase: ${bad.length} in ${badSeconds.toFixed(1)} s`);
    console.log('slowest requests:');
    console.table(slowest);
    console.log(`fuzz: ${inputs.length} inputs (${JSON.stringify(counts)}) in ${seconds.toFixed(1)} s, ${(inputs.length / seconds).toFixed(0)}/s, 4 at a time`);
    console.table(Object.fromEntries([...statuses].sort()));
    console.log(`replies checked for their language: ${checked}, in another language: ${wrongLanguage.length}; documents changed by malformed input: ${changedByBad.length}, answers to it: ${answeredBad}; /healthz ${health}`);

    expect(inputs.length).to.be.at.least(10_000);
    expect(unexpected, unexpected.join('\n')).to.deep.equal([]);
    expect([...statuses.keys()].filter((k) => Number(k.split(':')[1]) >= 500)).to.deep.equal([]);
    expect(changedByBad).to.deep.equal([]);
    expect(answeredBad).to.equal(0);
    expect(wrongLanguage.slice(0, 5)).to.deep.equal([]);
    expect(checked).to.be.greaterThan(1000);
    expect(health).to.equal(200);
  });
});
