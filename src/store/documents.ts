import { createHash } from 'node:crypto';
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { z } from 'zod';
import { InvalidStoredDocumentError, isNotFound, translateStoreError } from './errors';

type Stored = { id: string; _etag?: string };

const maxCosmosIdLength = 255;
const hashedPrefix = '~';

/**
 * The document id Cosmos stores for a logical id: unchanged when Cosmos can hold it, otherwise (any of
 * / \ ? #, a control character, over 255 characters, or our own prefix) `~` + the SHA-256 of it, the
 * same every time. The logical id is kept beside it in `logicalId` and handed back on every read.
 */
export function documentId(logicalId: string): string {
  const storable = logicalId.length > 0 && logicalId.length <= maxCosmosIdLength && !/[/\\?#\u0000-\u001f\u007f]/.test(logicalId) && !logicalId.startsWith(hashedPrefix);
  return storable ? logicalId : hashedPrefix + createHash('sha256').update(logicalId, 'utf8').digest('hex');
}

/** The body as stored: the id Cosmos can hold, and the logical one beside it when they differ. */
export function toStored<T extends Stored>(doc: T): Omit<T, '_etag'> & { logicalId?: string } {
  const { _etag, ...body } = doc;
  const id = documentId(body.id);
  return id === body.id ? body : { ...body, id, logicalId: body.id };
}

/** A stored body with its logical id back. */
export function fromStored(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('logicalId' in raw)) return raw;
  const { logicalId, ...rest } = raw as { logicalId: unknown };
  return typeof logicalId === 'string' ? { ...rest, id: logicalId } : raw;
}

/**
 * One document type in one container: every read is parsed with its zod schema, shared documents are
 * replaced only with IfMatch on their eTag, and SDK errors become CONFLICT / STORE_UNAVAILABLE.
 */
export class Documents<S extends z.ZodType<Stored>> {
  constructor(
    private readonly container: Container,
    private readonly schema: S,
  ) {}

  parse(stored: unknown): z.output<S> {
    const raw = fromStored(stored);
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as Stored).id) : '?';
      throw new InvalidStoredDocumentError(this.container.id, id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return parsed.data;
  }

  async read(id: string, partitionKey: string): Promise<z.output<S> | undefined> {
    const response = await guard(() => this.container.item(documentId(id), partitionKey).read());
    if (response.statusCode === 404 || !response.resource) return undefined;
    return this.parse(response.resource);
  }

  /** Fails with CONFLICT when the id exists already. */
  async create(doc: z.output<S>): Promise<z.output<S>> {
    const body = toStored(this.parse(doc) as Stored);
    const { resource } = await guard(() => this.container.items.create(body));
    return this.parse(resource);
  }

  /** Fails with CONFLICT when someone changed the document since `doc` was read. */
  async replace(doc: z.output<S>, partitionKey: string): Promise<z.output<S>> {
    const parsed = this.parse(doc) as Stored;
    const body = toStored(parsed);
    const { resource } = await guard(() =>
      this.container.item(body.id, partitionKey).replace(body, parsed._etag ? { accessCondition: { type: 'IfMatch', condition: parsed._etag } } : {}),
    );
    return this.parse(resource);
  }

  /** For documents that are one fact each: a repeat is an idempotent overwrite. */
  async upsert(doc: z.output<S>): Promise<z.output<S>> {
    const body = toStored(this.parse(doc) as Stored);
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
