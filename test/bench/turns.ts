import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { embeddedCosmosKey, openCosmosStore } from '../../src/store/shared/cosmosClient';
import { BotHarness } from '../support/botHarness';
import { startCosmosProxy, type CosmosProxy } from '../support/cosmosProxy';
import { startStoreProcess } from '../support/processes';
import { startPlainEcho, startStockEcho } from './echoBots';
import { activityFor, echoKind, failureTexts, makeMembers, ourKinds, post, type Member, type TurnKind } from './world';

export interface Samples {
  ms: number[];
  cpuMs: number[];
  requests: number[];
}

export interface TurnFigures {
  /** 'plain echo', 'stock pattern', then our kinds. */
  subjects: Array<{ name: string; ours: boolean; samples: Samples }>;
  load: {
    conversations: number;
    oursTurns: number;
    stockTurns: number;
    /** Our turns that failed (HTTP error, no answer, or an apology), and of them the apologies. */
    errors: number;
    apologised: number;
    stockErrors: number;
    ours: number[];
    stock: number[];
    rssBeforeMb: number;
    rssAfterMb: number;
    loopDelayP99Ms: number;
    loopDelayMaxMs: number;
    seconds: number;
  };
}

interface Subject {
  name: string;
  ours: boolean;
  url: string;
  kind: TurnKind;
  samples: Samples;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function measureOne(subject: Subject, m: Member, serviceUrl: string, proxy: CosmosProxy, record: boolean) {
  for (const setup of subject.kind.setup?.(m) ?? []) await post(subject.url, activityFor(m, serviceUrl, setup));
  const activity = activityFor(m, serviceUrl, subject.kind.turn(m));
  const requests = proxy.count();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const status = await post(subject.url, activity);
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  m.turns++;
  if (status >= 300) throw new Error(`${subject.name}: HTTP ${status}`);
  if (!record) return;
  subject.samples.ms.push(ms);
  subject.samples.cpuMs.push((used.user + used.system) / 1000);
  subject.samples.requests.push(proxy.count() - requests);
}

/**
 * One embedded Cosmos server in its own process (`npm run store`, as a Cosmos account is elsewhere),
 * behind a counting proxy; in this process our app (the production composition, scheduler off), the
 * plain echo and the stock pattern, all answering through one loopback connector. Rounds are interleaved in a shuffled order so that a noisy neighbour on the
 * machine slows every subject alike.
 */
export async function runTurns(opts: { rounds: number; warmup: number; loadConversations: number; loadTurns: number }): Promise<TurnFigures> {
  const server = await startStoreProcess();
  const proxy = await startCosmosProxy(server.url);
  const stamp = Date.now();
  const ourStore = await openCosmosStore({ endpoint: proxy.endpoint, key: embeddedCosmosKey, database: `bench-ours-${stamp}`, embedded: true });
  const stockStore = await openCosmosStore({ endpoint: proxy.endpoint, key: embeddedCosmosKey, database: `bench-stock-${stamp}`, embedded: true });
  const bot = await new BotHarness().start({}, { store: ourStore });
  const plain = await startPlainEcho();
  const stock = await startStockEcho(stockStore.database);
  const connector = bot.connector;
  try {
    const groups = Math.ceil(opts.loadConversations / 4);
    const members = (await makeMembers(bot, groups)).slice(0, opts.loadConversations);
    const empty = (): Samples => ({ ms: [], cpuMs: [], requests: [] });
    const subjects: Subject[] = [
      { name: 'plain echo', ours: false, url: plain.url, kind: echoKind, samples: empty() },
      { name: 'stock pattern', ours: false, url: stock.url, kind: echoKind, samples: empty() },
      ...ourKinds.map((kind) => ({ name: kind.name, ours: true, url: bot.app.url, kind, samples: empty() })),
    ];
    for (let round = 0; round < opts.warmup + opts.rounds; round++) {
      const m = members[round % Math.min(8, members.length)]!;
      for (const subject of shuffle(subjects)) await measureOne(subject, m, connector.url, proxy, round >= opts.warmup);
    }

    connector.reset();
    const rssBefore = process.memoryUsage().rss;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const ours: number[] = [];
    const stockMs: number[] = [];
    let oursTurns = 0;
    // Which posts failed, per bot: an HTTP error, no answer at all, or an apology ("please try again").
    const failed = { ours: new Set<string>(), stock: new Set<string>() };
    const posted = { ours: [] as string[], stock: [] as string[] };
    const timed = async (bot: 'ours' | 'stock', into: number[], url: string, body: Record<string, unknown>) => {
      const id = body.id as string;
      posted[bot].push(id);
      const t0 = performance.now();
      try {
        if ((await post(url, body)) >= 300) failed[bot].add(id);
      } catch {
        failed[bot].add(id);
      }
      into.push(performance.now() - t0);
    };
    const t0 = performance.now();
    await Promise.all(
      members.map(async (m, c) => {
        // This conversation's turns: the kinds in turn (setup turns count), ours and the stock pattern's alternating.
        const steps: Array<() => Record<string, unknown>> = [];
        for (let i = 0; steps.length < opts.loadTurns; i++) {
          const kind = ourKinds[(c + i) % ourKinds.length]!;
          for (const setup of kind.setup?.(m) ?? []) steps.push(() => setup);
          steps.push(() => kind.turn(m));
        }
        for (const step of steps.slice(0, opts.loadTurns)) {
          await timed('ours', ours, bot.app.url, activityFor(m, connector.url, step()));
          oursTurns++;
          m.turns++;
          await timed('stock', stockMs, stock.url, activityFor(m, connector.url, echoKind.turn(m)));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    loop.disable();
    const rssAfter = process.memoryUsage().rss;
    // Every turn must have been answered, and none with an apology.
    const apologies = new Set(connector.received.filter((r) => failureTexts.some((text) => JSON.stringify(r.body).includes(text))).map((r) => r.body.replyToId as string));
    const answered = new Set(connector.received.map((r) => r.body.replyToId as string));
    for (const bot of ['ours', 'stock'] as const) {
      for (const id of posted[bot]) if (!answered.has(id) || apologies.has(id)) failed[bot].add(id);
    }
    const errors = failed.ours.size;
    const stockErrors = failed.stock.size;
    const apologised = posted.ours.filter((id) => apologies.has(id)).length;

    return {
      subjects: subjects.map(({ name, ours: isOurs, samples }) => ({ name, ours: isOurs, samples })),
      load: {
        conversations: members.length,
        oursTurns,
        stockTurns: stockMs.length,
        errors,
        stockErrors,
        apologised,
        ours,
        stock: stockMs,
        rssBeforeMb: rssBefore / 2 ** 20,
        rssAfterMb: rssAfter / 2 ** 20,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        seconds,
      },
    };
  } finally {
    await plain.stop();
    await stock.stop();
    await bot.stop();
    await ourStore.close();
    await stockStore.close();
    await proxy.close();
    await server.stop();
  }
}
