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
