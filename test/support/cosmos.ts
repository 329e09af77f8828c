import { randomUUID } from 'node:crypto';
import { openCosmosStore, startEmbeddedCosmos, type CosmosStore, type EmbeddedCosmosServer } from '../../src/store/shared/cosmosClient';

/** One embedded Cosmos server per test process, a fresh database per call: the production store code, no fakes. */
let server: Promise<EmbeddedCosmosServer> | undefined;

export function embeddedServer(): Promise<EmbeddedCosmosServer> {
  server ??= startEmbeddedCosmos();
  return server;
}

export async function freshStore(prefix = 'test'): Promise<CosmosStore> {
  const { endpoint, key } = await embeddedServer();
  return openCosmosStore({ endpoint, key, database: `${prefix}-${randomUUID()}`, embedded: true });
}
