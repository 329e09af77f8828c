import { ConfigError, loadConfig, type Config } from './config';

/**
 * What every process of the app (`npm start`, `npm run store`) does around its own work: read the
 * config or say in one line what is wrong with it, stop once on SIGINT/SIGTERM, and report an
 * unexpected failure of its main with exit code 1.
 */

/** The environment's config; a ConfigError is printed in one line and the process exits 1. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

/** On the first SIGINT or SIGTERM: `stop()` once (a second signal while stopping is ignored), then exit 0, or 1 if stopping failed. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown());
}

/** A process' main, run when its file is started itself: an unexpected failure is printed and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
