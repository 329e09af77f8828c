import { expect } from 'chai';
import http from 'node:http';
import net from 'node:net';
import { BotHarness, person, textOf } from '../support/botHarness';
import { LocalConversations } from '../../src/http/webchat/localConversations';
import { openLocalPage } from '../support/localPage';

/** A raw request, so that Host can be anything a browser or a rebinding DNS name would send. */
function rawRequest(url: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP: local mode answers only this machine', () => {
  const bot = new BotHarness();
  before(async () => {
    await bot.start({ HTTP_REQUEST_TIMEOUT_MS: '1000' });
  });
  after(async () => bot.stop());

  const activity = (p: ReturnType<typeof person>, text: string, serviceUrl = bot.connector.url) => ({
    type: 'message',
    text,
    id: 'in-1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: p.id },
    recipient: { id: 'bot-id' },
    conversation: { id: p.conversationId, conversationType: 'personal' },
    locale: 'en',
  });

  it('refuses a cross-site form post: JSON only, and never from a foreign Origin', async () => {
    const p = person('Mallory', 'en');
    const form = new URLSearchParams({ type: 'message', text: 'my data', channelId: 'webchat', serviceUrl: bot.connector.url, 'from.id': p.id }).toString();
    const posted = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(posted.status).to.equal(415);
    const plain = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(activity(p, 'hi')) });
    expect(plain.status).to.equal(415);
    const foreign = await bot.post(activity(p, 'hi'), { origin: 'https://evil.example' });
    expect(foreign.status).to.equal(403);
    expect(bot.connector.received).to.have.length(0);
  });

  it('refuses a foreign Host (DNS rebinding) on every route, the page included', async () => {
    const p = person('Mallory', 'en');
    const port = bot.app.port;
    for (const [method, path, body] of [
      ['POST', '/api/messages', JSON.stringify(activity(p, 'hi'))],
      ['GET', '/?user=Leena', ''],
      ['GET', '/healthz', ''],
    ] as const) {
      const res = await rawRequest(bot.app.url, method, path, { host: `rebind.evil.example:${port}`, 'content-type': 'application/json' }, body);
      expect(res.status, `${method} ${path}`).to.equal(403);
      expect(res.body).not.to.contain('webchat-config');
    }
    expect((await rawRequest(bot.app.url, 'GET', '/healthz', { host: `localhost:${port}` })).status).to.equal(200);
    expect(bot.connector.received).to.have.length(0);
  });

  it('answers only a loopback serviceUrl in local mode', async () => {
    const p = person('Mallory', 'en');
    for (const serviceUrl of ['https://attacker.example/connector', 'javascript:alert(1)', 'file:///etc/passwd', 'http://10.0.0.5:3978']) {
      expect((await bot.post(activity(p, 'hi', serviceUrl))).status, serviceUrl).to.equal(400);
    }
    const { resources } = await bot.app.store.containers.users.items.query('SELECT * FROM c').fetchAll();
    expect(resources).to.deep.equal([]);
  });

  it('lets nobody read a conversation stream, or post as the person, without the page secret', async () => {
    const page = await openLocalPage(bot.app.url, 'Leena', 'fi');
    const base = `${bot.app.url}/local-webchat/conversations/${page.conversationId}`;
    expect((await fetch(`${base}/stream`)).status).to.equal(403);
    expect((await fetch(`${base}/stream?secret=guess`)).status).to.equal(403);
    const posted = await fetch(`${base}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ activity: { type: 'message', text: 'Kyllä' } }),
    });
    expect(posted.status).to.equal(403);
    // A conversation id made up from a name is nothing without a page that opened it.
    expect((await fetch(`${bot.app.url}/local-webchat/conversations/lwc-0123456789abcdef/stream?secret=${page.secret}`)).status).to.equal(403);
  });

  it("accepts on the local connector only what the bot itself sends", async () => {
    const page = await openLocalPage(bot.app.url, 'Pekka', 'en');
    for (const path of [
      `/local-webchat/connector/v3/conversations/${page.conversationId}/activities`,
      `/local-webchat/connector/guessed-key/v3/conversations/${page.conversationId}/activities`,
    ]) {
      const res = await fetch(`${bot.app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'Your group leader says: send me your code' }),
      });
      expect(res.status, path).to.be.oneOf([401, 404]);
    }
  });

  it('keeps the number of local conversations bounded however many names are tried', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 260; i++) {
      const res = await fetch(`${bot.app.url}/?user=flood-${i}`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    // The least recently used ones without an open page make room: every page opens, none piles up.
    expect(statuses.get(200)).to.equal(260);
    const fresh = await openLocalPage(bot.app.url, 'flood-0', 'en');
    expect(fresh.secret).to.be.a('string');
  });

  it('cuts off a request whose body never finishes, and marks every answer nosniff', async () => {
    const { port } = new URL(bot.app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":`);
    // HTTP_REQUEST_TIMEOUT_MS is 1 s here (10 s by default); before, the socket stayed open for 30 s and more.
    const closed = await new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (c) => (answer += c));
      socket.on('close', () => resolve(answer));
    });
    expect(closed === '' || /^HTTP\/1\.1 408/.test(closed)).to.equal(true);
    const res = await bot.post(activity(person('Anna', 'en'), 'hi'));
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect((await fetch(`${bot.app.url}/healthz`)).headers.get('x-content-type-options')).to.equal('nosniff');
    expect(textOf(bot.connector.activities())).to.contain('What would you like to do?');
  });
});

describe('LocalConversations', () => {
  const user = (n: number) => ({ id: `local-${n}`, name: `User ${n}`, conversationId: `lwc-${n}` });

  it('holds at most its bound: the least recently used conversation without an open page makes room', () => {
    let now = 0;
    const conversations = new LocalConversations(3, () => now++);
    const first = conversations.open(user(1))!;
    first.sinks.add(() => undefined);
    conversations.open(user(2));
    conversations.open(user(3));
    conversations.open(user(4));
    expect(conversations.size).to.equal(3);
    expect(conversations.get('lwc-2')).to.equal(undefined);
    expect(conversations.get('lwc-1')).to.equal(first);
  });

  it('opens nothing more when every conversation has an open page, and hands out a secret nobody can derive', () => {
    const conversations = new LocalConversations(2);
    for (const n of [1, 2]) conversations.open(user(n))!.sinks.add(() => undefined);
    expect(conversations.open(user(3))).to.equal(undefined);
    const a = conversations.get('lwc-1')!;
    expect(conversations.authorized('lwc-1', a.secret)).to.equal(a);
    expect(conversations.authorized('lwc-1', 'lwc-1')).to.equal(undefined);
    expect(conversations.authorized('lwc-1', undefined)).to.equal(undefined);
  });
});
