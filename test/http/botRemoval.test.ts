import { expect } from 'chai';
import type { ConversationRef } from '../../src/domain/people';
import { CosmosConversationRefRepository } from '../../src/store/people';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { ManualClock } from '../scheduler/support';
import { BotHarness, person, type Person } from '../support/botHarness';

const userIdOf = (p: Person) => `msteams:aad-${p.id}`;

describe('HTTP: the bot removed from a conversation', () => {
  const bot = new BotHarness();
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  let refs: CosmosConversationRefRepository;
  let jobs: CosmosJobRepository;

  before(async () => {
    await bot.start({}, { clock });
    refs = new CosmosConversationRefRepository(bot.app.store.containers);
    jobs = new CosmosJobRepository(bot.app.store.containers);
  });
  after(async () => bot.stop());

  const planFor = (p: Person, n: number) =>
    jobs.plan({ id: `probe:${p.id}:${n}`, kind: 'remind', dueAt: '2026-11-26T10:00:00.000Z', groupId: 'g-removal', userId: userIdOf(p), payload: {} }, clock.now());

  async function removedBy(p: Person, activity: Record<string, unknown>) {
    await bot.install(p);
    await planFor(p, 1);
    await planFor(p, 2);
    clock.advance(60_000);
    const removedAt = clock.now().toISOString();
    await bot.turn(p, activity);
    const ref = await refs.get(userIdOf(p), p.conversationId);
    expect(ref?.unreachable).to.deep.equal({ at: removedAt, status: 403 });
    // What was still to go there is recorded as unreachable, not left to be tried.
    const finished = await jobs.listFinished('g-removal', { statuses: ['unreachable'] });
    expect(finished.filter((j) => j.userId === userIdOf(p)).map((j) => j.result)).to.deep.equal([
      { outcome: 'unreachable', status: 403, reason: 'bot_removed' },
      { outcome: 'unreachable', status: 403, reason: 'bot_removed' },
    ]);
    clock.advance(2 * 86_400_000);
    expect((await bot.app.scheduler.tick()).due).to.equal(0);
  }

  it('an installationUpdate remove marks the personal chat unreachable and records its pending messages as unreachable', async () => {
    await removedBy(person('Aino', 'fi'), { type: 'installationUpdate', action: 'remove' });
  });

  it('a conversationUpdate that removes the bot does the same', async () => {
    const p = person('Siri', 'sv');
    await removedBy(p, { type: 'conversationUpdate', membersRemoved: [{ id: 'bot-id' }] });
  });

  it('installing again makes the chat reachable again', async () => {
    const p = person('Pekka', 'en');
    await bot.install(p);
    await bot.turn(p, { type: 'installationUpdate', action: 'remove' });
    expect((await refs.get(userIdOf(p), p.conversationId))?.unreachable).to.not.equal(undefined);
    clock.advance(1000);
    await bot.install(p);
    expect((await refs.get(userIdOf(p), p.conversationId))?.unreachable).to.equal(undefined);
  });

  it('markUnreachable never overwrites a reference captured after the failure, nor one written since the sender read it', async () => {
    const p = person('Outi', 'fi');
    await bot.install(p);
    const seen = (await refs.get(userIdOf(p), p.conversationId)) as ConversationRef;
    // The send failed at 10:00 but the person reinstalled a moment later.
    const failedAt = new Date(Date.parse(seen.updatedAt) - 1000);
    expect(await refs.markUnreachable(userIdOf(p), p.conversationId, 403, failedAt)).to.equal(false);
    // Captured again (a new serviceUrl) while a send that had read the old one was failing.
    clock.advance(1000);
    await bot.turn(p, { type: 'message', text: 'hei', serviceUrl: `${bot.connector.url}/` });
    expect(await refs.markUnreachable(userIdOf(p), p.conversationId, 403, clock.now(), seen)).to.equal(false);
    expect((await refs.get(userIdOf(p), p.conversationId))?.unreachable).to.equal(undefined);
    // Without a newer capture it is marked.
    expect(await refs.markUnreachable(userIdOf(p), p.conversationId, 403, new Date(clock.now().getTime() + 1000))).to.equal(true);
  });
});
