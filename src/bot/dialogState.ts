import { createHash } from 'node:crypto';
import { PrivateConversationState, calculateChangeHash, type StoreItem, type TurnContext } from 'botbuilder';

interface Cached {
  state: Record<string, unknown>;
  hash: string;
  /** The stored document's eTag when it was read; undefined when there was none. */
  eTag?: string;
}

const cacheKey = Symbol('dialogStackState');
const lastFormAnswerKey = 'lastFormAnswer';

/** The hash a form answer is compared by: its payload as sent. */
export const formAnswerHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The per-user, per-conversation dialog stack, saved with optimistic concurrency. botbuilder's BotState
 * overwrites every save with eTag '*' (last write wins), so two turns of the same person racing — a double
 * click, a retry — could interleave their stacks. This keeps the eTag read at the start of the turn: the
 * second save fails with CONFLICT (the person gets a "please try again", nothing is half-written) and
 * a first save creates rather than upserts.
 */
export class ConcurrencySafeDialogState extends PrivateConversationState {
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(cacheKey) as Cached | undefined;
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const { eTag, ...state } = (items[key] ?? {}) as StoreItem;
    context.turnState.set(cacheKey, { state, hash: calculateChangeHash(state), eTag } satisfies Cached);
    return state;
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(cacheKey) as Cached | undefined)?.state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(cacheKey) as Cached | undefined;
    if (!cached || (!force && cached.hash === calculateChangeHash(cached.state))) return;
    const key = await this.storageKey(context);
    const item: StoreItem = { ...cached.state, ...(cached.eTag ? { eTag: cached.eTag } : {}) };
    await this.storage.write({ [key]: item });
    // The storage puts the new eTag on the item it wrote: a second save in the same turn stays conditional.
    cached.eTag = typeof item.eTag === 'string' ? item.eTag : undefined;
    cached.hash = calculateChangeHash(cached.state);
  }

  /**
   * The last form answer of this person in this conversation, kept in the same document as the stack
   * (so it costs no request of its own): a hash of the payload and when it came.
   */
  lastFormAnswer(context: TurnContext): { hash: string; at: number } | undefined {
    return this.get(context)?.[lastFormAnswerKey] as { hash: string; at: number } | undefined;
  }

  markFormAnswer(context: TurnContext, hash: string, at: number): void {
    const state = this.get(context);
    if (state) state[lastFormAnswerKey] = { hash, at };
  }

  /** After a lost race: the form answer the winner stored (one read, only then). */
  async storedFormAnswer(context: TurnContext): Promise<{ hash: string; at: number } | undefined> {
    const key = await this.storageKey(context);
    return ((await this.storage.read([key]))[key] as Record<string, unknown> | undefined)?.[lastFormAnswerKey] as { hash: string; at: number } | undefined;
  }

  override async clear(context: TurnContext): Promise<void> {
    const cached = context.turnState.get(cacheKey) as Cached | undefined;
    context.turnState.set(cacheKey, { state: {}, hash: '', eTag: cached?.eTag } satisfies Cached);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }
}
