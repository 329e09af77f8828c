import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotHarness } from '../support/botHarness';
import { openLocalPage } from '../support/localPage';
import { localUserOf } from '../../src/http/webchat/page';
import { TokenBucketLimiter } from '../../src/http/webchat/tokenBucket';

const appId = { MicrosoftAppId: '6f1b2c1e-0000-4000-8000-000000000002', MicrosoftAppPassword: 'secret-for-test' };

/** Reads server-sent events from the local channel's stream until stopped. */
class EventReader {
  readonly activities: Record<string, any>[] = [];
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];

  async open(url: string): Promise<this> {
    const res = await fetch(url, { signal: this.abort.signal });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/event-stream/);
    void this.pump(res.body!.getReader());
    return this;
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) this.activities.push(JSON.parse(data));
          this.waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  }

  async waitFor(predicate: (a: Record<string, any>) => boolean, timeoutMs = 10_000): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such activity; got ${JSON.stringify(this.activities.map((a) => a.text ?? a.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  close() {
    this.abort.abort();
  }
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const cardTexts = (a: Record<string, any>) =>
  JSON.stringify((a.attachments ?? []).map((x: { content: unknown }) => x.content));

describe('web chat page and local channel (local mode)', () => {
  const bot = new BotHarness();
  before(async () => {
    await bot.start();
  });
  after(async () => bot.stop());

  it('serves the page in the asked language with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${bot.app.url}/?user=Sanna&lang=sv`);
    expect(res.status).to.equal(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("script-src 'self'");
    expect(csp).to.contain("frame-ancestors 'none'");
    expect(csp).not.to.contain('unsafe-eval');
    const html = await res.text();
    expect(html).to.contain('<html lang="sv">');
    expect(html).to.contain('<title>Gruppcoachen – chatt</title>');
    expect(html).to.contain('name="viewport"');
    expect(html).to.contain('aria-label="Chatt med Gruppcoachen"');
    expect(html).to.contain('src="/webchat/webchat.js"');
    expect(html).not.to.match(/<script>(?!<\/script>)/); // no inline script: CSP allows none
  });

  it('falls back to Accept-Language, then to Finnish, and escapes the user name', async () => {
    const en = await (await fetch(`${bot.app.url}/`, { headers: { 'accept-language': 'de-DE, en;q=0.8' } })).text();
    expect(en).to.contain('<html lang="en">');
    const fi = await (await fetch(`${bot.app.url}/?user=%3Cscript%3Ealert(1)%3C%2Fscript%3E`)).text();
    expect(fi).to.contain('<html lang="fi">');
    expect(fi).not.to.contain('<script>alert');
  });

  it('serves Web Chat from node_modules, compressed when the browser accepts it', async () => {
    const res = await fetch(`${bot.app.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/javascript/);
    expect((await res.text()).length).to.be.greaterThan(1_000_000);
    expect((await fetch(`${bot.app.url}/webchat/page.js`)).status).to.equal(200);
    expect((await fetch(`${bot.app.url}/webchat/page.css`)).status).to.equal(200);
  });

  it('gives the same name the same user and conversation', () => {
    expect(localUserOf('  leena ').id).to.equal(localUserOf('Leena').id);
    expect(localUserOf('  leena ').conversationId).to.equal(localUserOf('Leena').conversationId);
    expect(localUserOf('Leena').id).not.to.equal(localUserOf('Pekka').id);
  });

  it('welcomes on join, echoes the user activity with its clientActivityID and streams the bot replies', async () => {
    const page = await openLocalPage(bot.app.url, 'Ville', 'en');
    const user = localUserOf('Ville');
    expect(page.conversationId).to.equal(user.conversationId);
    const base = `${bot.app.url}/local-webchat/conversations/${page.conversationId}`;
    const events = await new EventReader().open(`${base}/stream?secret=${encodeURIComponent(page.secret)}`);
    const headers = { 'x-local-webchat-secret': page.secret };
    try {
      expect((await postJson(`${base}/join`, { lang: 'en' }, headers)).status).to.equal(200);
      const welcome = await events.waitFor((a) => a.from?.role === 'bot' && cardTexts(a).includes('What would you like to do?'));
      expect(welcome.channelId).to.equal('webchat');
      expect(welcome.recipient.id).to.equal(user.id);

      const posted = await postJson(
        `${base}/activities`,
        { lang: 'en', activity: { type: 'message', text: 'help', channelData: { clientActivityID: 'client-1' } } },
        headers,
      );
      const { id } = (await posted.json()) as { id: string };
      const echo = await events.waitFor((a) => a.channelData?.clientActivityID === 'client-1');
      expect(echo.id).to.equal(id);
      expect(echo.from).to.deep.equal({ id: user.id, name: 'Ville', role: 'user' });
      await events.waitFor((a) => a.from?.role === 'bot' && a.replyToId === id && cardTexts(a).includes('I help your small group'));
    } finally {
      events.close();
    }
  });

  it("refuses another person's conversation without its secret, even with one's own", async () => {
    const mine = await openLocalPage(bot.app.url, 'Ville', 'en');
    const theirs = await openLocalPage(bot.app.url, 'Someone else', 'en');
    const res = await postJson(
      `${bot.app.url}/local-webchat/conversations/${theirs.conversationId}/activities`,
      { activity: { type: 'message', text: 'hi' } },
      { 'x-local-webchat-secret': mine.secret },
    );
    expect(res.status).to.equal(403);
  });

  it('has no token endpoint in local mode', async () => {
    expect((await postJson(`${bot.app.url}/api/directline/token`, {})).status).to.equal(404);
  });
});

/** Stands in for https://directline.botframework.com: checks the secret and the user id the server made up. */
class StubDirectLine {
  readonly requests: Array<{ authorization?: string; userId?: string }> = [];
  private server?: http.Server;
  url = '';

  async start(secret: string): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = raw ? (JSON.parse(raw) as { user?: { id?: string } }) : {};
        this.requests.push({ authorization: req.headers.authorization, userId: body.user?.id });
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
          res.writeHead(404);
          res.end();
          return;
        }
        if (req.headers.authorization !== `Bearer ${secret}`) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"BadArgument"}}');
          return;
        }
        if (!/^dl_[0-9a-f]{32}$/.test(body.user?.id ?? '')) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"BadArgument"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: `conv-${this.requests.length}`, token: `token-for-${body.user!.id}`, expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

describe('web chat page with an app id (Direct Line)', () => {
  const secret = 'direct-line-secret-for-tests-0123456789';
  const directLine = new StubDirectLine();
  const bot = new BotHarness();
  before(async () => {
    await directLine.start(secret);
    await bot.start({ ...appId, HOST: '127.0.0.1', DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: directLine.url, TRUST_PROXY: 'true' });
  });
  after(async () => {
    await bot.stop();
    await directLine.stop();
  });

  it('registers no local web chat routes', async () => {
    const conv = localUserOf('Leena').conversationId;
    for (const [method, path] of [
      ['GET', `/local-webchat/conversations/${conv}/stream`],
      ['POST', `/local-webchat/conversations/${conv}/join`],
      ['POST', `/local-webchat/conversations/${conv}/activities`],
      ['POST', `/local-webchat/connector/key/v3/conversations/${conv}/activities`],
      ['PUT', `/local-webchat/connector/key/v3/conversations/${conv}/activities/x`],
    ] as const) {
      const res = await fetch(`${bot.app.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).to.equal(404);
    }
  });

  it('serves the page in Direct Line mode; the policy allows only our Direct Line endpoint', async () => {
    const res = await fetch(`${bot.app.url}/?user=Leena&lang=en`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain(`connect-src 'self' ${directLine.url} ws://127.0.0.1:`);
    const html = await res.text();
    expect(html).to.contain('"mode":"directline"');
    expect(html).not.to.contain('Local test mode');
    expect(html).not.to.contain(secret);
  });

  it('exchanges the secret for a token bound to a new dl_ user, without ever returning the secret', async () => {
    const res = await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': '203.0.113.1' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const text = await res.text();
    expect(text).not.to.contain(secret);
    const body = JSON.parse(text) as { token: string; userId: string; conversationId: string; expiresIn: number };
    expect(body.userId).to.match(/^dl_[0-9a-f]{32}$/);
    expect(body.token).to.equal(`token-for-${body.userId}`);
    expect(body.expiresIn).to.equal(3600);
    const seen = directLine.requests.at(-1)!;
    expect(seen.authorization).to.equal(`Bearer ${secret}`);
    expect(seen.userId).to.equal(body.userId);

    const second = (await (await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': '203.0.113.1' })).json()) as { userId: string };
    expect(second.userId).not.to.equal(body.userId);
  });

  it('limits token requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': '198.51.100.7:5555' })).status);
    expect(statuses.slice(0, 5)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).to.deep.equal([429, 429]);
    const limited = await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': '198.51.100.7' });
    expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);
    // Another address still gets one.
    expect((await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': '198.51.100.8' })).status).to.equal(200);
  });
});

describe('Direct Line tokens without a proxy in front (TRUST_PROXY unset)', () => {
  const secret = 'direct-line-secret-for-tests-0123456789';
  const directLine = new StubDirectLine();
  const bot = new BotHarness();
  before(async () => {
    await directLine.start(secret);
    await bot.start({ ...appId, HOST: '127.0.0.1', DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: directLine.url });
  });
  after(async () => {
    await bot.stop();
    await directLine.stop();
  });

  it('ignores a spoofed X-Forwarded-For: every request counts against the real address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await postJson(`${bot.app.url}/api/directline/token`, {}, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 429, 429, 429]);
  });
});

describe('Direct Line token endpoint failures', () => {
  const directLine = new StubDirectLine();
  const wrongSecret = new BotHarness();
  const noSecret = new BotHarness();
  before(async () => {
    await directLine.start('the-right-secret-0123456789');
    await wrongSecret.start({ ...appId, HOST: '127.0.0.1', DIRECT_LINE_SECRET: 'a-wrong-secret-0123456789', DIRECT_LINE_ENDPOINT: directLine.url });
    await noSecret.start({ ...appId, HOST: '127.0.0.1', DIRECT_LINE_ENDPOINT: directLine.url });
  });
  after(async () => {
    await wrongSecret.stop();
    await noSecret.stop();
    await directLine.stop();
  });

  it('answers 502 when Direct Line refuses, and 503 when no secret is configured', async () => {
    expect((await postJson(`${wrongSecret.app.url}/api/directline/token`, {})).status).to.equal(502);
    const before = directLine.requests.length;
    expect((await postJson(`${noSecret.app.url}/api/directline/token`, {})).status).to.equal(503);
    expect(directLine.requests.length).to.equal(before);
  });
});

describe('TokenBucketLimiter', () => {
  it('refills over time', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(2, 1, () => now);
    expect([limiter.take('a'), limiter.take('a')]).to.deep.equal([0, 0]);
    expect(limiter.take('a')).to.equal(1);
    now = 1000;
    expect(limiter.take('a')).to.equal(0);
    expect(limiter.take('b')).to.equal(0);
  });

  it('keeps an exhausted client limited however many other addresses flood the map', () => {
    const now = 0;
    const limiter = new TokenBucketLimiter(5, 1 / 12, () => now, 100);
    for (let i = 0; i < 5; i++) limiter.take('victim-was-exhausted');
    expect(limiter.take('victim-was-exhausted')).to.be.greaterThan(0);
    for (let i = 0; i < 10_000; i++) limiter.take(`flood-${i}`);
    expect(limiter.take('victim-was-exhausted')).to.be.greaterThan(0);
  });
});
