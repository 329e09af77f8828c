import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../src';
import { startLocalApp, type LocalApp } from './support/app';
import { Browser, normalise, phone, screenshot } from './support/browser';
import { cutTexts, focusedMessage, focusRing, smallTargets, textContrast } from './support/phone';
import { createGroupInFinnish, joinInEnglish, press, send, transcript, waitForText } from './support/webchat';

/**
 * The web chat page on a 390×844 phone in Chromium, as the trial of issue 10 used it: a Finnish participant
 * (Finnish labels are the longest) onboards, fills forms, reads meetings and help, reloads the page; her
 * leader reads the roster. Every card text readable whole, every target a finger's size, the focus visible
 * and moved to the bot's answer after a form, the conversation still there after a reload.
 */
describe('the web chat page on a phone (390×844, Chromium, local mode)', () => {
  let local: LocalApp;
  let app: RunningApp;
  const browser = new Browser(phone);
  // Input only: a date a week from today in the group's zone (the form's minimum is today there).
  const date = DateTime.now().setZone('Europe/Helsinki').plus({ days: 7 }).toFormat('yyyy-MM-dd');

  const newestCard = (page: Page, text: string) => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

  async function expectPhoneFriendly(page: Page, cardText: string) {
    const card = newestCard(page, cardText);
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    // Texts a person must read whole: input labels (toggle and choice titles too) and FactSet cells.
    expect(await cutTexts(card, 'label, .ac-factset td'), `texts cut on the card "${cardText}"`).to.deep.equal([]);
    expect(await smallTargets(page, '#webchat'), 'touch targets under 44 px').to.deep.equal([]);
  }

  async function statusBarHeight(page: Page) {
    return (await page.locator('#status').boundingBox())?.height ?? 0;
  }

  before(async () => {
    local = await startLocalApp();
    app = local.app;
    await browser.start();
  });
  after(async () => {
    await browser.stop();
    await local?.stop();
  });

  it('a participant reads every card whole, presses with a finger, keeps the focus and her history; the roster counts 1, 2', async () => {
    // The leader makes the group and a meeting (the form as in meetings.e2e.ts), all on a phone.
    const leader = await browser.newPage();
    await leader.goto(`${app.url}/?user=Leena&lang=fi`);
    const code = await createGroupInFinnish(leader, 'Museokävelijät');
    await send(leader, 'tapaamiset');
    await press(leader, 'Sovi tapaaminen');
    const form = newestCard(leader, 'Uusi tapaaminen ryhmälle Museokävelijät');
    await form.getByLabel('Tapaamisen nimi').fill('Työpaikkamessut');
    await form.getByLabel('Päivä').fill(date);
    await form.getByLabel('Alkamisaika').fill('10:00');
    await form.getByLabel('Paikka (vapaaehtoinen)').fill('Kirjaston ryhmätila, Tikkurilantie 44, toinen kerros');
    await expectPhoneFriendly(leader, 'Uusi tapaaminen ryhmälle Museokävelijät');
    await screenshot(leader, 'phone-leader-meeting-form');
    await form.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await waitForText(leader, 'Valmista! Tapaaminen "Työpaikkamessut" on sovittu:');

    // The participant: the welcome names no button that is not on it; the bar goes once connected.
    const paivi = await browser.newPage();
    await paivi.goto(`${app.url}/?user=Päivi&lang=fi`);
    await waitForText(paivi, 'Mitä haluaisit tehdä?');
    await waitForText(paivi, 'Yhteys on valmis', { root: '#status' });
    expect(await statusBarHeight(paivi), 'the "connected" bar takes no room once connected').to.be.at.most(1);
    await expectPhoneFriendly(paivi, 'Mitä haluaisit tehdä?');
    await screenshot(paivi, 'phone-welcome');

    await press(paivi, 'Aloita');
    await press(paivi, 'Suomi');
    await press(paivi, 'Kyllä');
    await waitForText(paivi, 'Millä nimellä');
    await send(paivi, 'Päivi');
    await waitForText(paivi, 'Kiitos, Päivi!');

    // The limits form: long Finnish toggle titles wrap; the row is the target.
    const limits = newestCard(paivi, 'Omat rajasi');
    await expectPhoneFriendly(paivi, 'Omat rajasi');
    const mobility = limits.getByRole('checkbox', { name: 'Liikkuminen tai paikasta toiseen siirtyminen on minulle vaikeaa' });
    await limits.locator('label', { hasText: 'Liikkuminen tai paikasta toiseen siirtyminen on minulle vaikeaa' }).click();
    expect(await mobility.isChecked(), 'pressing the label ticks the box').to.equal(true);
    await screenshot(paivi, 'phone-limits');

    // Keyboard to "Tallenna": its focus ring shows whole and contrasts with white; Enter sends the form.
    const save = limits.getByRole('button', { name: 'Tallenna', exact: true });
    for (let i = 0; i < 8 && !(await save.evaluate((el) => el === document.activeElement)); i++) await paivi.keyboard.press('Tab');
    const ring = await focusRing(paivi);
    expect(ring.element, 'Tab reaches Save').to.contain('Tallenna');
    expect(ring.contrastOnWhite, 'focus ring against white (WCAG 1.4.11: 3:1)').to.be.at.least(3);
    expect(ring.clippedBy, 'nothing clips the focus ring').to.deep.equal([]);
    expect(await textContrast(save), 'button text against its background (WCAG 1.4.3: 4.5:1)').to.be.at.least(4.5);
    await screenshot(paivi, 'phone-limits-focus-on-save');
    await paivi.keyboard.press('Enter');
    await waitForText(paivi, 'Kiitos, tallensin rajasi.');
    await expectFocusOn(paivi, 'Kiitos, tallensin rajasi.');
    await screenshot(paivi, 'phone-limits-answer-focused');

    await send(paivi, code);
    await waitForText(paivi, 'Tervetuloa ryhmään "Museokävelijät"!');

    // The menu: a few buttons and one that opens the rest in place.
    await send(paivi, 'valikko');
    await waitForText(paivi, 'Mitä haluaisit tehdä?', { count: 2 });
    const menu = newestCard(paivi, 'Mitä haluaisit tehdä?');
    const visibleButtons = async () => (await menu.getByRole('button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length));
    // Meetings, Check in, Activities, My group — and the button that opens the rest.
    expect(await visibleButtons(), 'buttons on the menu, "more" included').to.be.at.most(5);
    expect(await menu.getByRole('button', { name: 'Muistutukset', exact: true }).isVisible()).to.equal(false);
    await screenshot(paivi, 'phone-menu');
    await menu.getByRole('button', { name: 'Omat asetukset ja ohje', exact: true }).click();
    await menu.getByRole('button', { name: 'Muistutukset', exact: true }).waitFor({ state: 'visible' });
    await expectPhoneFriendly(paivi, 'Mitä haluaisit tehdä?');
    await screenshot(paivi, 'phone-menu-more');

    // Reminder settings (checkboxes) and the pause form (radios).
    await menu.getByRole('button', { name: 'Muistutukset', exact: true }).click();
    await expectPhoneFriendly(paivi, 'Muistutuksesi');
    await screenshot(paivi, 'phone-reminders');
    await newestCard(paivi, 'Muistutuksesi').getByRole('button', { name: 'Peruuta', exact: true }).click();
    await waitForText(paivi, 'Selvä, muistutuksesi pysyvät ennallaan.');
    await menu.getByRole('button', { name: 'Tauko muistutuksiin', exact: true }).click();
    await expectPhoneFriendly(paivi, 'Tauko muistutuksiin');
    await screenshot(paivi, 'phone-pause');
    await newestCard(paivi, 'Tauko muistutuksiin').getByRole('button', { name: 'Peruuta', exact: true }).click();
    await waitForText(paivi, 'Selvä, mitään ei muutettu.');

    // Meetings: fact titles ("Milloin", "Missä") whole.
    await send(paivi, 'tapaamiset');
    await waitForText(paivi, 'Työpaikkamessut');
    await expectPhoneFriendly(paivi, 'Tapaamiset – Museokävelijät');
    await screenshot(paivi, 'phone-meetings');

    // Help fits on the screen: the whole card within the transcript's visible height.
    await send(paivi, 'ohje');
    const help = newestCard(paivi, 'Autan pienryhmääsi');
    await help.getByRole('button', { name: 'Omat asetukset ja ohje', exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
    await paivi.waitForTimeout(300); // the card's last layout pass
    const helpHeight = (await help.boundingBox())!.height;
    const visibleHeight = (await paivi.locator('.webchat__basic-transcript__scrollable').boundingBox())!.height;
    expect(helpHeight, `help card ${Math.round(helpHeight)} px, transcript ${Math.round(visibleHeight)} px`).to.be.at.most(visibleHeight);
    await screenshot(paivi, 'phone-help');

    // A second participant, so the roster has two lines.
    const pekka = await browser.newPage();
    await pekka.goto(`${app.url}/?user=Pekka&lang=en`);
    await joinInEnglish(pekka, 'Pekka', code, 'Museokävelijät');

    await send(leader, 'valikko');
    await press(leader, 'Ryhmäni');
    const roster = newestCard(leader, '2/4 paikkaa varattu');
    await roster.waitFor({ state: 'visible', timeout: 20_000 });
    const rosterText = normalise(await roster.innerText());
    expect(rosterText).to.contain('1. Päivi');
    expect(rosterText).to.contain('2. Pekka');
    await screenshot(leader, 'phone-leader-roster');

    // A reload shows the conversation so far, without a second welcome, and no "connected" bar.
    const welcomes = (await transcript(paivi)).split('Valitse alta, mitä haluat tehdä.').length;
    await paivi.reload();
    await waitForText(paivi, 'Tervetuloa ryhmään "Museokävelijät"!');
    await waitForText(paivi, 'Kiitos, tallensin rajasi.');
    await waitForText(paivi, 'Yhteys on valmis', { root: '#status' });
    expect(await statusBarHeight(paivi)).to.be.at.most(1);
    expect((await transcript(paivi)).split('Valitse alta, mitä haluat tehdä.').length, 'no second welcome after a reload').to.equal(welcomes);
    await send(paivi, 'ohje');
    await waitForText(paivi, 'Autan pienryhmääsi', { count: 2 });
    await screenshot(paivi, 'phone-after-reload');

    // A new tab starts afresh (the history is per tab); the welcome of a person already in a group
    // names only buttons that are on it.
    const again = await browser.newPage();
    await again.goto(`${app.url}/?user=Päivi&lang=fi`);
    const welcome = newestCard(again, 'Mitä haluaisit tehdä?');
    await welcome.waitFor({ state: 'visible', timeout: 20_000 });
    const quoted = [...normalise(await welcome.locator('.ac-textBlock').nth(1).innerText()).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    for (const name of quoted) expect(await welcome.getByRole('button', { name, exact: true }).count(), `the welcome names "${name}"`).to.be.greaterThan(0);
    expect(await transcript(again)).to.not.contain('Kiitos, tallensin rajasi.');
    await screenshot(again, 'phone-new-tab-welcome');

    expect(browser.blocked, 'requests beyond loopback').to.deep.equal([]);
    expect(browser.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), 'CSP violations').to.deep.equal([]);
  });

  /** The bot's answer is what Web Chat's transcript has focused, the transcript itself holds the focus, and the frame shows. */
  async function expectFocusOn(page: Page, answer: string) {
    const deadline = Date.now() + 10_000;
    let focused = { text: '', framed: false };
    while (Date.now() < deadline) {
      focused = await focusedMessage(page);
      if (normalise(focused.text).includes(answer)) break;
      await page.waitForTimeout(100);
    }
    expect(normalise(focused.text), 'the focused message after sending the form').to.contain(answer);
    expect(focused.framed, 'a visible frame around the focused answer').to.equal(true);
  }
});
