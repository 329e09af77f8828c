import { expect } from 'chai';
import { BotHarness, inviteCodeIn, onboardAndJoin, person, textOf, type Person } from '../support/botHarness';
import { changedBetween, scanStore } from '../support/storeScan';

describe('HTTP: the activity is checked at the edge, before any turn', () => {
  const bot = new BotHarness();
  before(async () => {
    await bot.start();
  });
  after(async () => bot.stop());

  const valid = (p: Person, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    text: 'hi',
    id: 'in-1',
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    from: { id: p.id, aadObjectId: `aad-${p.id}` },
    recipient: { id: 'bot-id' },
    conversation: { id: p.conversationId, conversationType: 'personal' },
    locale: 'en',
    ...extra,
  });

  it('answers 400 and nothing else to malformed activities, and stores nothing for them', async () => {
    const p = person('Fuzz', 'en');
    const base = valid(p);
    const { type: _t, ...noType } = base;
    const { from: _f, ...noFrom } = base;
    const { conversation: _c, ...noConversation } = base;
    const seeds: Array<[string, unknown]> = [
      ['a number as locale', { ...base, locale: 42 }],
      ['an object as locale', { ...base, locale: { tag: 'fi' } }],
      ['a number as serviceUrl', { ...base, serviceUrl: 42 }],
      ['no type', noType],
      ['a number as type', { ...base, type: 7 }],
      ['an unknown type', { ...base, type: 'hack' }],
      ['no from', noFrom],
      ['an object as from.id', { ...base, from: { id: { $ne: null } } }],
      ['no conversation', noConversation],
      ['an empty channelId', { ...base, channelId: '' }],
      ['a number as text', { ...base, text: 12 }],
      ['a string as membersAdded', { ...base, type: 'conversationUpdate', membersAdded: 'everyone' }],
      ['numbers as attachments', { ...base, attachments: [1, 2] }],
      ['a from.id of 10,000 characters', { ...base, from: { id: 'x'.repeat(10_000) } }],
      ['an array body', [base]],
      ['a string body', 'message'],
    ];
    const before = await scanStore(bot.app.store);
    for (const [why, body] of seeds) {
      const res = await bot.post(body as Record<string, unknown>);
      expect(res.status, why).to.equal(400);
      expect(await res.text(), why).to.equal('{"error":"malformed activity"}');
    }
    const bad = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(bad.status).to.equal(400);
    expect(changedBetween(before, await scanStore(bot.app.store))).to.deep.equal([]);
    expect(bot.connector.received).to.have.length(0);
    expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(200);
  });

  it('stores a conversation reference only from a message or an install, never from typing, invoke or endOfConversation', async () => {
    const p = person('Quiet', 'en');
    const before = await scanStore(bot.app.store);
    for (const type of ['typing', 'endOfConversation', 'event', 'invoke', 'messageReaction']) {
      const res = await bot.post(valid(p, { type, text: undefined, name: type === 'invoke' ? 'task/fetch' : undefined }));
      expect(res.status, type).to.equal(200);
    }
    expect(changedBetween(before, await scanStore(bot.app.store))).to.deep.equal([]);
    expect((await bot.post(valid(p))).status).to.equal(200);
    const added = changedBetween(before, await scanStore(bot.app.store));
    expect(added).to.include(`users/ref:${p.conversationId}`);
  });

  it('works end to end with ids Cosmos cannot hold (/ \\ ? # and over 255 characters)', async () => {
    const odd = (name: string, locale: Person['locale'], id: string): Person => ({ id, name, locale, conversationId: `a:conv/${id}?x#y\\z` });
    const leader = odd('Leena', 'en', `lead/er#1?${'l'.repeat(300)}`);
    const member = odd('Pekka', 'en', 'a#b/c?d\\e');
    const channel = { channelId: '../x' };
    await bot.turn(leader, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }], ...channel });
    await bot.turn(leader, { type: 'message', value: { action: 'newGroup' }, ...channel });
    await bot.turn(leader, { type: 'message', text: 'Leo', ...channel });
    await bot.turn(leader, { type: 'message', text: 'Museum walkers', ...channel });
    await bot.turn(leader, { type: 'message', text: 'Europe/Helsinki', ...channel });
    const code = inviteCodeIn(await bot.turn(leader, { type: 'message', text: 'English', ...channel }));
    const joined = await onboardAndJoin(bot, member, code);
    expect(textOf(joined)).to.contain('Welcome to the group "Museum walkers"');
    expect(textOf(await bot.turn(leader, { type: 'message', value: { action: 'myGroups' }, ...channel }))).to.contain('Pekka').and.contain('1 of 4 places taken');
    const ids = [...(await scanStore(bot.app.store)).keys()];
    for (const id of ids) {
      const docId = id.slice(id.indexOf('/') + 1);
      expect(docId.length, id).to.be.at.most(255);
      expect(docId, id).not.to.match(/[/\\?#]/);
    }
  });
});
