import { expect } from 'chai';
import type { z } from 'zod';
import { features } from '../../dialogs/router';
import type { CardRoute } from '../../dialogs/shared/routes';
import { ManualClock } from '../scheduler/support';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, textOf, type Person } from '../support/botHarness';
import { changedBetween, scanStore } from '../support/storeScan';

/**
 * Every leader action of every feature, read from the features' routes (a new feature's leader
 * actions become rows by themselves), tried through HTTP by a participant of the group and by
 * another group's leader. "Allowed" means anything of group A changed, or a form it opened could be
 * sent. The group's own leader is the control column: the check must be able to see an allowed one.
 */
describe('reliability: roles matrix over HTTP', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leaderA = person('Leena', 'en');
  const participantA = person('Pekka', 'en');
  const leaderB = person('Bo', 'en');
  const ids = { groupA: '', meetingA: '' };
  const matrix: Array<Record<string, string>> = [];

  async function createGroup(leader: Person, name: string) {
    await bot.install(leader);
    await bot.submit(leader, { action: 'newGroup' });
    await bot.say(leader, 'Leena'); // the leader's name, asked before the first group
    await bot.say(leader, name);
    await bot.say(leader, 'Europe/Helsinki');
    return inviteCodeIn(await bot.say(leader, 'English'));
  }
  const buttons = async (p: Person) => submitActions(await bot.submit(p, { action: 'meetings' })).map((a) => a.data);

  before(async () => {
    await bot.start({}, { clock });
    const code = await createGroup(leaderA, 'Walkers');
    await onboardAndJoin(bot, participantA, code);
    await createGroup(leaderB, 'Painters');
    ids.groupA = (await buttons(leaderA)).find((d) => d.action === 'meeting.new').groupId;
    await bot.submit(leaderA, { action: 'meeting.new', groupId: ids.groupA });
    await bot.submit(leaderA, { action: 'meeting.save', title: 'Gym', date: '2026-12-09', time: '10:00', duration: '60', place: 'Hall' });
    ids.meetingA = (await buttons(leaderA)).find((d) => d.action === 'meeting.move').meetingId;
  });
  after(async () => {
    console.table(matrix);
    await bot.stop();
  });

  /** Values for the fields leader payloads carry, all pointing at group A. */
  const sample: Record<string, () => unknown> = {
    groupId: () => ids.groupA,
    meetingId: () => ids.meetingA,
    members: () => [`msteams:aad-${participantA.id}`],
    m0: () => 'present',
    // "Make a new code" as confirmed (without it the bot only asks, which changes nothing).
    confirmed: () => true,
    userId: () => `msteams:aad-${participantA.id}`,
    requestId: () => '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    kind: () => 'employed',
    hours: () => 'full',
    term: () => 'open',
    date: () => '2026-12-01',
    startDate: () => '2026-11-01',
    endDate: () => '2026-12-20',
    entryId: () => 'req-roles',
    stillEmployed: () => true,
    proposalId: () => 'proposal:none',
    roundId: () => 'round:1',
    approve: () => true,
    alertId: () => 'alert:none',
    answer: () => 'handled',
    participantId: () => `msteams:aad-${participantA.id}`,
    messageId: () => 'guidance:none',
  };
  function payloadFor(route: CardRoute): Record<string, unknown> {
    const shape = (route.schema as unknown as z.ZodObject).shape as Record<string, unknown> | undefined;
    if (!shape) throw new Error(`${route.action}: no object schema; give this row a payload`);
    const payload: Record<string, unknown> = { action: route.action };
    for (const key of Object.keys(shape)) if (key !== 'action' && sample[key]) payload[key] = sample[key]!();
    // A roster's answers ride beside its members (m0, m1, … are not in the schema's shape).
    if (payload.members) payload.m0 = sample.m0!();
    const parsed = route.schema.safeParse(payload);
    if (!parsed.success) throw new Error(`${route.action}: add a sample for ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return payload;
  }

  /** The action, then whatever a form or question it opened would take: a filled meeting form and a "Yes". */
  async function attempt(actor: Person, payload: Record<string, unknown>): Promise<{ allowed: boolean; said: string }> {
    const before = await scanStore(bot.app.store);
    const said = textOf(await bot.submit(actor, payload));
    await bot.submit(actor, { action: 'meeting.save', title: 'Taken over', date: '2026-12-16', time: '12:00', duration: '60', place: 'Elsewhere' });
    await bot.say(actor, 'Yes');
    await bot.say(actor, 'cancel');
    const changed = changedBetween(before, await scanStore(bot.app.store)).filter((key) => !key.startsWith('botstate/'));
    const ofGroupA = changed.filter((key) => key.startsWith('groups/') || key.startsWith('jobs/'));
    return { allowed: ofGroupA.length > 0, said: said.split('\n')[0]!.slice(0, 60) };
  }

  const leaderRoutes = features.flatMap((f) => f.actions).filter((r) => r.roles.includes('leader') && !r.roles.includes('anyone'));

  it('refuses every leader action to a participant of the group and to another group\'s leader (0 allowed)', async () => {
    expect(leaderRoutes.map((r) => r.action)).to.include.members(['renewInvite', 'meeting.new', 'meeting.move', 'meeting.cancel', 'attendance', 'attendance.save']);
    let allowed = 0;
    for (const route of leaderRoutes) {
      const payload = payloadFor(route);
      const row: Record<string, string> = { action: route.action };
      for (const [column, actor] of [['participant of A', participantA], ["B's leader", leaderB]] as const) {
        const result = await attempt(actor, payload);
        row[column] = result.allowed ? 'ALLOWED' : `refused: ${result.said}`;
        if (result.allowed) allowed++;
      }
      matrix.push(row);
    }
    expect(allowed).to.equal(0);
  });

  it("lets group A's own leader do it (the control: the matrix can see an allowed action)", async () => {
    const result = await attempt(leaderA, payloadFor(leaderRoutes.find((r) => r.action === 'renewInvite')!));
    matrix.push({ action: 'renewInvite (control)', "A's leader": result.allowed ? 'allowed' : `refused: ${result.said}` });
    expect(result.allowed).to.equal(true);
  });
});
