import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface ContainerSpec {
  id: string;
  partitionKey: string;
  /** -1: TTL on, per document (documents without `ttl` never expire). */
  defaultTtl?: number;
}

/**
 * groups: everything of one group in one small partition.
 * users: a profile and its conversation references; group chats as `chat:{conversationId}`.
 * jobs: partitioned by `/pk` = due state bucket (see scheduler); the due query stays within one partition.
 * botstate: the dialog stack only.
 */
export const containerSpecs = {
  groups: { id: 'groups', partitionKey: '/groupId' },
  users: { id: 'users', partitionKey: '/userId', defaultTtl: -1 },
  jobs: { id: 'jobs', partitionKey: '/pk' },
  botstate: { id: 'botstate', partitionKey: '/id' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containerSpecs;
export type Containers = Record<ContainerName, Container>;

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Containers;
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface CosmosOptions {
  endpoint: string;
  /** Without a key the client authenticates with managed identity (Entra ID). */
  key?: string;
  database: string;
  /** The embedded server has no regions: discovery would re-read the account before every call. */
  embedded?: boolean;
  /** A request that has not answered by then fails (STORE_UNAVAILABLE), so a turn can give up in time. */
  requestTimeoutMs?: number;
  /** Throttled (429) requests: retries and the longest total wait, both kept short for the same reason. */
  maxRetries?: number;
  maxRetryWaitSeconds?: number;
}

export const defaultStoreTimeouts = { requestTimeoutMs: 3000, maxRetries: 2, maxRetryWaitSeconds: 3 } as const;

/** The key the SDK signs with against the embedded server (which checks no signature); it needs a base64 one. */
export const embeddedCosmosKey = Buffer.from('group-coach-embedded-cosmos-key').toString('base64');

/**
 * A plain-http endpoint on this machine is the embedded server (`npm run store`), never an Azure
 * account: endpoint discovery would switch it to HTTPS and re-read the account before every call.
 */
export function isLoopbackHttpEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export async function openCosmosStore(opts: CosmosOptions): Promise<CosmosStore> {
  const local = opts.embedded || isLoopbackHttpEndpoint(opts.endpoint);
  const key = opts.key ?? (local ? embeddedCosmosKey : undefined);
  const client = new CosmosClient({
    endpoint: opts.endpoint,
    ...(key ? { key } : { aadCredentials: new DefaultAzureCredential() }),
    connectionPolicy: {
      enableEndpointDiscovery: !local,
      requestTimeout: opts.requestTimeoutMs ?? defaultStoreTimeouts.requestTimeoutMs,
      retryOptions: {
        maxRetryAttemptCount: opts.maxRetries ?? defaultStoreTimeouts.maxRetries,
        maxWaitTimeInSeconds: opts.maxRetryWaitSeconds ?? defaultStoreTimeouts.maxRetryWaitSeconds,
      },
    },
  });
  const { database } = await client.databases.createIfNotExists({ id: opts.database });
  const entries = await Promise.all(
    Object.entries(containerSpecs).map(async ([name, spec]) => {
      const { container } = await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        // Per-document expiry: a document with `ttl` (seconds after its last write) is removed by Cosmos;
        // the embedded server ignores it, so local mode runs the expiry sweep (expirySweep.ts) instead.
        defaultTtl: -1,
      });
      return [name, container] as const;
    }),
  );
  const containers = Object.fromEntries(entries) as Containers;
  return {
    client,
    database,
    containers,
    ping: async () => {
      await database.read();
    },
    close: async () => client.dispose(),
  };
}

export interface EmbeddedCosmosServer {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

/** The Cosmos-compatible server on loopback: plain HTTP, an ephemeral port unless given, nothing kept on disk by itself. */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmosServer> {
  const server: Server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    key: embeddedCosmosKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
