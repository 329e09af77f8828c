import 'dotenv/config';
import pino, { type Logger } from 'pino';
import type { Config } from '../../config';
import { configOrExit, runMain, stopOnSignals } from '../../processLifecycle';
import { openCosmosStore, startEmbeddedCosmos } from './cosmosClient';
import { LocalSnapshot } from './localSnapshot';

export interface RunningStore {
  endpoint: string;
  snapshotPath: string;
  stop(): Promise<void>;
}

/**
 * `npm run store`: the embedded Cosmos-compatible server on its own, so that several bot processes
 * (`COSMOS_ENDPOINT=http://127.0.0.1:8081 npm start`) share one store like instances on one Azure
 * account. It keeps its data the way `npm start` does: LOCAL_DATA_DIR/cosmos-snapshot.json, loaded at
 * start, saved every LOCAL_SNAPSHOT_SECONDS and at shutdown (database COSMOS_DATABASE).
 */
export async function startStandaloneStore(config: Config, log: Logger): Promise<RunningStore> {
  const server = await startEmbeddedCosmos(config.storePort);
  const store = await openCosmosStore({ endpoint: server.endpoint, key: server.key, database: config.cosmos.database, embedded: true });
  const snapshot = new LocalSnapshot(store, config.localDataDir, log);
  const restored = await snapshot.restore();
  snapshot.startPeriodic(config.localSnapshotSeconds);
  log.info(
    { endpoint: server.endpoint, database: config.cosmos.database, dataFile: snapshot.path, restoredDocuments: restored },
    `embedded Cosmos store on ${server.endpoint}: start bots with COSMOS_ENDPOINT=${server.endpoint}`,
  );
  return {
    endpoint: server.endpoint,
    snapshotPath: snapshot.path,
    stop: async () => {
      await snapshot.stop();
      await store.close();
      await server.close();
    },
  };
}

async function main() {
  const config = configOrExit();
  const log = pino({ level: config.logLevel, base: { app: 'group-coach-store' } });
  const running = await startStandaloneStore(config, log);
  stopOnSignals(() => running.stop());
}

if (require.main === module) runMain(main);
