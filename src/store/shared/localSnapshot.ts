import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { CosmosStore } from './cosmosClient';

const fileName = 'cosmos-snapshot.json';
const systemFields = ['_rid', '_self', '_etag', '_attachments', '_ts'];

type Snapshot = { version: 1; savedAt: string; containers: Record<string, Record<string, unknown>[]> };

/**
 * The embedded server keeps nothing across restarts, so local mode writes every container to one
 * JSON file (atomically: temp file + rename) now and then and at shutdown, and loads it at start.
 * It goes through @azure/cosmos like everything else.
 */
export class LocalSnapshot {
  readonly path: string;
  private timer?: NodeJS.Timeout;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: CosmosStore,
    dir: string,
    private readonly log: Logger,
  ) {
    this.path = join(resolve(dir), fileName);
  }

  async restore(): Promise<number> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
    const snapshot = JSON.parse(raw) as Snapshot;
    let count = 0;
    for (const [name, docs] of Object.entries(snapshot.containers)) {
      const container = this.store.containers[name as keyof CosmosStore['containers']];
      if (!container) continue;
      for (const doc of docs) {
        await container.items.upsert(doc);
        count++;
      }
    }
    return count;
  }

  save(): Promise<void> {
    // One save at a time; a save asked for during another runs after it.
    this.saving = this.saving.then(() => this.write()).catch((e: unknown) => {
      this.log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'local snapshot failed');
    });
    return this.saving;
  }

  private async write(): Promise<void> {
    const containers: Snapshot['containers'] = {};
    for (const [name, container] of Object.entries(this.store.containers)) {
      const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
      containers[name] = resources.map((doc) => Object.fromEntries(Object.entries(doc).filter(([k]) => !systemFields.includes(k))));
    }
    const snapshot: Snapshot = { version: 1, savedAt: new Date().toISOString(), containers };
    await mkdir(join(this.path, '..'), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(snapshot), { mode: 0o600 });
    await rename(temp, this.path);
  }

  startPeriodic(seconds: number): void {
    this.timer = setInterval(() => void this.save(), seconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.save();
  }
}
