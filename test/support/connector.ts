import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, any>;
}

type Responder = (req: ReceivedActivity) => { status: number; body?: unknown } | undefined;

/**
 * A small Bot Connector on loopback: the bot's serviceUrl in tests. It records every activity the bot
 * sends (replies, new conversations, updates) and lets a test script failures (429, 403, …).
 */
export class TestConnector {
  readonly received: ReceivedActivity[] = [];
  private server?: http.Server;
  private responders: Responder[] = [];
  private waiters: Array<{ predicate: (a: ReceivedActivity) => boolean; resolve: (a: ReceivedActivity) => void }> = [];
  private counter = 0;
  private holding = false;
  private parked: Array<{ answer: () => void; gone: boolean }> = [];
  /** Requests dropped while parked because their sender went away. */
  aborted = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const path = req.url ?? '';
        const match = /\/v3\/conversations\/([^/]+)/.exec(path);
        const entry: ReceivedActivity = {
          method: req.method ?? '',
          path,
          conversationId: match ? decodeURIComponent(match[1]!) : '',
          body: raw ? JSON.parse(raw) : {},
        };
        for (const responder of this.responders) {
          const scripted = responder(entry);
          if (scripted) {
            res.writeHead(scripted.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(scripted.body ?? { error: { code: 'Scripted', message: 'scripted failure' } }));
            return;
          }
        }
        if (this.holding) {
          const parked = { answer: () => this.answer(entry, req.method ?? '', path, res), gone: false };
          this.parked.push(parked);
          // The sender died (or gave up) before we answered: the activity never reached anyone.
          res.on('close', () => {
            if (parked.gone || !this.parked.includes(parked)) return;
            parked.gone = true;
            this.parked = this.parked.filter((p) => p !== parked);
            this.aborted++;
          });
          return;
        }
        this.answer(entry, req.method ?? '', path, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  private answer(entry: ReceivedActivity, method: string, path: string, res: http.ServerResponse): void {
    this.received.push(entry);
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate(entry)) return true;
      w.resolve(entry);
      return false;
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    if (method === 'POST' && /\/v3\/conversations\/?$/.test(path)) {
      res.end(JSON.stringify({ id: `conv-${++this.counter}`, activityId: `act-${this.counter}` }));
    } else {
      res.end(JSON.stringify({ id: `act-${++this.counter}` }));
    }
  }

  /**
   * From now on requests are parked unanswered (a connector that is slow to answer); one whose sender
   * goes away while parked is dropped and counted in `aborted`, never recorded as received.
   */
  hold(): void {
    this.holding = true;
  }

  parkedCount(): number {
    return this.parked.length;
  }

  /** Answers (and records) every parked request and stops holding. */
  release(): void {
    this.holding = false;
    const parked = this.parked;
    this.parked = [];
    for (const p of parked) if (!p.gone) p.answer();
  }

  /** Scripted answers run before recording; return undefined to let the request through. */
  respondWith(responder: Responder): void {
    this.responders.push(responder);
  }

  clearResponders(): void {
    this.responders = [];
  }

  /** Activities sent to one conversation, in order. */
  activities(conversationId?: string): Record<string, any>[] {
    return this.received.filter((r) => !conversationId || r.conversationId === conversationId).map((r) => r.body);
  }

  /**
   * Resolves with the first recorded activity (already received or future) that matches; rejects after
   * `timeoutMs` (a time limit on the test's wait, not a sleep) naming what it waited for.
   */
  waitFor(predicate: (a: ReceivedActivity) => boolean, timeoutMs = 10_000, what = 'a matching activity'): Promise<ReceivedActivity> {
    const found = this.received.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (a: ReceivedActivity) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`connector: no ${what} within ${timeoutMs} ms (received ${this.received.length})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  reset(): void {
    this.received.length = 0;
    this.responders = [];
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
