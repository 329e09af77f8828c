import { inviteCodeIn, onboardAndJoin, submitActions, type BotHarness, type Person } from '../../support/botHarness';

/** A group of a leader and participants over HTTP, and the helpers the activities flows share. */
export async function groupOverHttp(bot: BotHarness, leader: Person, participants: Person[], name: string, via: (p: Person) => BotHarness = () => bot): Promise<string> {
  await bot.install(leader);
  await bot.submit(leader, { action: 'newGroup' });
  await bot.say(leader, leader.name); // a leader without a name gives the one participants see first
  await bot.say(leader, name);
  await bot.say(leader, 'Europe/Helsinki');
  const code = inviteCodeIn(await bot.say(leader, leader.locale === 'fi' ? 'Suomi' : leader.locale === 'sv' ? 'Svenska' : 'English'));
  for (const p of participants) await onboardAndJoin(via(p), p, code);
  const home = await bot.submit(leader, { action: 'activities.home' });
  const data = submitActions(home).find((a) => a.data.action === 'activities.propose')?.data;
  if (!data) throw new Error('no activities home for the leader');
  return data.groupId;
}

export const buttonData = (activities: Record<string, any>[], pick: (data: any) => boolean) => {
  const found = submitActions(activities).find((a) => pick(a.data));
  if (!found) throw new Error('no such button');
  return found.data;
};

/** Every card the bot sent anyone, as text, from these activities. */
export const allBodies = (bot: BotHarness) => bot.connector.received.map((r) => ({ conversationId: r.conversationId, body: JSON.stringify(r.body) }));

export async function countDocs(bot: BotHarness, groupId: string, type: string): Promise<number> {
  const { resources } = await bot.app.store.containers.groups.items
    .query({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.groupId = @g AND c.type = @t', parameters: [{ name: '@g', value: groupId }, { name: '@t', value: type }] })
    .fetchAll();
  return resources[0] as number;
}

/** The same bot spoken to from Web Chat (channel `webchat`, which has no Action.Execute and no message updates). */
export function webChat(bot: BotHarness): BotHarness {
  const web = Object.create(bot) as BotHarness;
  web.turn = (p, activity) => bot.turn(p, { ...activity, channelId: 'webchat' });
  return web;
}
