import { z } from 'zod';

/**
 * The shape of an inbound Bot Framework activity, checked before any turn runs: what no channel sends
 * (a number as locale, no type, a serviceUrl that is not a web address) is a 400 and nothing else.
 * Ids are bounded so that no id can grow a stored document id past what Cosmos holds.
 */

/** Channels send null for fields they leave out; null and absent mean the same here. */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());

export const maxIdLength = 512;
const id = z.string().min(1).max(maxIdLength);
const shortText = (max: number) => opt(z.string().max(max));

const account = z.looseObject({
  id,
  name: shortText(256),
  aadObjectId: shortText(maxIdLength),
  role: shortText(50),
});

export const activityTypes = [
  'message',
  'contactRelationUpdate',
  'conversationUpdate',
  'typing',
  'endOfConversation',
  'event',
  'invoke',
  'invokeResponse',
  'deleteUserData',
  'messageUpdate',
  'messageDelete',
  'installationUpdate',
  'messageReaction',
  'suggestion',
  'trace',
  'handoff',
  'command',
  'commandResult',
] as const;

/** The types that run a turn; the others are acknowledged and dropped (nothing is read or stored for them). */
export const turnTypes: ReadonlySet<string> = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke']);

export const inboundActivitySchema = z.looseObject({
  type: z.enum(activityTypes),
  id: shortText(256),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    conversationType: shortText(50),
    tenantId: shortText(128),
    isGroup: opt(z.boolean()),
    name: shortText(512),
  }),
  locale: shortText(35),
  text: opt(z.string()),
  textFormat: shortText(20),
  value: z.unknown().optional(),
  name: shortText(256),
  action: shortText(50),
  timestamp: shortText(64),
  localTimestamp: shortText(64),
  replyToId: shortText(256),
  membersAdded: opt(z.array(account).max(100)),
  membersRemoved: opt(z.array(account).max(100)),
  attachments: opt(z.array(z.looseObject({ contentType: z.string().max(256) })).max(20)),
  entities: opt(z.array(z.looseObject({ type: z.string().max(100) })).max(50)),
  channelData: opt(z.record(z.string(), z.unknown())),
});
export type InboundActivity = z.output<typeof inboundActivitySchema>;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopbackHost = (hostname: string) => loopbackHosts.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/** Where replies go: https; in local mode a loopback address (http or https) and nothing else; in tests with an app id, either. */
export function serviceUrlAllowed(serviceUrl: string, loopbackOnly: boolean, alsoLoopback = false): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const loopback = (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  if (loopbackOnly) return loopback;
  return url.protocol === 'https:' || (alsoLoopback && loopback);
}

export type GateResult = { ok: true; activity: InboundActivity } | { ok: false; reason: string };

/** The parsed body (restify parsed the JSON) against the shape. The reason is for logs only. */
export function checkActivity(body: unknown): GateResult {
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.path.join('.') || '(body)').slice(0, 5).join(',') };
  return { ok: true, activity: parsed.data };
}
