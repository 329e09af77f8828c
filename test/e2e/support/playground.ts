import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { normalise } from './browser';

const cli = path.resolve(__dirname, '../../../node_modules/.bin/agentsplayground');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Microsoft 365 Agents Playground (Teams-like client) against the bot, channel msteams, no browser of its own. */
export class Playground {
  private child?: ChildProcess;
  log = '';
  url = '';

  async start(botMessagesUrl: string): Promise<this> {
    const port = await freePort();
    this.child = spawn(cli, ['-e', botMessagesUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c: Buffer) => (this.log += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.log += c.toString()));
    // It silently moves to another port when the asked one is taken: trust its own "Listening on".
    const deadline = Date.now() + 60_000;
    for (;;) {
      const m = /Listening on (\d+)/.exec(this.log);
      if (m) {
        this.url = `http://127.0.0.1:${m[1]}`;
        break;
      }
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`Agents Playground did not start: ${this.log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const pong = await (await fetch(`${this.url}/_debug/ping`)).text();
    expect(pong).to.equal('pong');
    return this;
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child!.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The conversation pane: the nearest ancestor of the compose box that holds messages but not the chat list. */
export async function conversationText(page: Page): Promise<string> {
  const text = await page.locator('[data-lexical-editor="true"]').evaluate((editor) => {
    let node = editor.parentElement;
    while (node && !(node.innerText.includes('Test Bot') && node.innerText.length > 0)) node = node.parentElement;
    // Stop before the ancestor that also holds the chat list on the left.
    while (node?.parentElement && !node.parentElement.innerText.includes('Personal and Group Chat')) node = node.parentElement;
    return node?.innerText ?? '';
  });
  return normalise(text);
}

export async function waitForConversationText(page: Page, wanted: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const norm = normalise(wanted);
  let seen = '';
  while (Date.now() < deadline) {
    seen = await conversationText(page);
    if (seen.includes(norm)) return seen;
    await page.waitForTimeout(250);
  }
  expect.fail(`"${norm}" did not appear in the Playground conversation; it ends with: …${seen.slice(-800)}`);
}

/** Types into the Playground's compose box (a Lexical editor, not an input) and sends with Enter. */
export async function compose(page: Page, text: string) {
  const editor = page.locator('[data-lexical-editor="true"]');
  await editor.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const imBackUnsupported = 'Action type imBack is not supported yet';

/**
 * Presses a hero-card button. The Playground (0.2.x) does not send imBack ("Action type imBack is not
 * supported yet"); Teams sends the button's title as a message, so that is what we type when it refuses.
 * Adaptive Card Action.Submit buttons work as such.
 */
export async function pressHeroButton(page: Page, title: string): Promise<'clicked' | 'typed'> {
  const count = async () => (await conversationText(page)).split(imBackUnsupported).length;
  const before = await count();
  await page.getByRole('button', { name: title, exact: true }).last().click();
  // The refusal shows up within moments of the click: poll for it (bounded) instead of sleeping a fixed second.
  let refused = false;
  for (const deadline = Date.now() + 3000; !refused && Date.now() < deadline; ) {
    refused = (await count()) > before;
    if (!refused) await page.waitForTimeout(100);
  }
  if (!refused) return 'clicked';
  await compose(page, title);
  return 'typed';
}
