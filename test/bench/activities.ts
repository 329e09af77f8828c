/**
 * Activities part of `npm run bench` (`-- --only activities`): the vote turn (a tick through the HTTP
 * endpoint, the live tally redrawn in the answer) against the menu turn. Figures only, no assertions.
 * Cosmos requests are counted at the embedded server, so the SDK's own extra calls are included.
 */
import { performance } from 'node:perf_hooks';
import { groupOverHttp } from '../http/activities/support';
import { countingStore, ManualClock } from '../scheduler/support';
import { BotHarness, person, submitActions, type Person } from '../support/botHarness';

export interface ActivityFigure {
  what: string;
  /** Per turn, sequential turns. */
  ms: number[];
  requestsPerTurn: number;
}

export async function runActivities(turns = 40): Promise<ActivityFigure[]> {
  const figures: ActivityFigure[] = [];
  async function measure(what: string, counted: { requests: () => number }, turn: (i: number) => Promise<unknown>) {
    await turn(-1); // warm-up
    const before = counted.requests();
    const ms: number[] = [];
    for (let i = 0; i < turns; i++) {
      const t0 = performance.now();
      await turn(i);
      ms.push(performance.now() - t0);
    }
    figures.push({ what, ms, requestsPerTurn: (counted.requests() - before) / turns });
  }
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

    await measure('activities: menu turn ("valikko"), for comparison', counted, () => bot.say(voters[0]!, 'valikko'));
    // One voter ticks and unticks: the round stays open (the others have not voted), each answer redraws the tally.
    await measure('activities: vote turn (tick/untick, live tally in a new card)', counted, (i) =>
      bot.submit(voters[0]!, { action: 'activities.vote', groupId, roundId: 'round:1', proposalId, approve: i % 2 === 0 }),
    );
    await measure('activities: vote turn, card updated in place (Teams)', counted, (i) =>
      bot.turn(voters[1]!, { type: 'message', replyToId: 'act-1', value: { action: 'activities.vote', groupId, roundId: 'round:1', proposalId, approve: i % 2 === 0 } }),
    );
    await measure('activities: leader opens the live tally (who has not voted)', counted, () => bot.submit(leader, { action: 'activities.round.show', groupId, roundId: 'round:1' }));
  } finally {
    await bot.stop();
    await counted.close();
  }
  return figures;
}
