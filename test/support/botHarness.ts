import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/domain/shared/clock';
import { startApp, type AppOptions, type RunningApp } from '../../src';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { TestConnector } from './connector';
import { PrivateTexts } from './privateTexts';

export interface Person {
  id: string;
  name: string;
  locale: 'fi' | 'sv' | 'en';
  conversationId: string;
}

let counter = 0;
export const person = (name: string, locale: Person['locale']): Person => {
  counter++;
  return { id: `${name.toLowerCase()}-${counter}`, name, locale, conversationId: `personal-${name.toLowerCase()}-${counter}` };
};

/** The real app on an ephemeral port, spoken to over HTTP like Teams would, answers read at a loopback connector. */
export class BotHarness {
  app!: RunningApp;
  config!: Config;
  private dataDir = '';
  private remoteUrl?: string;
  /** Checked when the harness stops: no one's limits in anyone else's card. */
  readonly privateTexts = new PrivateTexts();

  constructor(readonly connector = new TestConnector()) {}

  /** Speaks to a bot running in another process at `url`; its answers arrive at `connector` (started by the caller). */
  static remote(url: string, connector: TestConnector): BotHarness {
    const harness = new BotHarness(connector);
    harness.remoteUrl = url;
    return harness;
  }

  get url(): string {
    return this.remoteUrl ?? this.app.url;
  }

  /** The scheduler does not tick by itself here: a test that wants it calls `app.scheduler.tick()`. */
  /** With an app id: signs each activity's token (the Bot Framework's part, played by the test). */
  authorize?: (activity: Record<string, unknown>) => Promise<string>;

  /** `log`: a test that reads the logs passes its own pino logger (silent otherwise). */
  async start(
    env: Record<string, string> = {},
    options: { store?: CosmosStore; clock?: Clock; log?: pino.Logger } & Partial<Pick<AppOptions, 'channelAuth' | 'credentialsFactory' | 'allowLoopbackServiceUrl'>> = {},
  ): Promise<this> {
    const appOptions = options;
    await this.connector.start();
    this.dataDir = mkdtempSync(join(tmpdir(), 'gc-test-'));
    this.config = loadConfig({
      PORT: '0',
      LOCAL_DATA_DIR: this.dataDir,
      COSMOS_DATABASE: `http-${Date.now()}-${counter++}`,
      LOG_LEVEL: 'silent',
      ...env,
    });
    this.app = await startApp(this.config, { ...appOptions, startScheduler: false, log: options.log ?? pino({ level: 'silent' }) });
    return this;
  }

