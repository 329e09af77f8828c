import { DomainError } from '../../domain/shared/errors';
import { guard, type PreparedWrite } from './documents';
import { translateStoreError } from './errors';
import { forget } from './turnCache';

type Results<T extends unknown[]> = { [K in keyof T]: PreparedWrite<T[K]> };

/**
 * Writes documents of one partition all or nothing (a Cosmos transactional batch): when one write fails
 * (a replace whose eTag no longer matches: CONFLICT), none is made. The embedded server runs a batch in one
 * step of its event loop and stops at the first failure; the batch's first write is the one that can fail.
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
