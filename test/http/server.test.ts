import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotHarness, inviteCodeIn, person, textOf } from '../support/botHarness';

describe('HTTP server', () => {
  describe('with an app id configured', () => {
    const bot = new BotHarness();
    before(async () => {
      await bot.start({ MicrosoftAppId: '6f1b2c1e-0000-4000-8000-000000000001', MicrosoftAppPassword: 'secret-for-test' });
    });
    after(async () => bot.stop());

    it('rejects an unsigned request with 401 and never answers it', async () => {
      const p = person('Mallory', 'en');
      const res = await bot.post({
        type: 'message',
        text: 'hi',
        channelId: 'msteams',
        serviceUrl: bot.connector.url,
        from: { id: p.id },
        recipient: { id: 'bot' },
        conversation: { id: p.conversationId },
      });
      expect(res.status).to.equal(401);
      expect(bot.connector.received).to.have.length(0);
    });
  });

  describe('health', () => {
    const bot = new BotHarness();
    before(async () => {
      await bot.start();
    });
    after(async () => bot.stop());

    it('says 200 while the store answers and 503 when it does not', async () => {
      expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(200);
      const original = bot.app.store.ping;
      bot.app.store.ping = () => Promise.reject(new Error('down'));
      try {
        expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(503);
      } finally {
        bot.app.store.ping = original;
      }
    });

    it('refuses a body over the limit without crashing', async () => {
      const res = await fetch(`${bot.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'y'.repeat(400_000) }),
      });
      expect(res.status).to.equal(413);
      expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(200);
    });
  });

  describe('restart on the same LOCAL_DATA_DIR', () => {
    it('keeps the group and its members', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gc-restart-'));
      const env = { LOCAL_DATA_DIR: dataDir, COSMOS_DATABASE: 'restart' };
      const leader = person('Leena', 'en');
      const member = person('Pekka', 'en');
      const first = await new BotHarness().start(env);
      let code: string;
      try {
        await first.submit(leader, { action: 'newGroup' });
        await first.say(leader, 'Leo');
        await first.say(leader, 'Museum walkers');
        await first.say(leader, 'Europe/Helsinki');
        code = inviteCodeIn(await first.say(leader, 'English'));
        await first.submit(member, { action: 'join' });
        await first.say(member, 'English');
        await first.say(member, 'Yes');
        await first.say(member, 'Pekka');
        await first.submit(member, { action: 'limits.save', skip: true });
        expect(textOf(await first.say(member, code))).to.contain('Welcome to the group "Museum walkers"');
      } finally {
        await first.stop();
      }
      const second = await new BotHarness().start(env);
      try {
        const roster = textOf(await second.submit(leader, { action: 'myGroups' }));
        expect(roster).to.contain('Museum walkers').and.contain('Pekka').and.contain('1 of 4 places taken');
        expect(textOf(await second.submit(member, { action: 'myGroup' }))).to.contain('Museum walkers');
      } finally {
        await second.stop();
      }
    });
  });
});
