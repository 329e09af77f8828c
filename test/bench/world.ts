import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, submitActions, type Person } from '../support/botHarness';

/** A participant of a group with one upcoming meeting: who every one of our turn kinds is measured on. */
export interface Member extends Person {
  groupId: string;
  meetingId: string;
  /** Turns taken so far, so that a repeated button still changes something (yes/no alternate). */
  turns: number;
}

export type Activity = Record<string, unknown>;
const say = (text: string): Activity => ({ type: 'message', text });
const press = (value: Record<string, unknown>): Activity => ({ type: 'message', value });

/** One kind of turn: `setup` turns (not measured) bring the person to where `turn` starts. */
export interface TurnKind {
  name: string;
  setup?: (m: Member) => Activity[];
  turn: (m: Member) => Activity;
}

/** Our turn kinds. Adding one (a vote, a check-in step) is one line here. */
export const ourKinds: TurnKind[] = [
  { name: 'menu turn', turn: () => say('valikko') },
  { name: 'help turn', turn: () => say('apua') },
  { name: 'card button (RSVP)', turn: (m) => press({ action: 'rsvp', groupId: m.groupId, meetingId: m.meetingId, answer: m.turns % 2 ? 'yes' : 'no' }) },
  { name: 'dialog step (language)', setup: () => [press({ action: 'language' })], turn: () => say('Suomi') },
  {
    name: 'form submit (reminders)',
    setup: () => [press({ action: 'reminders' })],
    turn: (m) => press({ action: 'reminders.save', enabled: 'true', offsets: m.turns % 2 ? '1440,120' : '1440', quietStart: '21:00', quietEnd: '08:00' }),
  },
];

export const echoKind: TurnKind = { name: 'echo', turn: (m) => say(`hei ${m.turns}`) };

/** The Bot Framework activity a Teams client would post for this person (same shape as the test harness). */
export function activityFor(m: Person, serviceUrl: string, activity: Activity): Activity {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `in-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    from: { id: m.id, name: m.name, aadObjectId: `aad-${m.id}` },
    recipient: { id: 'bot-id', name: 'Group Coach' },
    conversation: { id: m.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: m.locale,
    ...activity,
  };
}

export async function post(url: string, body: Activity): Promise<number> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

/** A leader creates a group over HTTP, four participants onboard and join, the leader schedules a meeting a week ahead. */
async function makeGroup(bot: BotHarness, n: number): Promise<Member[]> {
  const leader = person(`Leader${n}`, 'fi');
  await bot.install(leader);
  await bot.submit(leader, { action: 'newGroup' });
  await bot.say(leader, 'Leena'); // the leader's name, asked before the first group
  await bot.say(leader, `Ryhmä ${n}`);
  await bot.say(leader, 'Europe/Helsinki');
  const code = inviteCodeIn(await bot.say(leader, 'Suomi'));
  const people = ['Aino', 'Eino', 'Siiri', 'Pekka'].map((name) => person(`${name}${n}`, 'fi'));
  for (const p of people) await onboardAndJoin(bot, p, code);
  const groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')?.data.groupId;
  if (!groupId) throw new Error('bench setup: no group id on the leader\'s meetings card');
  const day = DateTime.now().setZone('Europe/Helsinki').plus({ days: 7 }).toFormat('yyyy-MM-dd');
  await bot.submit(leader, { action: 'meeting.new', groupId });
  await bot.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: day, time: '10:00', duration: '90', place: 'Urheilutalo' });
  const meetingId = submitActions(await bot.submit(people[0]!, { action: 'meetings' })).find((a) => a.data.action === 'rsvp')?.data.meetingId;
  if (!meetingId) throw new Error('bench setup: no RSVP button on the participant\'s meetings card');
  return people.map((p) => ({ ...p, groupId, meetingId, turns: 0 }));
}

/** `groups` groups of four, built `parallel` at a time. */
export async function makeMembers(bot: BotHarness, groups: number, parallel = 10): Promise<Member[]> {
  const members: Member[] = [];
  for (let g = 0; g < groups; g += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, groups - g) }, (_, i) => makeGroup(bot, g + i)));
    members.push(...batch.flat());
  }
  return members;
}

const fi = JSON.parse(readFileSync(join(__dirname, '../../locales/fi.json'), 'utf8')) as { errors: Record<string, string> };
/** The apologies of onTurnError: a reply with one of them is a failed turn, even with HTTP 200. */
export const failureTexts = ['UNEXPECTED', 'STORE_UNAVAILABLE', 'CONFLICT', 'STATE_RESET'].map((k) => fi.errors[k]).filter((s): s is string => !!s);
