import type { ConversationRef } from '../../src/domain/people/model';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Clock } from '../../src/domain/shared/clock';
import type { Group } from '../../src/domain/groups/model';
import { SchedulerRunner, type RunnerOptions } from '../../src/scheduler/runner';
import type { MeetingJobDeps } from '../../src/scheduler/handlers';
import { compose, type Composition } from '../../src/composition';
import type { JobHandlers } from '../../src/scheduler/jobs';
import { testConfig } from '../support/testConfig';
import type { Messenger, OutboundMessage, SendOutcome } from '../../src/services/shared/ports';
import type { ReflectionPrompter, ReflectionRequest, ReminderRenderer } from '../../src/services/meetings/ports';
import { openCosmosStore, type CosmosStore } from '../../src/store/shared/cosmosClient';

/** A clock the test moves by hand: nothing here waits on the wall clock. */
export class ManualClock implements Clock {
  private at: number;
  constructor(iso: string) {
    this.at = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;

export const silentLog = pino({ level: 'silent' });

export interface SentMessage {
  ownerId: string;
  conversationId: string;
  message: OutboundMessage;
}

type Script = (ownerId: string, conversationId: string, message: OutboundMessage) => SendOutcome | Promise<SendOutcome> | undefined;

/** Records every send; scripted outcomes (first that answers) stand in for a connector's answers. */
export class RecordingMessenger implements Messenger {
  readonly sent: SentMessage[] = [];
  private scripts: Script[] = [];

  script(script: Script): void {
    this.scripts.push(script);
  }

  clearScripts(): void {
    this.scripts = [];
  }

  async send(ownerId: string, conversationId: string, message: OutboundMessage): Promise<SendOutcome> {
    for (const script of this.scripts) {
      const outcome = await script(ownerId, conversationId, message);
      if (outcome) return outcome;
    }
    this.sent.push({ ownerId, conversationId, message });
    return { kind: 'sent' };
  }

  /** The text of each send, split into the renderer's fields. */
  texts(): string[][] {
    return this.sent.map((s) => (s.message.text ?? '').split('|'));
  }
}

/** kind|meetingId|recipient|offset|locale|jobId|previousStartsAt — easy to assert on. */
export const textRenderer: ReminderRenderer = {
  render: (r) => ({
    text: [r.kind, r.meeting.id, r.recipientId, r.offsetMinutes ?? '-', r.locale, r.jobId, r.previousStartsAt ?? '-'].join('|'),
  }),
};

export class RecordingPrompter implements ReflectionPrompter {
  readonly prompts: Array<{ groupId: string; meetingId: string; userId: string }> = [];
  async prompt({ group, meeting, userId }: ReflectionRequest): Promise<SendOutcome> {
    this.prompts.push({ groupId: group.groupId, meetingId: meeting.id, userId });
    return { kind: 'sent' };
  }
}

export const leaderId = 'msteams:leader';
export const memberIds = ['msteams:p1', 'msteams:p2', 'msteams:p3', 'msteams:p4'] as const;
export const personalChat = (userId: string) => `personal-${userId}`;

/** A stored reference to a person's 1:1 chat with the bot, served at `serviceUrl`. */
export function personalRef(userId: string, serviceUrl: string, updatedAt: string): ConversationRef {
  return {
    id: `ref:${personalChat(userId)}`,
    userId,
    conversationType: 'personal',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: personalChat(userId), conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: '28:bot' },
      user: { id: `29:${userId}` },
    },
    updatedAt,
  };
}

export interface World {
  store: CosmosStore;
  clock: ManualClock;
  group: Group;
  jobs: Composition['repositories']['jobs'];
  meetingsRepo: Composition['repositories']['meetings'];
  users: Composition['repositories']['users'];
  pauses: Composition['repositories']['pauses'];
  prefsRepo: Composition['repositories']['prefs'];
  refs: Composition['repositories']['refs'];
  meetings: Composition['services']['meetings'];
  attendance: Composition['services']['attendance'];
  overview: Composition['services']['overview'];
  prefs: Composition['services']['reminders'];
  messenger: RecordingMessenger;
  prompter: RecordingPrompter;
  handlerDeps: MeetingJobDeps;
  /** The whole composition, for features beyond meetings (the leader's side). */
  app: Composition;
  runner(instanceId?: string, options?: Partial<RunnerOptions>, handlers?: JobHandlers): SchedulerRunner;
}

let groupCounter = 0;

/**
 * A group (leader + four participants, each with a personal chat reference) in `zone`, on a fresh
 * database of the embedded server, with the production repositories, services and handlers.
 */
export async function makeWorld(store: CosmosStore, startIso: string, zone = 'Europe/Helsinki', env: Record<string, string> = {}): Promise<World> {
  const clock = new ManualClock(startIso);
  const at = clock.now().toISOString();
  const messenger = new RecordingMessenger();
  const prompter = new RecordingPrompter();
  const app = compose({ store, clock, config: testConfig(env), messenger: () => messenger, renderer: textRenderer, prompter: () => prompter });
  const { groups, users, refs, jobs, meetings: meetingsRepo, prefs: prefsRepo, pauses } = app.repositories;
  const groupId = `g-test-${++groupCounter}`;
  const group = await groups.create({
    id: groupId,
    groupId,
    name: 'Kuntosali',
    timeZone: zone,
    locale: 'fi',
    leaderId,
    members: memberIds.map((userId) => ({ userId, displayName: userId.slice(8), joinedAt: at })),
    linkedChatIds: [],
    createdAt: at,
    updatedAt: at,
  });
  for (const userId of [leaderId, ...memberIds]) {
    const existing = await users.get(userId);
    if (!existing) {
      await users.save({ id: userId, userId, canLead: userId === leaderId, leadsGroupIds: userId === leaderId ? [groupId] : [], groupId, createdAt: at, updatedAt: at });
    }
    await refs.upsert(personalRef(userId, 'http://127.0.0.1:9/', at));
  }
  const { meetings, attendance, overview, reminders: prefs } = app.services;
  const handlerDeps = app.handlerDeps;
  return {
    store,
    clock,
    group,
    jobs,
    meetingsRepo,
    users,
    pauses,
    prefsRepo,
    refs,
    meetings,
    attendance,
    overview,
    prefs,
    messenger,
    prompter,
    handlerDeps,
    app,
    runner: (instanceId = 'instance-a', options = {}, handlers = app.jobHandlers) =>
      new SchedulerRunner(jobs, handlers, clock, silentLog, { instanceId, ...options }),
  };
}

/** Ticks until nothing is due (bounded, so a bug cannot loop forever). */
export async function drain(runner: SchedulerRunner, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const report = await runner.tick();
    if (report.due === 0) return;
  }
  throw new Error('still due after many ticks');
}

/**
 * A store on its own embedded server that counts the HTTP requests reaching it: what a tick costs in
 * Cosmos requests, measured at the server rather than guessed from the SDK.
 */
export async function countingStore(database = 'counted'): Promise<{ store: CosmosStore; requests: () => number; close: () => Promise<void> }> {
  const server = createHttpServer();
  let count = 0;
  server.on('request', () => count++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const store = await openCosmosStore({
    endpoint: `http://127.0.0.1:${port}`,
    key: Buffer.from('counting-embedded-cosmos-key').toString('base64'),
    database,
    embedded: true,
  });
  return {
    store,
    requests: () => count,
    close: async () => {
      await store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
