import type pino from 'pino';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, type Person } from '../../support/botHarness';

/** A running bot with one group: a Finnish leader and participants in fi, sv and en. */
export async function checkInWorld(startIso = '2026-12-01T10:00:00.000Z', log?: pino.Logger) {
  const clock = new ManualClock(startIso);
  const bot = await new BotHarness().start({}, { clock, ...(log ? { log } : {}) });
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const siri = person('Siri', 'sv');
  const pekka = person('Pekka', 'en');
  await bot.install(leader);
  const code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosali', language: 'Suomi' });
  for (const p of [aino, siri, pekka]) await onboardAndJoin(bot, p, code);
  const groupId = String(submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId);
  const since = (from: number, p: Person) => bot.connector.received.slice(from).filter((r) => r.conversationId === p.conversationId).map((r) => r.body);
  return { bot, clock, leader, aino, siri, pekka, groupId, since, mark: () => bot.connector.received.length };
}

export const userIdOf = (p: Person) => `msteams:aad-${p.id}`;

/** All stored check-ins of one person (read straight from the container, as a check on what the bot kept). */
export async function storedCheckIns(bot: BotHarness, p: Person): Promise<Array<Record<string, any>>> {
  const { resources } = await bot.app.store.containers.users.items
    .query({ query: "SELECT * FROM c WHERE c.type = 'checkin' AND c.userId = @u ORDER BY c.createdAt DESC", parameters: [{ name: '@u', value: userIdOf(p) }] })
    .fetchAll();
  return resources;
}

/** The empty answer of the check-in card, as clients send it (inputs left empty arrive as ''). */
export const emptyCard = { action: 'checkins.save', mood: '', did: '', s_core: '', s_thinking: '', s_selfManagement: '', s_socialCommunication: '', s_physicalManual: '', s_life: '', strengthsOther: '', nextStep: '', nextStepDate: '', share: 'false' };
