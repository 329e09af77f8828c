import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../src';
import { startLocalApp, type LocalApp } from './support/app';
import { Browser, normalise, screenshot } from './support/browser';
import { createGroupInFinnish, joinInEnglish, newestButton, press, send, transcript, waitForText } from './support/webchat';

/**
 * Meetings in the local web chat page: the leader schedules one in the Adaptive Card form, the scheduler
 * running inside the app (every 5 s here) tells the participant, who answers from the notice card, and the
 * leader sees the answer counted. Real app, embedded Cosmos, real Chromium, nothing beyond loopback.
 */
describe('meetings in the web chat page in Chromium (local mode, scheduler every 5 s)', () => {
  let local: LocalApp;
  let app: RunningApp;
  const browser = new Browser();
  const title = 'Työpaikkamessut';
  const place = 'Kirjaston ryhmätila';
  // Input only: a date a week from today in the group's zone (the form's minimum is today there).
  const date = DateTime.now().setZone('Europe/Helsinki').plus({ days: 7 }).toFormat('yyyy-MM-dd');

  before(async () => {
    local = await startLocalApp({ SCHEDULER_INTERVAL_SECONDS: '5' });
    app = local.app;
    await browser.start();
  });
  after(async () => {
    await browser.stop();
    await local?.stop();
  });

  /** The newest card in the transcript that contains this text (older cards keep their inputs and buttons). */
  const newestCard = (page: Page, text: string) => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

  it('a leader schedules a meeting in the form; the participant is told within seconds, answers, and the leader sees the count', async () => {
    // Leader creates a group and reads the invite code (as in webchat.e2e.ts).
    const leader = await browser.newPage();
    await leader.goto(`${app.url}/?user=Leena&lang=fi`);
    await waitForText(leader, 'Yhteys on valmis', { root: '#status' });
    const code = await createGroupInFinnish(leader, 'Museokävelijät');
    await screenshot(leader, 'meetings-leader-group-ready');

    // Participant onboards and joins (as in webchat.e2e.ts).
    const participant = await browser.newPage();
    await participant.goto(`${app.url}/?user=Pekka&lang=en`);
    await joinInEnglish(participant, 'Pekka', code, 'Museokävelijät');
    await screenshot(participant, 'meetings-participant-joined');
    await waitForText(leader, 'Pekka liittyi ryhmääsi "Museokävelijät". Ryhmässä on nyt 1 osallistuja.');

    // Notices of new meetings go at once, whatever the hour (quiet hours hold only reminders: README, Decisions).

    // Leader: menu → Tapaamiset → Sovi tapaaminen.
    await send(leader, 'valikko');
    await waitForText(leader, 'Mitä haluaisit tehdä?', { count: 2 });
    await press(leader, 'Tapaamiset');
    await waitForText(leader, 'Tapaamiset – Museokävelijät');
    await waitForText(leader, 'Tulevia tapaamisia ei ole. Sovi seuraava alla olevalla painikkeella.');
    await screenshot(leader, 'meetings-leader-no-meetings');
    await press(leader, 'Sovi tapaaminen');
    await waitForText(leader, 'Uusi tapaaminen ryhmälle Museokävelijät');

    // The form, found by its inputs' accessible names (what a screen reader announces).
    const form = newestCard(leader, 'Uusi tapaaminen ryhmälle Museokävelijät');
    const titleInput = form.getByLabel('Tapaamisen nimi');
    await titleInput.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(leader, 'meetings-leader-empty-form');
    await titleInput.fill(title);
    await form.getByLabel('Päivä').fill(date);
    await form.getByLabel('Alkamisaika').fill('10:00');
    await form.getByLabel('Kesto').selectOption({ label: '1 t 30 min' });
    await form.getByLabel('Paikka (vapaaehtoinen)').fill(place);
    expect(await form.getByLabel('Päivä').inputValue()).to.equal(date);
    expect(await form.getByLabel('Alkamisaika').inputValue()).to.equal('10:00');
    expect(await form.getByLabel('Kesto').inputValue()).to.equal('90');
    await screenshot(leader, 'meetings-leader-filled-form');
    await form.getByRole('button', { name: 'Tallenna', exact: true }).click();

    const confirmed = await waitForText(leader, `Valmista! Tapaaminen "${title}" on sovittu:`);
    const sentence = confirmed.slice(confirmed.lastIndexOf('Valmista!'));
    expect(sentence).to.match(/10\.00/);
    expect(sentence).to.contain(`Paikka: ${place}.`);
    await screenshot(leader, 'meetings-leader-scheduled');
    const savedAt = Date.now();

    // Participant: the scheduler's notice arrives on its own (no message from Pekka needed).
    const noticeTitle = `New meeting: ${title}`;
    await waitForText(participant, noticeTitle, { timeoutMs: 15_000 });
    const noticeSeconds = (Date.now() - savedAt) / 1000;
    const notice = newestCard(participant, noticeTitle);
    const noticeText = normalise(await notice.innerText());
    expect(noticeText).to.contain('Your group "Museokävelijät" has a new meeting.');
    expect(noticeText).to.contain('10:00–11:30');
    expect(noticeText).to.contain(place);
    for (const name of ["I'll come", "I can't come", 'Maybe']) {
      await notice.getByRole('button', { name, exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    }
    await screenshot(participant, 'meetings-participant-notice');
    await notice.getByRole('button', { name: "I'll come", exact: true }).click();
    await waitForText(participant, `Thanks! I've noted that you're coming to "${title}".`);
    await screenshot(participant, 'meetings-participant-rsvp-yes');

    // Leader: the meetings list counts the answer.
    await press(leader, 'Tapaamiset');
    await waitForText(leader, 'Tulossa 1 · ehkä 0 · ei pääse 0 · ei vastausta 0');
    const overview = normalise(await newestCard(leader, 'Tapaamiset – Museokävelijät').innerText());
    expect(overview).to.contain(title);
    expect(overview).to.contain('Tulossa 1 · ehkä 0 · ei pääse 0 · ei vastausta 0');
    expect(await newestButton(leader, 'Siirrä').isVisible()).to.equal(true);
    await screenshot(leader, 'meetings-leader-counts');

    console.log(`      (notice reached the participant ${noticeSeconds.toFixed(1)} s after the leader saw the confirmation)`);
    expect(await transcript(participant)).to.not.contain('Send failed');
    expect(browser.blocked, 'requests beyond loopback').to.deep.equal([]);
    expect(browser.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), 'CSP violations').to.deep.equal([]);
  });
});
