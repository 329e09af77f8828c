import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestConnector } from '../support/connector';
import { freePort, repoRoot as root } from '../support/processes';
import { activityFor, post } from './world';

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // npm runs the app in a child of its own: the whole process group we started goes.
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns the command as a person would, then posts "hei" until the bot answers it; ms from spawn to that answer. */
async function timeToFirstAnswer(command: string, args: string[], connector: TestConnector, deadlineMs = 60_000): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-bench-start-'));
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', COSMOS_ENDPOINT: '' },
  });
  try {
    const me = { id: 'bench-start', name: 'Aino', locale: 'fi' as const, conversationId: `personal-bench-start-${port}` };
    while (performance.now() - t0 < deadlineMs) {
      const before = connector.received.length;
      const status = await post(`http://127.0.0.1:${port}`, activityFor(me, connector.url, { type: 'message', text: 'hei' })).catch(() => 0);
      if (status === 200 && connector.received.length > before) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode} before answering`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${command}: no answer within ${deadlineMs} ms`);
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface StartFigures {
  buildMs: number;
  npmStartMs: number[];
  nodeOnlyMs: number[];
}

/** Builds once (as after an install), then times `npm start` and `node dist/src/index.js` to the first answered turn. */
export async function runStart(runs = 3): Promise<StartFigures> {
  const b0 = performance.now();
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const buildMs = performance.now() - b0;
  const connector = await new TestConnector().start();
  try {
    const npmStartMs: number[] = [];
    const nodeOnlyMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      npmStartMs.push(await timeToFirstAnswer('npm', ['start', '--silent'], connector));
      nodeOnlyMs.push(await timeToFirstAnswer(process.execPath, ['dist/src/index.js'], connector));
    }
    return { buildMs, npmStartMs, nodeOnlyMs };
  } finally {
    await connector.stop();
  }
}
