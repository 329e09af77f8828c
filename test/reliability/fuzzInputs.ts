import fc from 'fast-check';
import { features } from '../../dialogs/router';

/** Everything the fuzz sends: a JSON activity, or a raw body with its content type. */
export type FuzzInput =
  | { kind: 'activity'; expect: 'bad' | 'ok'; personaIndex?: number; body: Record<string, unknown> }
  | { kind: 'raw'; expect: 'bad'; contentType: string | undefined; body: string };

export interface FuzzWorld {
  serviceUrl: string;
  personas: Array<{ fromId: string; aadObjectId: string; conversationId: string; locale: string }>;
  groupIds: string[];
  meetingIds: string[];
}

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u202d', '👩‍👩‍👧‍👦'.repeat(50), 'ZZZZZ-ZZZZZ', 'menu', 'apua', 'avbryt', 'cancel', '<at>Group Coach</at>', '{{name}}', '${a}', 'DROP TABLE'),
  fc.integer({ min: 1000, max: 30_000 }).map((n) => 'ä'.repeat(n)),
);
const wrongType = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const wrongForObject = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }));

/** Card actions every feature declares (a new feature's actions are fuzzed by themselves), and some nobody does. */
const actionNames = [...new Set(features.flatMap((f) => f.actions.map((a) => a.action)))];

function cardPayload(world: FuzzWorld) {
  const someId = fc.oneof(
    fc.constantFrom(...world.groupIds, ...world.meetingIds),
    fc.string({ maxLength: 40 }),
    fc.constant('../x#y?z'),
    wrongType,
  );
  return fc.oneof(
    fc.record(
      {
        action: fc.oneof(fc.constantFrom(...actionNames), fc.string({ maxLength: 20 }), wrongType),
        groupId: someId,
        meetingId: someId,
        jobId: someId,
        answer: fc.oneof(fc.constantFrom('yes', 'no', 'maybe'), fc.string({ maxLength: 5 })),
        minutes: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })),
        members: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), wrongType),
        title: oddText,
        date: fc.oneof(fc.constant('2026-12-09'), fc.string({ maxLength: 12 })),
        time: fc.oneof(fc.constant('10:00'), fc.string({ maxLength: 6 })),
        msteams: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    ),
    wrongType,
    fc.string({ maxLength: 30 }),
  );
}

