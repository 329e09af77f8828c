import { createHash } from 'node:crypto';
import { PrivateConversationState, calculateChangeHash, type StoreItem, type TurnContext } from 'botbuilder';
import { isDomainError } from '../domain/shared/errors';

interface Cached {
  state: Record<string, unknown>;
  hash: string;
  /** The stored document's eTag when it was read; undefined when there was none. */
  eTag?: string;
}

const cacheKey = Symbol('dialogStackState');

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
   * Whether this form answer repeats the one this person sent in this conversation within `windowMs`
   * (a double click on Save): the first is answered, the repeat is not. Two at the same moment both
   * try to write the marker; the one that loses the conditional write reads the winner's and sees the repeat.
   */
  async isRepeatedSubmit(context: TurnContext, value: unknown, nowMs: number, windowMs = 10_000): Promise<boolean> {
    const key = `${await this.storageKey(context)}/lastSubmit`;
    const hash = createHash('sha256').update(JSON.stringify(value)).digest('hex');
    for (let attempt = 0; attempt < 3; attempt++) {
      const last = (await this.storage.read([key]))[key] as { hash?: string; at?: number; eTag?: string } | undefined;
      if (last?.hash === hash && nowMs - (last.at ?? 0) < windowMs) return true;
      try {
        await this.storage.write({ [key]: { hash, at: nowMs, ...(last?.eTag ? { eTag: last.eTag } : {}) } });
        return false;
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
    }
    return false;
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
