import type { CosmosStore } from '../../src/store/shared/cosmosClient';

/** Every stored document of every container, as "container/id" → its JSON without the server's own fields. */
export async function scanStore(store: CosmosStore): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const [name, container] of Object.entries(store.containers)) {
    const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const { _rid, _self, _etag, _attachments, _ts, ...body } = doc;
      all.set(`${name}/${String(doc.id)}`, JSON.stringify(body));
    }
  }
  return all;
}

/** What was added or changed between two scans. */
export function changedBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([key, body]) => before.get(key) !== body).map(([key]) => key);
}
