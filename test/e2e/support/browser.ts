import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const resultsDir = path.resolve(__dirname, '../../../test-results');
// Made on load: every suite puts its data folder and screenshots there, even on a fresh clone.
mkdirSync(resultsDir, { recursive: true });

/** A phone as the trial used it: 390×844 CSS pixels, touch, mobile viewport rules. */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
}

/** Debian's Chromium, headless, fresh profile, no network beyond loopback (every other request is aborted). */
export class Browser {
  context!: BrowserContext;
  private tmp = '';
  readonly blocked: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(private readonly options: BrowserOptions = {}) {}

  async start(): Promise<this> {
    this.tmp = mkdtempSync(path.join(resultsDir, 'tmp-chromium-'));
    const tmpdir = path.join(this.tmp, 'tmp');
    mkdirSync(tmpdir);
    this.context = await chromium.launchPersistentContext(path.join(this.tmp, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      env: { ...process.env, TMPDIR: tmpdir },
      viewport: this.options.viewport ?? { width: 420, height: 860 },
      isMobile: this.options.isMobile ?? false,
      hasTouch: this.options.hasTouch ?? false,
      locale: 'fi-FI',
    });
    await this.context.route('**', (route) => {
      const url = new URL(route.request().url());
      if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      this.blocked.push(url.origin);
      return route.abort();
    });
    return this;
  }

  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    return page;
  }

  async stop() {
    await this.context?.close().catch(() => undefined);
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
  }
}

const shots = new Map<string, number>();
/** One screenshot per step under test-results/, numbered per suite: "webchat-leader-welcome" → webchat-01-leader-welcome.png. */
export async function screenshot(page: Page, name: string) {
  const [suite = 'e2e', ...rest] = name.split('-');
  const n = (shots.get(suite) ?? 0) + 1;
  shots.set(suite, n);
  await page.waitForTimeout(400); // let the client finish scrolling to the newest message
  const file = path.join(resultsDir, `${suite}-${String(n).padStart(2, '0')}-${rest.join('-').replace(/[^a-z0-9-]+/gi, '-') || 'step'}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Web Chat's markdown turns "quotes" into curly ones; compare text with straight quotes. */
export const normalise = (s: string) => s.replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
