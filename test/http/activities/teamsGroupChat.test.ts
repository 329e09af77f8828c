import { expect } from 'chai';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, textOf, type Person } from '../../support/botHarness';
import { buttonData, countDocs, groupOverHttp } from './support';

const chat = { id: '19:activities-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
const mention = { type: 'mention', text: '<at>Group Coach</at>', mentioned: { id: 'bot-id', name: 'Group Coach' } };

/** Action.Execute in a linked Teams group chat: one shared card, each of the five people gets their own view. */
describe('HTTP: a vote round in a linked Teams group chat (user-specific views)', function () {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Liisa', 'fi');
  const people = [person('Anni', 'fi'), person('Stina', 'sv'), person('Paul', 'en'), person('Ville', 'fi')];
  const [anni, stina, paul] = people as [Person, Person, Person, Person];
  let groupId = '';
  let shared: Record<string, any> | undefined;
  let sharedId = '';

  /** An invoke `adaptiveCard/action` from one person in the chat; the HTTP body is the invoke response. */
  async function invoke(p: Person, verb: string, data: Record<string, unknown>, replyToId?: string) {
    const res = await bot.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: `inv-${Math.random().toString(36).slice(2)}`,
      from: { id: p.id, name: p.name, aadObjectId: `aad-${p.id}` },
      recipient: { id: 'bot-id', name: 'Group Coach' },
      conversation: chat,
      locale: p.locale,
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: verb === 'activities.refresh' ? 'automatic' : 'manual' },
    });
    expect(res.status).to.equal(200);
    return (await res.json()) as { statusCode: number; type: string; value: any };
  }
  const executes = (card: any) => JSON.stringify(card).match(/"type":"Action.Execute"/g)?.length ?? 0;

  before(async () => {
    await bot.start({}, { clock });
    groupId = await groupOverHttp(bot, leader, people, 'Liikkujat');
    await bot.app.scheduler.tick(); // the leader's notices of the joins
    await bot.submit(paul, { action: 'limits' });
    await bot.submit(paul, { action: 'limits.save', mobility: false, budget: true, times: '', note: 'rent is due' });
    await bot.turn({ ...leader, conversationId: chat.id }, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], conversation: chat });
    await bot.turn({ ...leader, conversationId: chat.id }, { type: 'message', text: '<at>Group Coach</at> yhdistä', entities: [mention], conversation: chat });
    for (const [p, title, cost] of [[anni, 'Uimahalli', 'low'], [stina, 'Museibesök', 'free']] as const) {
      const form = await bot.submit(p, { action: 'activities.propose', groupId });
      await bot.submit(p, { ...buttonData(form, (d) => d.action === 'activities.propose.save'), title, effort: 'low', travel: 'local', costLevel: cost });
    }
    await bot.submit(leader, { action: 'activities.round.open', groupId, date: '2026-12-03', time: '18:00' });
  });
  after(async () => bot.stop());

  it('posts the round once to the chat as Action.Execute, refreshing for the members and the leader', async () => {
    const from = bot.connector.received.length;
    await bot.app.scheduler.tick();
    const sent = bot.connector.received.slice(from);
    const inChat = sent.filter((r) => r.conversationId === chat.id);
    expect(inChat).to.have.length(1);
    expect(sent.filter((r) => r.conversationId !== chat.id), 'nothing to personal chats').to.deep.equal([]);
    shared = inChat[0]!.body.attachments[0].content;
    sharedId = 'act-shared';
    expect(shared!.version).to.equal('1.5');
    expect(shared!.refresh.action).to.include({ type: 'Action.Execute', verb: 'activities.refresh' });
    expect(shared!.refresh.action.data).to.include({ groupId, roundId: 'round:1' }).and.have.property('revision');
    expect([...shared!.refresh.userIds].sort()).to.deep.equal([leader, ...people].map((p) => p.id).sort());
    expect(textOf([inChat[0]!.body])).to.contain('Uimahalli — 0 ääntä').and.not.contain('Lähtisin mukaan');
  });

  it('answers each of the five refreshes with that person\'s own card', async () => {
    const data = shared!.refresh.action.data;
    for (const p of [leader, ...people]) {
      const answer = await invoke(p, 'activities.refresh', data);
      expect(answer.statusCode, p.name).to.equal(200);
      expect(answer.type).to.equal('application/vnd.microsoft.card.adaptive');
      expect(answer.value.refresh.userIds).to.have.length(5);
      const text = textOf([{ attachments: [{ content: answer.value }] }]);
      if (p === leader) {
        expect(text).to.contain('Ohjaajana et äänestä – ryhmä valitsee.').and.contain('Ei vielä äänestänyt: Anni, Stina, Paul, Ville').and.contain('Ei ehkä sovi yhdelle');
        expect(executes(answer.value), 'refresh and its button').to.equal(2);
      } else {
        expect(executes(answer.value), `${p.name}: refresh, its button, two ticks and "none of these"`).to.equal(5);
      }
      if (p === paul) expect(text).to.contain('Only for you: this may be hard with what you told me.');
      else expect(text, p.name).to.not.contain('Only for you').and.not.contain('Vain sinulle').and.not.contain('Bara för dig');
      expect(JSON.stringify(answer)).to.not.contain('rent is due');
    }
    expect(textOf([{ attachments: [{ content: (await invoke(stina, 'activities.refresh', data)).value }] }])).to.contain('Kryssa för varje aktivitet');
  });

  it('records a vote from the chat, answers with the voter\'s ticks and redraws the shared card for the others', async () => {
    const mine = (await invoke(anni, 'activities.refresh', shared!.refresh.action.data)).value;
    const tick = JSON.stringify(mine).match(/\{"action":"activities\.vote"[^}]*\}/)![0];
    const from = bot.connector.received.length;
    const answer = await invoke(anni, 'activities.vote', JSON.parse(tick), sharedId);
    const text = textOf([{ attachments: [{ content: answer.value }] }]);
    expect(text).to.contain('✓ Olet mukana').and.contain('Uimahalli — 1 ääni');
    const update = bot.connector.received.slice(from).find((r) => r.method === 'PUT');
    expect(update?.conversationId).to.equal(chat.id);
    expect(update?.path).to.contain(sharedId);
    const redrawn = update!.body.attachments[0].content;
    expect(redrawn.refresh.action.data.revision).to.not.equal(shared!.refresh.action.data.revision);
    expect(textOf([update!.body])).to.contain('Uimahalli — 1 ääni').and.not.contain('Olet mukana');
    const other = textOf([{ attachments: [{ content: (await invoke(stina, 'activities.refresh', redrawn.refresh.action.data)).value }] }]);
    expect(other).to.contain('Uimahalli — 1 röst').and.not.contain('✓ Du är med');
  });

  it('refuses forged, non-member and leader votes from the chat with a message, recording nothing', async () => {
    const before = await countDocs(bot, groupId, 'vote');
    const base = { groupId, roundId: 'round:1', approve: true };
    const mine = (await invoke(anni, 'activities.refresh', shared!.refresh.action.data)).value;
    const proposalId = JSON.stringify(mine).match(/"proposalId":"([^"]+)"/)![1];
    const cases: Array<[Person, Record<string, unknown>, string]> = [
      [person('Olli', 'fi'), { ...base, proposalId }, 'Se kuuluu ryhmälle, jossa et ole mukana, joten en tallentanut mitään.'],
      [leader, { ...base, proposalId }, 'Vain ryhmän osallistujat äänestävät tässä.'],
      [paul, { ...base, proposalId: 'proposal:nope' }, "That proposal isn't in this vote."],
      [paul, { ...base, proposalId, groupId: 'g-elsewhere' }, "I couldn't find that group anymore."],
      [paul, { groupId, proposalId }, 'That button is from an older message'],
    ];
    for (const [p, data, expected] of cases) {
      const answer = await invoke(p, 'activities.vote', data);
      expect(answer.type, expected).to.equal('application/vnd.microsoft.activity.message');
      expect(answer.value).to.contain(expected);
    }
    expect(await countDocs(bot, groupId, 'vote')).to.equal(before);
  });

  it('shows nobody else Paul\'s limits: every message to the chat and to the others scanned', () => {
    const others = bot.connector.received.filter((r) => r.conversationId !== paul.conversationId);
    expect(others.some((r) => r.conversationId === chat.id)).to.equal(true);
    for (const r of others) expect(JSON.stringify(r.body)).to.not.contain('rent is due');
  });
});
