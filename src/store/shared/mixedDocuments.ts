import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { z } from 'zod';
import type { Versioned } from '../../domain/shared/version';
import type { Documents } from './documents';
import { InvalidStoredDocumentError, translateStoreError } from './errors';

type Parsed<D> = D extends Documents<infer S> ? Versioned<z.output<S>> : never;
/** One document of a mixed query, named by its stored type. */
export type OneOf<K> = { [T in keyof K]: { type: T; doc: Parsed<K[T]> } }[keyof K];

/**
 * One query over several document types of one partition (a person's, a group's): each result is
 * parsed by the Documents of its stored `type`; a type not named is an invalid document.
 */
export async function queryMixed<K extends Record<string, Documents<z.ZodType<{ id: string }>>>>(
  container: Container,
  kinds: K,
  spec: SqlQuerySpec,
  partitionKey: string,
): Promise<OneOf<K>[]> {
  let resources: Array<{ id?: string; type?: string }>;
  try {
    ({ resources } = await container.items.query<{ id?: string; type?: string }>(spec, { partitionKey }).fetchAll());
  } catch (e) {
    throw translateStoreError(e);
  }
  return resources.map((raw) => {
    const docs = typeof raw.type === 'string' && Object.hasOwn(kinds, raw.type) ? kinds[raw.type] : undefined;
    if (!docs) throw new InvalidStoredDocumentError(container.id, String(raw.id ?? '?'), `type: ${String(raw.type)} is not one of ${Object.keys(kinds).join(', ')}`);
    return { type: raw.type, doc: docs.parse(raw) } as OneOf<K>;
  });
}
