import { DomainError } from '../../domain/shared/errors';
import { guard, type PreparedWrite } from './documents';
import { translateStoreError } from './errors';
import { forget } from './turnCache';

type Results<T extends unknown[]> = { [K in keyof T]: PreparedWrite<T[K]> };

/**
 * Writes documents of one partition all or nothing (a Cosmos transactional batch): when one write fails
 * (a replace whose eTag no longer matches, a create whose id exists: CONFLICT), none is made. The embedded
 * server runs a batch in one step of its event loop (nothing else interleaves) but stops at the first failure
 * without undoing the writes before it: callers put the writes that can fail first, or make the earlier ones
 * harmless when the batch fails.
 */
export async function writeTogether<T extends unknown[]>(partitionKey: string, ...writes: Results<T>): Promise<T> {
  const container = writes[0]?.container;
  if (!container) throw new Error('writeTogether needs at least one write');
  try {
    const response = await guard(() => container.items.batch(writes.map((w) => w.input), partitionKey));
    const results = response.result ?? [];
    const failed = results.find((r) => r.statusCode >= 400 && r.statusCode !== 424) ?? results.find((r) => r.statusCode >= 400);
    if (failed || results.length !== writes.length) throw translateStoreError({ statusCode: failed?.statusCode ?? 500 });
    return writes.map((w, i) => w.accept(results[i]!.resourceBody)) as T;
  } catch (e) {
    for (const w of writes) forget(w.key);
    throw e instanceof DomainError ? e : translateStoreError(e);
  }
}
