import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src';
import { Browser, resultsDir, screenshot } from './support/browser';
import { compose, conversationText, Playground, pressHeroButton, waitForConversationText } from './support/playground';
import { invitePattern } from './support/webchat';

/** An activity the Playground posted to the bot, as it arrived (for the report when the bot rejects one). */
interface Posted {
  type?: string;
  text?: string;
  value?: Record<string, unknown>;
  channelData?: unknown;
  [key: string]: unknown;
}

/**
 * A loopback pass-through in front of the app's /api/messages that keeps every activity the Playground
 * posts, so a card submission the bot rejects can be reported exactly as the Teams-like client sent it.
 */
async function recordingProxy(target: string): Promise<{ url: string; posted: Posted[]; server: Server }> {
  const posted: Posted[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        posted.push(JSON.parse(body.toString('utf8')) as Posted);
      } catch {
        posted.push({ unparsed: body.toString('utf8') });
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'content-length', 'connection'].includes(e[0])),
      );
      fetch(`${target}${req.url}`, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method ?? '') ? undefined : body })
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch((e: unknown) => {
          res.writeHead(502);
          res.end(String(e));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posted, server };
}

describe('Microsoft 365 Agents Playground (msteams) in Chromium', () => {
  let app: RunningApp;
  let proxy: Awaited<ReturnType<typeof recordingProxy>> | undefined;
  let dataDir = '';
  const playground = new Playground();
  const browser = new Browser();

  before(async () => {
    dataDir = mkdtempSync(path.join(resultsDir, 'tmp-data-'));
    app = await startApp(loadConfig({ PORT: '0', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_SECONDS: '5' }), { log: pino({ level: 'warn' }) });
    proxy = await recordingProxy(app.url);
    await playground.start(`${proxy.url}/api/messages`);
    await browser.start();
  });
  after(async () => {
    await browser.stop();
    await playground.stop();
    // Only what before() got to start: a before that failed early must not leave this waiting for a server that never was.
    if (proxy) {
      const { server } = proxy;
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('personal chat: welcome card, card buttons, a new group with its invite code, a meeting scheduled in the Adaptive Card form; group chat: an @mention is answered', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(playground.url);
    // The Playground installs the bot and sends conversationUpdate on load, with no locale or en-US:
    // the language is a guess in Teams, so the bot asks it first, in all three languages.
    await waitForConversationText(page, 'Which language would you like to use?', 30_000);
    await screenshot(page, 'playground-personal-language');
    await page.getByRole('button', { name: 'English', exact: true }).last().click();
    await waitForConversationText(page, 'What would you like to do?');
    await screenshot(page, 'playground-personal-welcome');

    // Action.Submit arrives as a message with value; the Playground's messages say en-US.
    await page.getByRole('button', { name: 'Create a group', exact: true }).last().click();
    await waitForConversationText(page, 'What name should your participants see?');
    await compose(page, 'Leo');
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

    await scheduleMeeting(page);

    await page.getByText('Group Chat', { exact: true }).click();
    // In the language this person chose in the personal chat (kept: the stored choice wins over the client's en-US).
    await waitForConversationText(page, "Hi everyone! I'm Group Coach.");
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

  /** The newest rendered Adaptive Card in the conversation that contains this text. */
  const newestCard = (page: Page, text: string) => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

  /**
   * The leader (English: the Playground's messages say en-US) schedules a meeting in the Adaptive Card form,
   * submitted the way Teams does: Action.Submit with the inputs merged into the button's data.
   */
  async function scheduleMeeting(page: Page) {
    const title = 'Art museum visit';
    const place = 'Ateneum, main entrance';
    // Input only: a week from today in the group's zone (the form's minimum is today there).
    const start = DateTime.now().setZone('Europe/Helsinki').plus({ days: 7 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const date = start.toFormat('yyyy-MM-dd');

    // The invite card has no buttons and no menu follows it: ask for the menu as a Teams user would.
    await compose(page, 'menu');
    await waitForConversationText(page, 'What would you like to do?');
    const menu = newestCard(page, 'What would you like to do?');
    // Settings and help open in place (Action.ShowCard), in the Teams client too.
    expect(await menu.getByRole('button', { name: 'Language', exact: true }).isVisible()).to.equal(false);
    await menu.getByRole('button', { name: 'More tools and settings', exact: true }).click();
    await menu.getByRole('button', { name: 'Language', exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    await screenshot(page, 'playground-menu-more');
    await menu.getByRole('button', { name: 'Meetings', exact: true }).click();
    await waitForConversationText(page, 'Meetings – Museum walkers');
    await waitForConversationText(page, 'No upcoming meetings. Schedule the next one with the button below.');
    await newestCard(page, 'Meetings – Museum walkers').getByRole('button', { name: 'Schedule a meeting', exact: true }).click();

    const form = newestCard(page, 'New meeting for Museum walkers');
    const titleInput = form.getByLabel('Name of the meeting');
    await titleInput.waitFor({ state: 'visible', timeout: 20_000 });
    await titleInput.fill(title);
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Start time').fill('10:00');
    // The Playground renders Input.ChoiceSet (compact) as a Fluent UI combobox, not a <select>.
    const length = form.getByRole('combobox', { name: 'Length' });
    await length.click();
    await page.getByRole('option', { name: '1 h 30 min', exact: true }).click();
    await form.getByLabel('Place (optional)').fill(place);
    // Fluent UI date and time pickers show the browser's (fi-FI) format, e.g. "6. joulukuuta 2026" and "10.00";
    // what they submit (yyyy-MM-dd, HH:mm) is checked on the posted activity below.
    expect(await form.getByLabel('Date').inputValue()).to.contain(String(start.year)).and.contain(String(start.day));
    expect(await form.getByLabel('Start time').inputValue()).to.match(/^10[.:]00/);
    expect(await length.inputValue()).to.equal('1 h 30 min');
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-meeting-form');

    const postedBefore = proxy!.posted.length;
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    // The confirmation repeats the day and time in words (the picker showed the browser's format).
    const done = `Done! The meeting "${title}" is set for ${start.setLocale('en-GB').toFormat('cccc, d LLLL yyyy')} at 10:00. Place: ${place}.`;
    try {
      await waitForConversationText(page, done);
    } finally {
      // What the Playground posted for Save, kept next to the screenshots (and printed when the bot said no).
      const submitted = proxy!.posted.slice(postedBefore).filter((a) => a.type === 'message' && a.value);
      writeFileSync(path.join(resultsDir, 'playground-meeting-save-activity.json'), JSON.stringify(submitted, null, 2));
      const text = await conversationText(page);
      if (!text.includes(done)) console.log('Activities the Playground posted for Save:', JSON.stringify(submitted, null, 2));
    }
    await screenshot(page, 'playground-meeting-scheduled');

    const [save] = proxy!.posted.slice(postedBefore).filter((a) => a.type === 'message' && a.value);
    expect(save?.value, 'the Save submission as Teams sends it: inputs merged into the data').to.include({
      action: 'meeting.save',
      title,
      date,
      time: '10:00',
      duration: '90',
      place,
    });
  }
});
