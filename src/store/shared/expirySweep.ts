import type { Containers } from './cosmosClient';
import { containerSpecs, type ContainerName } from './cosmosClient';
import { cosmosStatus, translateStoreError } from './errors';

/**
 * Cosmos DB removes a document whose `ttl` (seconds after its last write, `_ts`) has passed; the
 * embedded server of local mode keeps everything. This does the same for local mode, for ANY document
 * of ANY container that carries a `ttl` (finished jobs, stale dialog states, check-ins, whatever comes
 * next): one query per container, `_ts + ttl <= now`, and a delete per expired document.
 */
export async function sweepExpired(containers: Containers, now: Date): Promise<{ deleted: number; byContainer: Record<string, number> }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const byContainer: Record<string, number> = {};
  let deleted = 0;
  for (const name of Object.keys(containerSpecs) as ContainerName[]) {
    const container = containers[name];
    if (!container) continue;
    const field = containerSpecs[name].partitionKey.slice(1);
    const { resources } = await container.items
      .query<Record<string, unknown>>({
        query: 'SELECT * FROM c WHERE IS_NUMBER(c.ttl) AND c.ttl > 0 AND c._ts + c.ttl <= @now',
        parameters: [{ name: '@now', value: nowSeconds }],
      })
      .fetchAll()
      .catch((e: unknown) => {
        throw translateStoreError(e);
      });
    let count = 0;
    for (const doc of resources) {
      try {
        await container.item(String(doc.id), doc[field] as string).delete();
        count++;
      } catch (e) {
        if (cosmosStatus(e) !== 404) throw translateStoreError(e);
      }
    }
    byContainer[name] = count;
    deleted += count;
  }
  return { deleted, byContainer };
}
