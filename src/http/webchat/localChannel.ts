import type { AddressInfo } from 'node:net';
import type { Activity, ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { toLocale, type Locale } from '../../domain/shared/locale';
import { errorForLog } from '../../logging/redact';
import type { LocalConversation, LocalConversations } from './localConversations';

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
const heartbeatMs = 20_000;

const inbound = z.object({
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

/** The page sends its conversation's secret in this header (and as ?secret= on the event stream, which cannot send headers). */
export const secretHeader = 'x-local-webchat-secret';

export interface LocalChannelOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  defaultLocale: Locale;
  /** Shared with the page route, which opens them. */
  conversations: LocalConversations;
}

export function registerLocalChannel(options: LocalChannelOptions) {
  const { conversations } = options;
  // The bot's replies go to serviceUrl = our connector under this random key: nothing else can post there.
  const botKey = randomBytes(18).toString('base64url');

  return (server: Server) => {
    // The port is known only after listen(): resolved per request from the server's own address.
    const serviceUrl = () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}${connectorPrefix}/${botKey}`;
    };

    const runTurn = (c: LocalConversation, activity: Partial<Activity>) =>
      c.enqueue(async () => {
        try {
          await options.adapter.processActivityDirect('', activity as Activity, (context) => options.bot.run(context));
        } catch (e) {
          options.log.error({ err: errorForLog(e), channelId: 'webchat' }, 'local web chat turn failed');
        }
      });

    /** The person's side: from the page, with the user's stable id and name, echoed back before the bot sees it. */
    const fromPage = (req: Request, res: Response, kind: 'activity' | 'join') => {
      const c = conversations.authorized(String(req.params.conversationId ?? ''), req.headers[secretHeader]);
      if (!c) {
        res.send(403, { error: 'not your conversation' });
        return;
      }
      const parsed = inbound.safeParse(req.body ?? {});
      if (!parsed.success || (kind === 'activity' && !parsed.data.activity)) {
        res.send(400, { error: 'bad request' });
        return;
      }
      const { user } = c;
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
      const secret = new URL(req.url ?? '/', 'http://localhost').searchParams.get('secret');
      const c = conversations.authorized(String(req.params.conversationId ?? ''), secret);
      if (!c) {
        res.send(403, { error: 'not your conversation' });
        next();
        return;
      }
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
      const c = req.params.botKey === botKey ? conversations.get(String(req.params.conversationId ?? '')) : undefined;
      if (!c) {
        res.send(req.params.botKey === botKey ? 404 : 401, { error: 'not the bot of this process' });
        return;
      }
      const body = (req.body ?? {}) as Partial<Activity>;
      const id = req.method === 'PUT' && req.params.activityId ? String(req.params.activityId) : c.nextId();
      c.deliver({ ...body, id, timestamp: new Date(), from: { ...bot, ...body.from, role: 'bot' } });
      res.send(200, { id });
    };
    const reply = (req: Request, res: Response, next: () => void) => {
      fromBot(req, res);
      next();
    };
    server.post(`${connectorPrefix}/:botKey/v3/conversations/:conversationId/activities`, reply);
    server.post(`${connectorPrefix}/:botKey/v3/conversations/:conversationId/activities/:activityId`, reply);
    server.put(`${connectorPrefix}/:botKey/v3/conversations/:conversationId/activities/:activityId`, reply);
    server.del(`${connectorPrefix}/:botKey/v3/conversations/:conversationId/activities/:activityId`, (req: Request, res: Response, next) => {
      res.send(req.params.botKey === botKey ? 200 : 401, {});
      next();
    });
  };
}
