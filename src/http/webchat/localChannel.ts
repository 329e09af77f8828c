import type { AddressInfo } from 'node:net';
import type { Activity, ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { toLocale, type Locale } from '../../domain/shared/locale';
import { localUserOf } from './page';

/**
 * A web chat channel for local mode only (no app id, loopback only). The page's DirectLine-like object
 * posts the person's activities here; we echo them back (Web Chat waits for its clientActivityID) and hand
 * them to the adapter with serviceUrl = our own small Bot Connector under /local-webchat/connector, whose
 * endpoints push the bot's replies to the page over server-sent events.
 *
 * Why processActivityDirect and not a loopback POST to /api/messages: it runs the very same
 * authenticateRequest (an empty Authorization header passes only because there is no app id) and the
 * same middleware and onTurnError, without a second HTTP hop or a dependency on our own listening port
 * for inbound traffic.
 */

export const localPrefix = '/local-webchat';
export const connectorPrefix = `${localPrefix}/connector`;
const bot = { id: 'group-coach', name: 'Group Coach', role: 'bot' } as const;
const maxPending = 100;
const heartbeatMs = 20_000;

const inbound = z.object({
  user: z.string().max(100).optional(),
  lang: z.string().max(10).optional(),
  activity: z
    .object({
      type: z.enum(['message', 'event', 'typing']),
      text: z.string().max(20_000).optional(),
      textFormat: z.string().max(20).optional(),
      value: z.unknown().optional(),
      name: z.string().max(200).optional(),
      attachments: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
      entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
      channelData: z.object({ clientActivityID: z.string().max(100).optional() }).loose().optional(),
    })
    .optional(),
});

type Sink = (activity: Partial<Activity>) => void;

class LocalConversation {
  readonly sinks = new Set<Sink>();
  /** The bot's activities while no page listens (a proactive notice to a closed tab), delivered on the next connect. */
  readonly pending: Partial<Activity>[] = [];
  private turns: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(readonly id: string) {}

  nextId(): string {
    this.seq += 1;
    return `${this.id}|${String(this.seq).padStart(6, '0')}`;
  }

  deliver(activity: Partial<Activity>) {
    if (this.sinks.size === 0) {
      this.pending.push(activity);
      if (this.pending.length > maxPending) this.pending.shift();
      return;
    }
    for (const sink of this.sinks) sink(activity);
  }

  /** Turns of one conversation run one after another, as a real channel delivers them. */
  enqueue(turn: () => Promise<void>) {
    this.turns = this.turns.then(turn, turn);
    return this.turns;
  }
}

export interface LocalChannelOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  defaultLocale: Locale;
}