/** A well-formed activity from one of the personas (so replies can be checked for their language). */
function validBase(world: FuzzWorld, personaIndex: number, extra: Record<string, unknown>) {
  const p = world.personas[personaIndex]!;
  return {
    channelId: 'msteams',
    serviceUrl: world.serviceUrl,
    id: `fz-${Math.random().toString(36).slice(2)}`,
    from: { id: p.fromId, aadObjectId: p.aadObjectId },
    recipient: { id: 'bot-id' },
    conversation: { id: p.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: p.locale,
    ...extra,
  };
}

const requiredPaths = ['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'from.id', 'recipient.id', 'conversation.id'];
const typedPaths = ['type', 'channelId', 'serviceUrl', 'locale', 'text', 'timestamp', 'id', 'from.id', 'conversation.id', 'recipient.id', 'textFormat', 'replyToId', 'name'];
const objectPaths = ['from', 'recipient', 'conversation', 'membersAdded', 'attachments', 'entities', 'channelData'];

function mutate(body: Record<string, any>, path: string, value: unknown | typeof remove): Record<string, any> {
  const copy = structuredClone(body);
  const [head, tail] = path.split('.') as [string, string | undefined];
  const target = tail ? (copy[head] ??= {}) : copy;
  const key = tail ?? head;
  if (value === remove) delete target[key];
  else target[key] = value;
  return copy;
}
const remove = Symbol('remove');

export function fuzzInputs(world: FuzzWorld, counts: { malformed: number; raw: number; messages: number; updates: number }, seed: number): FuzzInput[] {
  const persona = fc.integer({ min: 0, max: world.personas.length - 1 });
  const malformed = fc
    .tuple(
      persona,
      fc.oneof(
        fc.tuple(fc.constantFrom(...requiredPaths), fc.constant<unknown>(remove)),
        fc.tuple(fc.constantFrom(...typedPaths), wrongType),
        fc.tuple(fc.constantFrom(...objectPaths), wrongForObject),
        fc.tuple(fc.constant('type'), fc.string({ maxLength: 12 }).filter((s) => !['message', 'typing', 'event', 'invoke', 'trace', 'command', 'handoff', 'suggestion'].includes(s))),
        fc.tuple(fc.constantFrom('from.id', 'conversation.id'), fc.integer({ min: 600, max: 5000 }).map((n) => 'x'.repeat(n))),
        fc.tuple(fc.constant('serviceUrl'), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'https://attacker.example/', 'not a url', 'http://10.0.0.1/')),
      ),
    )
    .map(([i, [path, value]]) => ({ kind: 'activity' as const, expect: 'bad' as const, body: mutate(validBase(world, i, { type: 'message', text: 'hi' }), path, value) }));

  const raw = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 200 }).filter((s) => !isJsonObject(s)).map((body) => ({ kind: 'raw' as const, expect: 'bad' as const, contentType: 'application/json', body })) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', undefined), persona).map(([contentType, i]) => ({
      kind: 'raw' as const,
      expect: 'bad' as const,
      contentType,
      body: contentType === 'application/x-www-form-urlencoded' ? 'type=message&text=my+data&from.id=x' : JSON.stringify(validBase(world, i, { type: 'message', text: 'hi' })),
    })) },
    // Over the 256 KB body limit.
    { weight: 1, arbitrary: fc.integer({ min: 270_000, max: 600_000 }).map((n) => ({ kind: 'raw' as const, expect: 'bad' as const, contentType: 'application/json', body: JSON.stringify({ type: 'message', text: 'y'.repeat(n) }) })) },
  );

  const messages = fc
    .tuple(persona, fc.option(oddText, { nil: undefined }), fc.option(cardPayload(world), { nil: undefined }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }))
    .map(([i, text, value, locale]) => ({
      kind: 'activity' as const,
      expect: 'ok' as const,
      personaIndex: i,
      // A junk client locale never wins over the language the person chose.
      body: validBase(world, i, { type: 'message', ...(text !== undefined ? { text } : {}), ...(value !== undefined ? { value } : {}), ...(locale !== undefined ? { locale } : {}) }),
    }));

  const member = fc.record({ id: fc.oneof(fc.constant('bot-id'), fc.string({ minLength: 1, maxLength: 40 })), name: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) });
  const updates = fc
    .tuple(
      persona,
      fc.oneof(
        fc.record({ type: fc.constant('conversationUpdate'), membersAdded: fc.array(member, { maxLength: 4 }), membersRemoved: fc.array(member, { maxLength: 2 }) }),
        fc.record({ type: fc.constant('installationUpdate'), action: fc.oneof(fc.constantFrom('add', 'remove', 'add-upgrade'), fc.string({ maxLength: 10 })) }),
        fc.record({ type: fc.constant('invoke'), name: fc.oneof(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'signin/verifyState', 'composeExtension/query'), fc.string({ maxLength: 20 })), value: fc.option(cardPayload(world), { nil: undefined }) }),
        fc.record({ type: fc.constantFrom('typing', 'endOfConversation', 'event', 'messageReaction', 'messageUpdate', 'messageDelete', 'deleteUserData') }),
      ),
      fc.boolean(),
      fc.string({ minLength: 1, maxLength: 60 }),
    )
    .map(([i, extra, stranger, strangerId]) => {
      const body = validBase(world, i, extra) as Record<string, any>;
      // Half from people the bot has never seen, in conversations it has never seen.
      if (stranger) Object.assign(body, { from: { id: `stranger-${strangerId}` }, conversation: { id: `conv-${strangerId}`, conversationType: 'personal' } });
      return { kind: 'activity' as const, expect: 'ok' as const, body };
    });

  const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, offset: number) => fc.sample(arb, { numRuns, seed: seed + offset });
  return [
    ...sample<FuzzInput>(malformed, counts.malformed, 1),
    ...sample<FuzzInput>(raw, counts.raw, 2),
    ...sample<FuzzInput>(messages, counts.messages, 3),
    ...sample<FuzzInput>(updates, counts.updates, 4),
  ];
}

function isJsonObject(s: string): boolean {
  try {
    const v = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