  async post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    const authorization: Record<string, string> = this.authorize && !headers.authorization ? { authorization: `Bearer ${await this.authorize(activity)}` } : {};
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization, ...headers },
      body: JSON.stringify(activity),
    });
    const fromId = (activity.from as { id?: string } | undefined)?.id;
    if (activity.type === 'invoke' && fromId) this.privateTexts.noteInvokeAnswer(fromId, await res.clone().text());
    return res;
  }

  /**
   * Many turns at once from one person: each answer is what the bot said in reply to that very
   * activity (its replyToId), so concurrent turns do not see each other's answers.
   */
  async sayAll(p: Person, texts: string[]): Promise<string[]> {
    const activities = texts.map((text) => this.base(p, { type: 'message', text }));
    const statuses = await Promise.all(activities.map(async (a) => (await this.post(a)).status));
    if (statuses.some((s) => s >= 300)) throw new Error(`bot answered HTTP ${statuses.find((s) => s >= 300)}`);
    return activities.map((a) => textOf(this.connector.received.filter((r) => r.body.replyToId === a.id).map((r) => r.body)));
  }

  private base(p: Person, extra: Record<string, unknown>) {
    return {
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      id: `in-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      from: { id: p.id, name: p.name, aadObjectId: `aad-${p.id}` },
      recipient: { id: 'bot-id', name: 'Group Coach' },
      conversation: { id: p.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      locale: p.locale,
      ...extra,
    };
  }

  /** Sends and returns what the bot answered in that conversation during this turn. */
  async say(p: Person, text: string, extra: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
    return this.turn(p, { type: 'message', text, ...extra });
  }

  async submit(p: Person, value: unknown): Promise<Record<string, any>[]> {
    this.privateTexts.noteSubmit(p, value);
    return this.turn(p, { type: 'message', value });
  }

  async turn(p: Person, activity: Record<string, unknown>): Promise<Record<string, any>[]> {
    const before = this.connector.received.length;
    const res = await this.post(this.base(p, activity));
    if (res.status >= 300) throw new Error(`bot answered HTTP ${res.status}`);
    return this.connector.received.slice(before).filter((r) => r.conversationId === (activity.conversation as any)?.id || r.conversationId === p.conversationId).map((r) => r.body);
  }

  async install(p: Person): Promise<Record<string, any>[]> {
    return this.turn(p, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }] });
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.connector.stop();
    // Tests clean up what they started: the data folder of this app's snapshot too.
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    this.privateTexts.check(this.connector.received);
  }
}

/** What a person types in their own language to answer the onboarding prompts. */
export const onboardingWords = {
  fi: { lang: 'Suomi', yes: 'Kyllä' },
  sv: { lang: 'Svenska', yes: 'Ja' },
  en: { lang: 'English', yes: 'Yes' },
} as const;

/** A leader's group through the dialog: the leader's name (asked first), the group's name, zone and language; returns the invite code. */
export async function createGroupAs(bot: BotHarness, leader: Person, names: { leader: string; group: string; zone?: string; language?: string }) {
  await bot.submit(leader, { action: 'newGroup' });
  await bot.say(leader, names.leader);
  await bot.say(leader, names.group);
  await bot.say(leader, names.zone ?? 'Europe/Helsinki');
  return inviteCodeIn(await bot.say(leader, names.language ?? onboardingWords[leader.locale].lang));
}

/** A participant from the menu's "join" through onboarding (limits skipped) to where the code is asked. */
export async function onboardToCode(bot: BotHarness, p: Person) {
  await bot.install(p);
  await bot.submit(p, { action: 'join' });
  await bot.say(p, onboardingWords[p.locale].lang);
  await bot.say(p, onboardingWords[p.locale].yes);
  await bot.say(p, p.name);
  return bot.submit(p, { action: 'limits.save', skip: true });
}

/** A participant from the menu's "join" through onboarding to a place in the group. */
export async function onboardAndJoin(bot: BotHarness, p: Person, code: string) {
  await onboardToCode(bot, p);
  return bot.say(p, code);
}

/** All readable text of the bot's answers: message text, card TextBlocks, FactSets, input labels and button titles. */
export function textOf(activities: Record<string, any>[]): string {
  const parts: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.text === 'string') parts.push(node.text);
    if (typeof node.title === 'string') parts.push(node.title);
    if (typeof node.label === 'string') parts.push(node.label);
    if (typeof node.value === 'string' && (node.type === 'imBack' || typeof node.title === 'string')) parts.push(node.value);
    Object.values(node).forEach(walk);
  };
  walk(activities);
  return parts.join('\n');
}

/** The data of every Action.Submit on the cards in these answers, in card-level actions and in ActionSets of the body. */
export function submitActions(activities: Record<string, any>[]): Array<{ title: string; data: any }> {
  const found: Array<{ title: string; data: any }> = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'Action.Submit') found.push({ title: node.title, data: node.data });
    Object.values(node).forEach(walk);
  };
  for (const a of activities) for (const att of a.attachments ?? []) walk(att.content);
  return found;
}

export function inviteCodeIn(activities: Record<string, any>[]): string {
  const match = /\b[2-9A-Z]{5}-[2-9A-Z]{5}\b/.exec(textOf(activities));
  if (!match) throw new Error('no invite code in the answer');
  return match[0];
}
