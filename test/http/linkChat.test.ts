import { expect } from 'chai';
import { BotHarness, inviteCodeIn, person, textOf, type Person } from '../support/botHarness';

describe('HTTP: a linked group chat stays with its group', () => {
  const bot = new BotHarness();
  const leenaA = person('Leena', 'en');
  const boB = person('Bo', 'en');
  const chat = { id: '19:shared-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
  const mention = { type: 'mention', text: '<at>Group Coach</at>', mentioned: { id: 'bot-id', name: 'Group Coach' } };
  const inChat = (p: Person, text: string) => bot.turn({ ...p, conversationId: chat.id }, { type: 'message', text: `<at>Group Coach</at> ${text}`, entities: [mention], conversation: chat });

  async function groupOf(p: Person, name: string) {
    await bot.submit(p, { action: 'newGroup' });
    await bot.say(p, 'Leo');
    await bot.say(p, name);
    await bot.say(p, 'Europe/Helsinki');
    inviteCodeIn(await bot.say(p, 'English'));
  }

  before(async () => {
    await bot.start();
    await groupOf(leenaA, 'Walkers');
    await groupOf(boB, 'Painters');
    await bot.turn({ ...leenaA, conversationId: chat.id }, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], conversation: chat });
  });
  after(async () => bot.stop());

  it("refuses another leader's link and keeps the chat with the group that lists it", async () => {
    expect(textOf(await inChat(leenaA, 'link'))).to.contain('This chat is now linked to the group "Walkers"');
    const refused = textOf(await inChat(boB, 'link'));
    expect(refused).to.contain("This chat is already linked to another leader's group. Only that group's leader can link it again.");
    const ref = await bot.app.store.containers.users.item(`ref:${chat.id}`, `chat:${chat.id}`).read();
    const { resources: groups } = await bot.app.store.containers.groups.items.query("SELECT * FROM c WHERE c.type = 'group'").fetchAll();
    const walkers = groups.find((g) => g.name === 'Walkers');
    const painters = groups.find((g) => g.name === 'Painters');
    expect(ref.resource?.groupId).to.equal(walkers.groupId);
    expect(walkers.linkedChatIds).to.deep.equal([chat.id]);
    expect(painters.linkedChatIds).to.deep.equal([]);
  });
});
