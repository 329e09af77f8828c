import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { normalise } from './browser';

/** The transcript as a person (or a screen reader) reads it, with straight quotes. */
export async function transcript(page: Page, root = '#webchat'): Promise<string> {
  return normalise(await page.locator(root).innerText());
}

export async function waitForText(page: Page, text: string, options: { root?: string; timeoutMs?: number; count?: number } = {}): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const wanted = normalise(text);
  const count = options.count ?? 1;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await transcript(page, options.root);
    if (seen.split(wanted).length - 1 >= count) return seen;
    await page.waitForTimeout(200);
  }
  expect.fail(`"${wanted}" did not appear (x${count}); the transcript ends with: …${seen.slice(-800)}`);
}

/** The newest button with exactly this name: older cards keep theirs. */
export const newestButton = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true }).last();

export async function press(page: Page, name: string) {
  const button = newestButton(page, name);
  await button.waitFor({ state: 'visible', timeout: 20_000 });
  await button.click();
}

export async function send(page: Page, text: string) {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

export const invitePattern = /\b[2-9A-Z]{5}-[2-9A-Z]{5}\b/g;

/** A Finnish leader's page from its welcome: "Luo ryhmä", name, Helsinki, Finnish; the invite code on the invite card. */
export async function createGroupInFinnish(page: Page, name: string): Promise<string> {
  await waitForText(page, 'Mitä haluaisit tehdä?');
  await press(page, 'Luo ryhmä');
  // A leader without a name gives the one participants see first.
  await waitForText(page, 'Millä nimellä haluat näkyä osallistujille?');
  await send(page, 'Leena');
  await waitForText(page, 'Mikä on ryhmän nimi?');
  await send(page, name);
  await waitForText(page, 'Millä aikavyöhykkeellä ryhmä kokoontuu?');
  await press(page, 'Europe/Helsinki');
  await waitForText(page, 'Mitä kieltä ryhmä käyttää?');
  await press(page, 'Suomi');
  const seen = await waitForText(page, `Kutsu ryhmään ${name}`);
  await waitForText(page, `Ryhmä "${name}" on valmis.`);
  const code = seen.slice(seen.lastIndexOf(`Kutsu ryhmään ${name}`)).match(invitePattern)?.[0];
  expect(code, 'an invite code on the invite card').to.be.a('string');
  return code!;
}

/** An English participant's page from its welcome: get started, English, consent, name, limits skipped, the code. */
export async function joinInEnglish(page: Page, name: string, code: string, group: string) {
  await waitForText(page, 'What would you like to do?');
  await press(page, 'Get started');
  await waitForText(page, 'Which language would you like me to use?');
  await press(page, 'English');
  await waitForText(page, 'May I store this information?');
  await press(page, 'Yes');
  await waitForText(page, 'What name would you like your group to see?');
  await send(page, name);
  await waitForText(page, `Thank you, ${name}!`);
  await press(page, 'Skip for now');
  await waitForText(page, 'All set! Next, join your group with the code');
  await send(page, code);
  await waitForText(page, `Welcome to the group "${group}"!`);
}
