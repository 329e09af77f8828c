/**
 * Activities benchmark: the vote turn (a tick through the HTTP endpoint, the live tally redrawn in the
 * answer) against the menu turn. Prints figures, asserts nothing.   npm run bench:activities
 * Cosmos requests are counted at the embedded server, so the SDK's own extra calls are included.
 */
import { performance } from 'node:perf_hooks';
import { groupOverHttp } from '../http/activities/support';
import { countingStore, ManualClock } from '../scheduler/support';
import { BotHarness, person, submitActions, type Person } from '../support/botHarness';

const turns = 40;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function measure(label: string, counted: { requests: () => number }, turn: (i: number) => Promise<unknown>) {
  await turn(-1); // warm-up
  const before = counted.requests();
  const t0 = performance.now();
  for (let i = 0; i < turns; i++) await turn(i);
  const ms = performance.now() - t0;
  const requests = counted.requests() - before;
  console.log(`${label}: ${fmt(ms / turns)} ms/turn, ${fmt(requests / turns)} Cosmos requests/turn (${turns} turns)`);
}

async function main() {
  console.log('activities benchmark — the running bot over HTTP, embedded Cosmos server over loopback HTTP, one process\n');
  const counted = await countingStore('bench-activities');
  const bot = new BotHarness();
  try {
    await bot.start({}, { store: counted.store, clock: new ManualClock('2026-12-01T10:00:00.000Z') });
    const leader = person('Leena', 'fi');
    const voters: Person[] = [person('Aino', 'fi'), person('Siri', 'sv'), person('Pekka', 'en'), person('Kalle', 'fi')];
    const groupId = await groupOverHttp(bot, leader, voters, 'Penkki');
    for (const [i, p] of voters.slice(0, 3).entries()) {
      const form = await bot.submit(p, { action: 'activities.propose', groupId });
      const save = submitActions(form).find((a) => a.data.action === 'activities.propose.save')!.data;
      await bot.submit(p, { ...save, title: `Idea ${i}`, effort: 'low', travel: 'local', costLevel: 'free' });
    }
    await bot.submit(leader, { action: 'activities.round.open', groupId, date: '2026-12-10', time: '18:00' });
    await bot.app.scheduler.tick();
    const card = bot.connector.activities(voters[0]!.conversationId).at(-1)!;
    const proposalId = submitActions([card]).find((a) => a.data.action === 'activities.vote')!.data.proposalId;

    await measure('menu turn ("valikko")', counted, () => bot.say(voters[0]!, 'valikko'));
    // One voter ticks and unticks: the round stays open (the others have not voted), each answer redraws the tally.
    await measure('vote turn (tick/untick + live tally in the answer)', counted, (i) =>
      bot.submit(voters[0]!, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId, approve: i % 2 === 0 }),
    );
    await measure('vote turn answered in place (msteams updateActivity)', counted, (i) =>
      bot.turn(voters[1]!, { type: 'message', replyToId: 'act-1', value: { action: 'activities.vote', groupId, roundId: 'round:1', proposalId, approve: i % 2 === 0 } }),
    );
    await measure('leader looks at the live tally (who has not voted)', counted, () => bot.submit(leader, { action: 'activities.round.show', groupId, roundId: 'round:1' }));
  } finally {
    await bot.stop();
    await counted.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
