import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { z } from 'zod';
import { InvalidStoredDocumentError, isNotFound, translateStoreError } from './errors';
import { documentId, withLogicalId, withStorableId } from './documentIds';
import { fromStored, toStored } from './storedNames';

type Stored = { id: string; _etag?: string };

/**
 * One document type in one container: every read is parsed with its zod schema, shared documents are
 * replaced only with IfMatch on their eTag, and SDK errors become CONFLICT / STORE_UNAVAILABLE.
 * Ids Cosmos cannot hold are hashed into storable ones (documentIds.ts); the code only sees logical ids.
 */
export class Documents<S extends z.ZodType<Stored>> {
  constructor(
    private readonly container: Container,
    private readonly schema: S,
  ) {}

  /** A stored document (its stored field names) → the code's document, validated. */
  parse(raw: unknown): z.output<S> {
    return this.validate(fromStored(withLogicalId(raw)));
  }

  private validate(raw: unknown): z.output<S> {
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as Stored).id) : '?';
      throw new InvalidStoredDocumentError(this.container.id, id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return parsed.data;
  }

  /** What is written: validated, without the server's _etag, with the stored field names. */
  private body(doc: z.output<S>): Stored {
    const { _etag, ...body } = this.validate(doc) as Stored;
    return withStorableId(toStored(body));
  }

  async read(id: string, partitionKey: string): Promise<z.output<S> | undefined> {
    const response = await guard(() => this.container.item(documentId(id), partitionKey).read());
    if (response.statusCode === 404 || !response.resource) return undefined;
    return this.parse(response.resource);
  }

  /** Fails with CONFLICT when the id exists already. */
  async create(doc: z.output<S>): Promise<z.output<S>> {
    const body = this.body(doc);
    const { resource } = await guard(() => this.container.items.create(body));
    return this.parse(resource);
  }

  /** Fails with CONFLICT when someone changed the document since `doc` was read. */
  async replace(doc: z.output<S>, partitionKey: string): Promise<z.output<S>> {
    const { _etag } = doc as Stored;
    const body = this.body(doc);
    const { resource } = await guard(() =>
      this.container.item(body.id, partitionKey).replace(body, _etag ? { accessCondition: { type: 'IfMatch', condition: _etag } } : {}),
    );
    return this.parse(resource);
  }

  /** For documents that are one fact each: a repeat is an idempotent overwrite. */
  async upsert(doc: z.output<S>): Promise<z.output<S>> {
    const body = this.body(doc);
    const { resource } = await guard(() => this.container.items.upsert(body));
    return this.parse(resource);
  }

  /** Deleting what is already gone is not an error. */
  async delete(id: string, partitionKey: string): Promise<void> {
    await guard(async () => {
      try {
        await this.container.item(documentId(id), partitionKey).delete();
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    });
  }

  async query(spec: SqlQuerySpec, partitionKey?: string): Promise<z.output<S>[]> {
    const { resources } = await guard(() =>
      this.container.items.query(spec, partitionKey === undefined ? {} : { partitionKey }).fetchAll(),
    );
    return resources.map((r) => this.parse(r));
  }
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw translateStoreError(e);
  }
}
