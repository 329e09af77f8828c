import { expect } from 'chai';
import type { RunningApp } from '../../src';
import { startLocalApp, type LocalApp } from './support/app';
import { Browser, screenshot } from './support/browser';
import { invitePattern, press, send, transcript, waitForText } from './support/webchat';

describe('web chat page in Chromium (local mode)', () => {
  let local: LocalApp;
  let app: RunningApp;
  const browser = new Browser();

  before(async () => {
    local = await startLocalApp({ SCHEDULER_INTERVAL_SECONDS: '5' });
    app = local.app;
    await browser.start();
  });
  after(async () => {
    await browser.stop();
    await local?.stop();
  });

  it('a leader creates a group and a participant joins it with the code', async () => {
    const leader = await browser.newPage();
    await leader.goto(`${app.url}/?user=Leena&lang=fi`);
    expect(await leader.title()).to.equal('Ryhmävalmentaja – keskustelu');
    expect(await leader.getAttribute('html', 'lang')).to.equal('fi');
    await waitForText(leader, 'Mitä haluaisit tehdä?');
    await waitForText(leader, 'Yhteys on valmis', { root: '#status' });
    await screenshot(leader, 'webchat-leader-welcome');

    await press(leader, 'Luo ryhmä');
    await waitForText(leader, 'Millä nimellä haluat näkyä osallistujille?');
    await send(leader, 'Leena');
    await waitForText(leader, 'Mikä on ryhmän nimi?');
    await screenshot(leader, 'webchat-leader-name-prompt');
    await send(leader, 'Museokävelijät');
    await waitForText(leader, 'Millä aikavyöhykkeellä ryhmä kokoontuu?');
    await screenshot(leader, 'webchat-leader-zone-prompt');
    await press(leader, 'Europe/Helsinki');
    await waitForText(leader, 'Mitä kieltä ryhmä käyttää?');
    await screenshot(leader, 'webchat-leader-language-prompt');
    await press(leader, 'Suomi');
    const afterCreate = await waitForText(leader, 'Kutsu ryhmään Museokävelijät');
    await waitForText(leader, 'Ryhmä "Museokävelijät" on valmis.');
    await screenshot(leader, 'webchat-leader-invite');
    const codes = afterCreate.slice(afterCreate.lastIndexOf('Kutsu ryhmään Museokävelijät')).match(invitePattern);
    expect(codes, 'an invite code on the invite card').to.not.equal(null);
    const code = codes![0]!;

    const participant = await browser.newPage();
    await participant.goto(`${app.url}/?user=Pekka&lang=en`);
    expect(await participant.getAttribute('html', 'lang')).to.equal('en');
    await waitForText(participant, 'What would you like to do?');
    await screenshot(participant, 'webchat-participant-welcome');
    await press(participant, 'Get started');
    await waitForText(participant, 'Which language would you like me to use?');
    await press(participant, 'English');
    await waitForText(participant, 'May I store this information?');
    await screenshot(participant, 'webchat-participant-consent');
    await press(participant, 'Yes');
    await waitForText(participant, 'What name would you like your group to see?');
    await send(participant, 'Pekka');
    await waitForText(participant, 'Thank you, Pekka!');
    await screenshot(participant, 'webchat-participant-limits');
    await press(participant, 'Skip for now');
    await waitForText(participant, 'All set! Next, join your group with the code');
    await send(participant, code);
    await waitForText(participant, 'Welcome to the group "Museokävelijät"!');
    await screenshot(participant, 'webchat-participant-joined');

    await waitForText(leader, 'Pekka liittyi ryhmääsi "Museokävelijät". Ryhmässä on nyt 1 osallistuja.');
    await screenshot(leader, 'webchat-leader-join-notice');

    // The person's own messages are shown as sent (the echo carried their clientActivityID).
    expect(await transcript(participant)).to.contain('Pekka');
    expect(await participant.locator('text=Send failed').count()).to.equal(0);
    expect(browser.blocked, 'requests beyond loopback').to.deep.equal([]);
    expect(browser.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), 'CSP violations').to.deep.equal([]);
  });

  it('is usable with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/?user=Kaisa&lang=sv`);
    await waitForText(page, 'Vad vill du göra?');
    // Tab into the chat, type and send with Enter: no mouse involved.
    const focusedBox = page.locator('[data-id="webchat-sendbox-input"]:focus');
    for (let i = 0; i < 30 && (await focusedBox.count()) === 0; i++) await page.keyboard.press('Tab');
    expect(await focusedBox.count(), 'the send box is reachable with Tab').to.equal(1);
    await page.keyboard.type('hjälp');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Jag hjälper');
    await screenshot(page, 'webchat-keyboard-sv');
  });
});
