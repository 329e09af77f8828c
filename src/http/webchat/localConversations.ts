import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { LocalUser } from './page';

type Sink = (activity: Partial<Activity>) => void;

const maxPending = 100;

/**
 * One person's local web chat conversation. Its secret is random and handed only to the page that
 * opens it (GET /?user=…, readable by same-origin code only): without it nobody can read the stream,
 * post as the person or collect what waited for a closed tab.
 */
export class LocalConversation {
  readonly sinks = new Set<Sink>();
  /** The bot's activities while no page listens (a proactive notice to a closed tab), delivered on the next connect. */
  readonly pending: Partial<Activity>[] = [];
  readonly secret = randomBytes(24).toString('base64url');
  private turns: Promise<void> = Promise.resolve();
  private seq = 0;
  lastUsed = 0;

  constructor(
    readonly id: string,
    readonly user: LocalUser,
  ) {}

  holds(secret: unknown): boolean {
    return typeof secret === 'string' && sameSecret(secret, this.secret);
  }

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

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The conversations of this process, created only when a page opens; bounded, so a flood of names
 * cannot grow memory: the least recently used one without an open page makes room.
 */
export class LocalConversations {
  private readonly byId = new Map<string, LocalConversation>();

  constructor(
    private readonly max = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return this.byId.size;
  }

  /** The page's conversation (the same one for the same name while the process runs), or undefined when full of open pages. */
  open(user: LocalUser): LocalConversation | undefined {
    let c = this.byId.get(user.conversationId);
    if (!c) {
      if (this.byId.size >= this.max && !this.evictOne()) return undefined;
      c = new LocalConversation(user.conversationId, user);
      this.byId.set(c.id, c);
    }
    c.lastUsed = this.now();
    return c;
  }

  /** An existing conversation whose secret the caller holds. */
  authorized(id: string, secret: unknown): LocalConversation | undefined {
    const c = this.byId.get(id);
    if (!c || !c.holds(secret)) return undefined;
    c.lastUsed = this.now();
    return c;
  }

  /** For the bot's own connector calls (already authenticated by their key). */
  get(id: string): LocalConversation | undefined {
    return this.byId.get(id);
  }

  private evictOne(): boolean {
    let oldest: LocalConversation | undefined;
    for (const c of this.byId.values()) if (c.sinks.size === 0 && (!oldest || c.lastUsed < oldest.lastUsed)) oldest = c;
    if (!oldest) return false;
    this.byId.delete(oldest.id);
    return true;
  }
}
