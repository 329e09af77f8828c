import { BulkOperationType, type Container, type OperationInput, type SqlQuerySpec } from '@azure/cosmos';
import type { z } from 'zod';
import { containerSpecs } from './cosmosClient';
import { InvalidStoredDocumentError, isNotFound, translateStoreError } from './errors';
import { documentId, withLogicalId, withStorableId } from './documentIds';
import { fromStored, toStored } from './storedNames';
import { cached, forget, remember } from './turnCache';

type Stored = { id: string; _etag?: string };

/** One write of a transactional batch (batch.ts), prepared by the Documents of its type. */
export interface PreparedWrite<T> {
  container: Container;
  input: OperationInput;
  /** Its turn-cache key, forgotten when the batch fails. */
  key: string;
  /** The written document as the server returned it: parsed, and kept for the rest of the turn. */
  accept(resource: unknown): T;
}

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

  /** The turn cache's key of a document: by the id Cosmos stores (documentIds.ts), so reads and writes meet. */
  private key(id: string, partitionKey: string) {
    return `${this.container.id}\u0000${partitionKey}\u0000${documentId(id)}`;
  }

  /** A point read; within a turn, answered from what the turn already read or wrote (see turnCache). */
  async read(id: string, partitionKey: string): Promise<z.output<S> | undefined> {
    const key = this.key(id, partitionKey);
    const seen = cached(key);
    if (seen !== undefined) return seen === null ? undefined : this.parse(seen);
    const response = await guard(() => this.container.item(documentId(id), partitionKey).read());
    const found = response.statusCode === 404 || !response.resource ? undefined : response.resource;
    remember(key, found);
    return found === undefined ? undefined : this.parse(found);
  }

  /** The written document, kept for the rest of the turn under its partition (the container's key path). */
  private written(resource: Stored | undefined): z.output<S> {
    const partitionKey = resource && this.partitionOf(resource);
    const logicalId = (resource as { logicalId?: string } | undefined)?.logicalId ?? resource?.id;
    if (resource && logicalId && partitionKey !== undefined) remember(this.key(logicalId, partitionKey), resource);
    return this.parse(resource);
  }

  /** A write that failed (a lost IfMatch race, an id taken): the next read in this turn asks the server. */
  private async writing<T>(id: string, partitionKey: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await guard(write);
    } catch (e) {
      if (partitionKey !== undefined) forget(this.key(id, partitionKey));
      throw e;
    }
  }

  private partitionOf(body: Stored): string | undefined {
    const path = Object.values(containerSpecs).find((spec) => spec.id === this.container.id)?.partitionKey.slice(1);
    const value = path ? (body as Record<string, unknown>)[path] : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** Fails with CONFLICT when the id exists already. */
  async create(doc: z.output<S>): Promise<z.output<S>> {
    const body = this.body(doc);
    const { resource } = await this.writing((doc as Stored).id, this.partitionOf(body), () => this.container.items.create(body));
    return this.written(resource);
  }

  /** Fails with CONFLICT when someone changed the document since `doc` was read. */
  async replace(doc: z.output<S>, partitionKey: string): Promise<z.output<S>> {
    const { _etag } = doc as Stored;
    const body = this.body(doc);
    const { resource } = await this.writing((doc as Stored).id, partitionKey, () =>
      this.container.item(body.id, partitionKey).replace(body, _etag ? { accessCondition: { type: 'IfMatch', condition: _etag } } : {}),
    );
    return this.written(resource);
  }

  /** For documents that are one fact each: a repeat is an idempotent overwrite. */
  async upsert(doc: z.output<S>): Promise<z.output<S>> {
    const body = this.body(doc);
    const { resource } = await this.writing((doc as Stored).id, this.partitionOf(body), () => this.container.items.upsert(body));
    return this.written(resource);
  }

  /** A replace for writeTogether: IfMatch on the document's eTag, like `replace`. */
  replacing(doc: z.output<S>, partitionKey: string): PreparedWrite<z.output<S>> {
    const { _etag } = doc as Stored;
    const body = this.body(doc);
    const input: OperationInput = { operationType: BulkOperationType.Replace, id: body.id, partitionKey, resourceBody: body, ...(_etag ? { ifMatch: _etag } : {}) };
    return { container: this.container, input, key: this.key((doc as Stored).id, partitionKey), accept: (r) => this.written(r as Stored) };
  }

  /** A create for writeTogether: CONFLICT when the id exists, like `create`. */
  creating(doc: z.output<S>, partitionKey: string): PreparedWrite<z.output<S>> {
    const body = this.body(doc);
    const input: OperationInput = { operationType: BulkOperationType.Create, partitionKey, resourceBody: body };
    return { container: this.container, input, key: this.key((doc as Stored).id, partitionKey), accept: (r) => this.written(r as Stored) };
  }

  /** An upsert for writeTogether. */
  upserting(doc: z.output<S>, partitionKey: string): PreparedWrite<z.output<S>> {
    const body = this.body(doc);
    const input: OperationInput = { operationType: BulkOperationType.Upsert, partitionKey, resourceBody: body };
    return { container: this.container, input, key: this.key((doc as Stored).id, partitionKey), accept: (r) => this.written(r as Stored) };
  }

  /** Deleting what is already gone is not an error. */
  async delete(id: string, partitionKey: string): Promise<void> {
    remember(this.key(id, partitionKey), null);
    await this.writing(id, partitionKey, async () => {
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

export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw translateStoreError(e);
  }
}
