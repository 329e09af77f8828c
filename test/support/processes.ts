import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real processes of this repository (the store, the bot) for benchmarks and the reliability suite. */

export const repoRoot = join(__dirname, '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `ready` resolves true; throws after `deadlineMs` (a bound, not a measurement). */
export async function waitUntil(what: string, ready: () => Promise<boolean> | boolean, deadlineMs = 30_000, everyMs = 50): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await Promise.resolve(ready()).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`gave up waiting: ${what} (${deadlineMs} ms)`);
}

export interface ChildApp {
  child: ChildProcess;
  url: string;
  /** What it wrote to stderr (for a failure message; logs carry no personal data). */
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function startChild(script: string, env: Record<string, string>, url: string): ChildApp {
  // node itself with tsx's loader, not the tsx CLI: that one runs the script in a child of its own, so a
  // SIGKILL would hit the wrapper and leave the app running.
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `npm run store` as its own process on a free port, data in a fresh folder unless given. */
export async function startStoreProcess(env: Record<string, string> = {}): Promise<ChildApp> {
  const port = await freePort();
  const app = startChild(
    'src/store/shared/standaloneStore.ts',
    { STORE_PORT: String(port), LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'gc-store-')), LOCAL_SNAPSHOT_SECONDS: '3600', ...env },
    `http://127.0.0.1:${port}`,
  );
  await waitUntil('the store process to answer', async () => (await fetch(`${app.url}/`)).status < 500);
  return app;
}

/** The bot (`src/index.ts`, the production entry point) as its own process on a free port. */
export async function startBotProcess(env: Record<string, string>): Promise<ChildApp> {
  const port = await freePort();
  const app = startChild('src/index.ts', { PORT: String(port), LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'gc-bot-')), ...env }, `http://127.0.0.1:${port}`);
  await waitUntil('the bot process to be healthy', async () => (await fetch(`${app.url}/healthz`)).status === 200, 60_000);
  return app;
}
