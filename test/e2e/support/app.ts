import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../../src/config';
import { startApp, type RunningApp } from '../../../src';
import { resultsDir } from './browser';

export interface LocalApp {
  app: RunningApp;
  stop(): Promise<void>;
}

/** The whole app in local mode (embedded Cosmos, the web chat page, the scheduler) on an ephemeral loopback port, its data in a fresh folder. */
export async function startLocalApp(env: Record<string, string> = {}): Promise<LocalApp> {
  const dataDir = mkdtempSync(path.join(resultsDir, 'tmp-data-'));
  const app = await startApp(loadConfig({ PORT: '0', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }), { log: pino({ level: 'warn' }) });
  return {
    app,
    async stop() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
