import { expect } from 'chai';
import { BotHarness, person, textOf } from '../support/botHarness';

describe('HTTP: a turn that fails', () => {
  const bot = new BotHarness();
  before(async () => {
    await bot.start();
  });
  after(async () => bot.stop());

  it('apologises in the person\'s language when the store is down, and keeps their place in the dialog', async () => {
    const p = person('Sanna', 'sv');
    await bot.submit(p, { action: 'newGroup' });
    await bot.say(p, 'Sanna');
    const users = bot.app.store.containers.users;
    const original = users.item.bind(users);
    users.item = () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    let replies: Record<string, any>[];
    try {
      replies = await bot.say(p, 'Promenadgruppen');
    } finally {
      users.item = original;
    }
    expect(textOf(replies)).to.contain('Jag kommer inte åt uppgifterna just nu.');
    // The dialog stack from before the failed turn is still there: the same question is answered now.
    const next = textOf(await bot.say(p, 'Promenadgruppen'));
    expect(next).to.contain('I vilken tidszon träffas gruppen?');
  });

  it('drops a dialog stack that cannot be used, says so, and the person can start again', async () => {
    const p = person('Timo', 'fi');
    await bot.submit(p, { action: 'newGroup' });
    await bot.say(p, 'Timo');
    const { resources } = await bot.app.store.containers.botstate.items.query('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const stack = JSON.stringify(doc.document).replace(/"createGroup"/g, '"noSuchDialog"');
      await bot.app.store.containers.botstate.items.upsert({ ...doc, document: JSON.parse(stack) });
    }
    expect(textOf(await bot.say(p, 'Ryhmä'))).to.contain('kadotin kohdan, jossa olimme');
    expect(textOf(await bot.say(p, 'valikko'))).to.contain('Mitä haluaisit tehdä?');
  });
});
