import { createHash } from 'node:crypto';

const maxCosmosIdLength = 255;
const hashedPrefix = '~';

/**
 * The document id Cosmos stores for a logical id: unchanged when Cosmos can hold it, otherwise (any of
 * / \ ? #, a control character, over 255 characters, or our own prefix) `~` + the SHA-256 of it, the
 * same every time. Channel and user ids come from outside, so any of them can end up in an id.
 */
export function documentId(logicalId: string): string {
  const storable =
    logicalId.length > 0 && logicalId.length <= maxCosmosIdLength && !/[/\\?#\u0000-\u001f\u007f]/.test(logicalId) && !logicalId.startsWith(hashedPrefix);
  return storable ? logicalId : hashedPrefix + createHash('sha256').update(logicalId, 'utf8').digest('hex');
}

/** The body as written: the id Cosmos can hold, and the logical one beside it (`logicalId`) when they differ. */
export function withStorableId<T extends { id: string }>(body: T): T {
  const id = documentId(body.id);
  return id === body.id ? body : { ...body, id, logicalId: body.id };
}

/** A stored body with its logical id back (before the zod parse). */
export function withLogicalId(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('logicalId' in raw)) return raw;
  const { logicalId, ...rest } = raw as { logicalId: unknown };
  return typeof logicalId === 'string' ? { ...rest, id: logicalId } : raw;
}
