import { createHash } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { InvalidStoredDocumentError, translateStoreError } from './errors';

const stateDocument = z.object({ id: z.string(), key: z.string(), type: z.literal('dialogState'), document: z.record(z.string(), z.unknown()), _etag: z.string() });

/** Cosmos ids may not hold / \ ? # and are at most 255 characters; keys are hashed into a safe id. */
export const stateId = (key: string) => `s-${createHash('sha256').update(key).digest('hex')}`;

/**
 * botbuilder Storage over the `botstate` container, for the dialog stack only. An item that carries
 * an eTag is replaced only if unchanged (412 → CONFLICT: the turn fails instead of overwriting a newer
 * stack); one without an eTag is created (409 → CONFLICT when someone created it first); '*' (what
 * botbuilder's BotState always sends) upserts. After a write the item carries its new eTag.
 */
export class CosmosDialogStateStorage implements Storage {
  /** `ttlSeconds`: a conversation's stack untouched this long is removed (Cosmos `ttl`; local mode: the expiry sweep). */
  constructor(
    private readonly container: Container,
    private readonly ttlSeconds: number = 30 * 86_400,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = stateId(key);
        const response = await this.container.item(id, id).read().catch((e: unknown) => {
          throw translateStoreError(e);
        });
        if (response.statusCode === 404 || !response.resource) return;
        const parsed = stateDocument.safeParse(response.resource);
        if (!parsed.success) throw new InvalidStoredDocumentError(this.container.id, id, parsed.error.message);
        items[key] = { ...parsed.data.document, eTag: parsed.data._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...document } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
        const id = stateId(key);
        const body = { id, key, type: 'dialogState', document, ttl: this.ttlSeconds };
        try {
          const response =
            eTag === '*'
              ? await this.container.items.upsert(body)
              : eTag
                ? await this.container.item(id, id).replace(body, { accessCondition: { type: 'IfMatch', condition: eTag } })
                : await this.container.items.create(body);
          if (item && response.etag) (item as { eTag?: string }).eTag = response.etag;
        } catch (e) {
          throw translateStoreError(e);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = stateId(key);
        await this.container
          .item(id, id)
          .delete()
          .catch((e: unknown) => {
            if ((e as { code?: number }).code !== 404) throw translateStoreError(e);
          });
      }),
    );
  }
}
