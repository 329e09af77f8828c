/**
 * `npm run bench`: one markdown table of figures (no assertions). Parts: turns against two echo bots
 * and a load run (turns.ts), the scheduler (scheduler.ts), the start of `npm start` (start.ts).
 *   npm run bench                      everything (about 2–3 minutes on 2 cores)
 *   npm run bench -- --only scheduler  one part (turns | load | scheduler | activities | start); bench:scheduler is this
 *   BENCH_ROUNDS=200                   measured rounds per turn kind (default 150)
 */
import { cpus, totalmem } from 'node:os';
import { runActivities, type ActivityFigure } from './activities';
import { runScheduler, type SchedulerFigures } from './scheduler';
import { runStart, type StartFigures } from './start';
import { runTurns, type TurnFigures } from './turns';

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => percentile(values, 50);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

type Row = [what: string, p50: string, p99: string, cpu: string, requests: string, xPlain: string, xStock: string, notes: string];

function turnRows(t: TurnFigures): Row[] {
  const plain = t.subjects.find((s) => s.name === 'plain echo')!;
  const stock = t.subjects.find((s) => s.name === 'stock pattern')!;
  const plainP50 = median(plain.samples.ms);
  const stockP50 = median(stock.samples.ms);
  const rows: Row[] = t.subjects.map(({ name, ours, samples }) => {
    const p50 = median(samples.ms);
    const xPlain = p50 / plainP50;
    const xStock = p50 / stockP50;
    const target = ours ? `target ≤ 1.0× stock and ≤ 2.5× plain: ${met(xStock <= 1 && xPlain <= 2.5)}` : `n = ${samples.ms.length}`;
    return [name, f(p50), f(percentile(samples.ms, 99)), f(mean(samples.cpuMs), 2), f(mean(samples.requests), 2), `${f(xPlain, 2)}×`, `${f(xStock, 2)}×`, target];
  });
  const l = t.load;
  const oursP99 = percentile(l.ours, 99);
  const stockP99 = percentile(l.stock, 99);
  rows.push(
    [
      `load: ours, ${l.conversations} conversations × ${l.oursTurns / l.conversations} turns (mixed kinds)`,
      f(median(l.ours)),
      f(oursP99),
      '',
      '',
      '',
      `${f(median(l.ours) / median(l.stock), 2)}×`,
      `failed turns ${l.errors} of ${l.oursTurns} (${l.apologised} answered "please try again"; target 0: ${met(l.errors === 0)}); p99 ≤ stock's: ${met(oursP99 <= stockP99)}; ${f(l.seconds)} s in all`,
    ],
    [
      `load: stock pattern, same conversations, interleaved`,
      f(median(l.stock)),
      f(stockP99),
      '',
      '',
      '',
      '',
      `failed turns ${l.stockErrors} of ${l.stockTurns}; RSS ${f(l.rssBeforeMb, 0)} → ${f(l.rssAfterMb, 0)} MB; event-loop delay p99 ${f(l.loopDelayP99Ms)} ms, max ${f(l.loopDelayMaxMs)} ms`,
    ],
  );
  return rows;
}

function schedulerRows(s: SchedulerFigures): Row[] {
  const r = s.reminders;
  return [
    ['scheduler: idle tick (0 due of 10,000 stored jobs)', f(s.idle.ms), '', '', f(s.idle.requests), '', '', `Cosmos requests and mean ms per tick`],
    [
      `scheduler: a reminder sent (${r.sent} due, real checks and reads)`,
      f(r.msPerReminder, 2),
      '',
      '',
      f(r.requestsPerReminder, 2),
      '',
      '',
      `mean ms and Cosmos requests per reminder, target ≤ 4: ${met(r.requestsPerReminder <= 4)}; planning ${f(r.planning.requestsPerMeeting)} requests per meeting`,
    ],
    ...[s.one, s.two].map(
      (d): Row => [
        `scheduler: ${d.instances} instance${d.instances > 1 ? 's' : ''} on ${d.jobs} due jobs (no-op send)`,
        f(d.ms / d.jobs, 2),
        '',
        '',
        f(d.requestsPerJob, 2),
        '',
        '',
        `mean ms and requests per job; lost claims ${d.lost}${d.instances > 1 ? ` (target ≤ 10 %: ${met(d.lost <= d.jobs / 10)})` : ''}, duplicates ${d.duplicates}, missed ${d.missed}`,
      ],
    ),
  ];
}

function activityRows(figures: ActivityFigure[]): Row[] {
  return figures.map((a) => [a.what, f(median(a.ms)), f(percentile(a.ms, 99)), '', f(a.requestsPerTurn), '', '', `n = ${a.ms.length}, one process, sequential turns`]);
}

function startRows(s: StartFigures): Row[] {
  const npm = median(s.npmStartMs);
  return [
    [`start: \`npm start\` → first answered turn (median of ${s.npmStartMs.length})`, f(npm, 0), '', '', '', '', '', `target ≤ 3000 ms: ${met(npm <= 3000)}; runs ${s.npmStartMs.map((x) => f(x, 0)).join(', ')} ms`],
    [`start: \`node dist/src/index.js\` → first answered turn`, f(median(s.nodeOnlyMs), 0), '', '', '', '', '', `runs ${s.nodeOnlyMs.map((x) => f(x, 0)).join(', ')} ms (build before: ${f(s.buildMs / 1000)} s)`],
  ];
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const wants = (part: string) => !only || only === part || (only === 'load' && part === 'turns');
  const rounds = Number(process.env.BENCH_ROUNDS ?? 150);
  const rows: Row[] = [];
  const t0 = Date.now();
  if (wants('turns')) rows.push(...turnRows(await runTurns({ rounds: only === 'load' ? 5 : rounds, warmup: 20, loadConversations: 200, loadTurns: 10 })));
  if (wants('scheduler')) rows.push(...schedulerRows(await runScheduler()));
  if (wants('activities')) rows.push(...activityRows(await runActivities()));
  if (wants('start')) rows.push(...startRows(await runStart()));

  const cpu = cpus();
  console.log(
    `\n**${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC** — ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${f(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}; embedded Cosmos server over loopback HTTP, ` +
      `Cosmos requests counted at a proxy in front of it; ${rounds} interleaved rounds per turn kind; whole run ${f((Date.now() - t0) / 1000, 0)} s\n`,
  );
  const header: Row = ['', 'p50 ms', 'p99 ms', 'CPU ms/turn', 'Cosmos req', '× plain echo', '× stock', 'notes'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 || i === 7 ? '---' : '--:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