export function registerLocalChannel(options: LocalChannelOptions) {
  const conversations = new Map<string, LocalConversation>();
  const conversation = (id: string) => {
    let c = conversations.get(id);
    if (!c) {
      c = new LocalConversation(id);
      conversations.set(id, c);
    }
    return c;
  };

  return (server: Server) => {
    // The port is known only after listen(): resolved per request from the server's own address.
    const serviceUrl = () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}${connectorPrefix}`;
    };

    const runTurn = (c: LocalConversation, activity: Partial<Activity>) =>
      c.enqueue(async () => {
        try {
          await options.adapter.processActivityDirect('', activity as Activity, (context) => options.bot.run(context));
        } catch (e) {
          options.log.error({ err: { name: (e as Error).name, stack: (e as Error).stack }, channelId: 'webchat' }, 'local web chat turn failed');
        }
      });

    /** The person's side: from the page, with the user's stable id and name, echoed back before the bot sees it. */
    const fromPage = (req: Request, res: Response, kind: 'activity' | 'join') => {
      const parsed = inbound.safeParse(req.body ?? {});
      const user = localUserOf(parsed.success ? parsed.data.user : undefined);
      if (!parsed.success || user.conversationId !== req.params.conversationId || (kind === 'activity' && !parsed.data.activity)) {
        res.send(400, { error: 'bad request' });
        return;
      }
      const c = conversation(user.conversationId);
      const locale = toLocale(parsed.data.lang) ?? options.defaultLocale;
      const base = {
        channelId: 'webchat',
        serviceUrl: serviceUrl(),
        conversation: { id: c.id, isGroup: false, conversationType: 'personal', name: '' },
        recipient: { ...bot },
        locale,
        timestamp: new Date(),
      };
      if (kind === 'join') {
        // What Direct Line sends when a conversation starts: the user joined, so the welcome shows.
        const update = { ...base, type: 'conversationUpdate', id: c.nextId(), from: { id: user.id, name: user.name, role: 'user' }, membersAdded: [{ id: user.id, name: user.name }] };
        void runTurn(c, update as Partial<Activity>);
        res.send(200, { id: update.id });
        return;
      }
      const a = parsed.data.activity!;
      const activity = {
        ...base,
        type: a.type,
        id: c.nextId(),
        from: { id: user.id, name: user.name, role: 'user' },
        ...(a.text !== undefined ? { text: a.text } : {}),
        ...(a.textFormat ? { textFormat: a.textFormat } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
        ...(a.name ? { name: a.name } : {}),
        ...(a.attachments ? { attachments: a.attachments } : {}),
        ...(a.entities ? { entities: a.entities } : {}),
        channelData: { clientActivityID: a.channelData?.clientActivityID },
      };
      c.deliver(activity as unknown as Partial<Activity>);
      if (a.type !== 'typing') void runTurn(c, activity as unknown as Partial<Activity>);
      res.send(200, { id: activity.id });
    };

    server.post(`${localPrefix}/conversations/:conversationId/join`, (req: Request, res: Response, next) => {
      fromPage(req, res, 'join');
      next();
    });
    server.post(`${localPrefix}/conversations/:conversationId/activities`, (req: Request, res: Response, next) => {
      fromPage(req, res, 'activity');
      next();
    });

    server.get(`${localPrefix}/conversations/:conversationId/stream`, (req: Request, res: Response, next) => {
      const id = String(req.params.conversationId ?? '');
      if (!/^lwc-[0-9a-f]{16}$/.test(id)) {
        res.send(404, { error: 'no such conversation' });
        next();
        return;
      }
      const c = conversation(id);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 2000\n\n');
      const sink: Sink = (activity) => res.write(`event: activity\ndata: ${JSON.stringify(activity)}\n\n`);
      c.sinks.add(sink);
      for (const waiting of c.pending.splice(0)) sink(waiting);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      req.on('close', () => {
        clearInterval(heartbeat);
        c.sinks.delete(sink);
      });
      next();
    });

    // The bot's side: the few Bot Connector calls CloudAdapter makes to its serviceUrl.
    const fromBot = (req: Request, res: Response) => {
      const c = conversation(String(req.params.conversationId ?? ''));
      const body = (req.body ?? {}) as Partial<Activity>;
      const id = req.method === 'PUT' && req.params.activityId ? String(req.params.activityId) : c.nextId();
      c.deliver({ ...body, id, timestamp: new Date(), from: { ...bot, ...body.from, role: 'bot' } });
      res.send(200, { id });
    };
    const reply = (req: Request, res: Response, next: () => void) => {
      fromBot(req, res);
      next();
    };
    server.post(`${connectorPrefix}/v3/conversations/:conversationId/activities`, reply);
    server.post(`${connectorPrefix}/v3/conversations/:conversationId/activities/:activityId`, reply);
    server.put(`${connectorPrefix}/v3/conversations/:conversationId/activities/:activityId`, reply);
    server.del(`${connectorPrefix}/v3/conversations/:conversationId/activities/:activityId`, (_req: Request, res: Response, next) => {
      res.send(200, {});
      next();
    });
  };
}
