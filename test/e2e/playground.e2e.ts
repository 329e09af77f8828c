import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { Browser, resultsDir, screenshot } from './support/browser';
import { compose, Playground, pressHeroButton, waitForConversationText } from './support/playground';
import { invitePattern } from './support/webchat';

describe('Microsoft 365 Agents Playground (msteams) in Chromium', () => {
  let app: RunningApp;
  let dataDir = '';
  const playground = new Playground();
  const browser = new Browser();

  before(async () => {
    dataDir = mkdtempSync(path.join(resultsDir, 'tmp-data-'));
    app = await startApp(loadConfig({ PORT: '0', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { log: pino({ level: 'warn' }) });
    await playground.start(`${app.url}/api/messages`);
    await browser.start();
  });
  after(async () => {
    await browser.stop();
    await playground.stop();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('personal chat: welcome card, card buttons, a new group with its invite code; group chat: an @mention is answered', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(playground.url);
    // The Playground installs the bot and sends conversationUpdate on load: the welcome card (Finnish default).
    await waitForConversationText(page, 'Mitä haluaisit tehdä?', 30_000);
    await screenshot(page, 'playground-personal-welcome');

    // Action.Submit arrives as a message with value; the Playground's messages say en-US.
    await page.getByRole('button', { name: 'Luo ryhmä', exact: true }).last().click();
    await waitForConversationText(page, "What's the group's name?");
    await screenshot(page, 'playground-name-prompt');
    await compose(page, 'Museum walkers');
    await waitForConversationText(page, 'Which time zone does the group meet in?');
    await pressHeroButton(page, 'Europe/Helsinki');
    await waitForConversationText(page, 'Which language does the group use?');
    await screenshot(page, 'playground-language-prompt');
    await pressHeroButton(page, 'English');
    const afterCreate = await waitForConversationText(page, 'Invite to Museum walkers');
    await screenshot(page, 'playground-invite');
    const code = afterCreate.slice(afterCreate.lastIndexOf('Invite to Museum walkers')).match(invitePattern)?.[0];
    expect(code, 'invite code on the invite card').to.be.a('string');

    await page.getByText('Group Chat', { exact: true }).click();
    await waitForConversationText(page, 'Hei kaikki! Olen Ryhmävalmentaja.');
    await screenshot(page, 'playground-group-chat');
    const editor = page.locator('[data-lexical-editor="true"]');
    await editor.click();
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: 'Test Bot' }).click(); // the mention picker
    await editor.press('End');
    await page.keyboard.type(' link');
    expect(await editor.innerText()).to.match(/Test Bot\s+link/);
    await screenshot(page, 'playground-group-mention');
    await page.keyboard.press('Enter');
    // The leader leads one group, so the chat is linked to it without a question.
    await waitForConversationText(page, 'This chat is now linked to the group "Museum walkers".');
    await screenshot(page, 'playground-group-linked');

    expect([...new Set(browser.blocked)], 'only the Office CDN (fonts, animations) is out of reach').to.satisfy((origins: string[]) =>
      origins.every((o) => /\.(office|microsoft|office365|msecnd|akamaized)\.(net|com)$/.test(new URL(o).hostname)),
    );
  });
});
