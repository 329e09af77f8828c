import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A Bot Connector that accepts every request and never answers: the slowest thing a serviceUrl can be. */
export class HungConnector {
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  requests = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer(() => {
      this.requests++;
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
