/**
 * `npm run bench`: throughput and latency of the real server over the seed portfolio and a generated
 * portfolio of N activities, each URL as a ratio of /healthz measured in the same run, plus chart
 * rendering times, and IATI import and export throughput beside the raw parse of the same file
 * (bench/iati.bench.ts). Fails only on errors (non-2xx answers, connection errors, a refused
 * import), never on slowness.
 *
 *   npm run bench -- [--activities N] [--duration S] [--warmup S] [--connections C] [--postgres] [--regenerate]
 *   npm run bench -- --iati-only [--iati-activities N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { buildServer } from '../src/server/server.ts';
import { generatedPostgres, generatedSqlite, seedSqlite, type BenchDatabase, type BuildInfo } from './databases.ts';
import { benchIati, iatiJson, iatiTable, type IatiReport } from './iati.bench.ts';
import { LARGE_IATI_ACTIVITIES } from './iati.file.ts';
import { measure, type LoadResult, type Target } from './load.ts';
import { buildLine, loadTable, ms, table } from './report.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);

const USAGE = `npm run bench -- [options]
  --activities N   size of the generated portfolio (default 100000, or BENCH_ACTIVITIES)
  --duration S     seconds of measured load per URL (default 10)
  --warmup S       seconds of unreported warm-up per URL (default 2)
  --connections C  concurrent connections (default 10)
  --postgres       also run the generated portfolio on PostgreSQL (BENCH_DATABASE_URL, default
                   postgres://postgres@127.0.0.1:5432/test; a schema of its own, dropped at the end)
  --regenerate     rebuild the generated SQLite database even if it is cached
  --page-cache     keep the portal's rendered-page cache on (as in production); by default it is
                   off, so every request renders its page
  --iati-only      only the IATI figures (no portal load, no charts)
  --skip-iati      no IATI figures
  --iati-activities N
                   activities generated for the large IATI file (default 57000, about 53 500 in the
                   file and 400 MB); the small file has a tenth of them
  --iati-no-postgres
                   IATI import and export into SQLite only
  --iati-worker    IATI import with reading and mapping in a worker thread whatever the cores (by
                   default as the command line does: a worker for 4 MB or more given 4 cores)
  --help`;

interface Options {
  activities: number;
  duration: number;
  warmup: number;
  connections: number;
  postgres: boolean;
  regenerate: boolean;
  pageCache: boolean;
  iati: boolean;
  portal: boolean;
  iatiActivities: number;
  iatiPostgres: boolean;
  iatiWorker: boolean;
}

function positiveInteger(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value.replace(/[_ ]/g, ''));
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`${name} must be a whole number of at least ${min}, not "${value}".\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

function options(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        activities: { type: 'string' }, duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' },
        postgres: { type: 'boolean', default: false }, regenerate: { type: 'boolean', default: false }, 'page-cache': { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
        'iati-only': { type: 'boolean', default: false }, 'skip-iati': { type: 'boolean', default: false }, 'iati-activities': { type: 'string' },
        'iati-no-postgres': { type: 'boolean', default: false },
        'iati-worker': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    activities: positiveInteger('--activities', parsed.activities ?? process.env.BENCH_ACTIVITIES, 100_000),
    duration: positiveInteger('--duration', parsed.duration, 10),
    warmup: positiveInteger('--warmup', parsed.warmup, 2, 0),
    connections: positiveInteger('--connections', parsed.connections, 10),
    postgres: parsed.postgres ?? false,
    regenerate: parsed.regenerate ?? false,
    pageCache: parsed['page-cache'] ?? false,
    iati: !(parsed['skip-iati'] ?? false),
    portal: !(parsed['iati-only'] ?? false),
    iatiActivities: positiveInteger('--iati-activities', parsed['iati-activities'], LARGE_IATI_ACTIVITIES, 10),
    iatiPostgres: !(parsed['iati-no-postgres'] ?? false),
    iatiWorker: parsed['iati-worker'] ?? false,
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A few published activities spread over the table, so the activity page rotates among them. */
async function activitySlugs(bench: BenchDatabase, count = 5): Promise<string[]> {
  const rows = await bench.db.selectFrom('activities').select('slug').where('publication', '=', 'published').orderBy('id').execute();
  if (rows.length === 0) throw new Error(`${bench.name} has no published activity`);
  const picked = new Set<string>();
  for (let k = 0; k < count; k++) picked.add(rows[Math.floor(((k + 0.5) * rows.length) / count)]!.slug);
  return [...picked];
}

async function targets(bench: BenchDatabase): Promise<Target[]> {
  const slugs = await activitySlugs(bench);
  return [
    { label: '/healthz', paths: ['/healthz'] },
    { label: '/', paths: ['/'] },
    { label: '/activities?kind=project&country=RS', paths: ['/activities?kind=project&country=RS'] },
    { label: '/activities?q=återvändande', paths: [`/activities?q=${encodeURIComponent('återvändande')}`] },
    { label: `/activities/<slug> (${slugs.length} rotating)`, paths: slugs.map((s) => `/activities/${s}`) },
    { label: '/api/activities?pageSize=50', paths: ['/api/activities?pageSize=50'] },
  ];
}

interface DatabaseReport {
  name: string;
  dialect: string;
  activities?: number;
  build?: BuildInfo;
  results: LoadResult[];
  error?: string;
}

interface ChartResult {
  chart: string;
  coldMs: number;
  msPerRender: number;
  renders: number;
  chars: number;
}

let current: BenchDatabase | undefined;

async function benchDatabase(open: () => Promise<BenchDatabase>, fallbackName: string, options: Options): Promise<DatabaseReport> {
  let bench: BenchDatabase;
  try {
    bench = await open();
  } catch (error) {
    log(`  ${fallbackName}: could not be built: ${(error as Error).stack ?? String(error)}`);
    return { name: fallbackName, dialect: '', results: [], error: `build failed: ${(error as Error).message}` };
  }
  current = bench;
  const report: DatabaseReport = { name: bench.name, dialect: bench.dialect, build: bench.build, results: [] };
  log(`\n${bench.name}: ${buildLine(bench.build)}`);
  try {
    const activities = await bench.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    report.activities = Number(activities.n);
    // Without the page cache every request renders; facet counts are still cached by data version.
    const app = await buildServer(bench.db, { logLevel: 'silent', ...(options.pageCache ? {} : { pageCacheBytes: 0 }) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      for (const target of await targets(bench)) {
        log(`  ${target.label}: ${options.warmup} s warm-up, ${options.duration} s measured …`);
        let result: LoadResult;
        try {
          result = await measure(base, target, options);
        } catch (error) {
          // One URL failing is reported; the others are still measured.
          const cause = (error as Error & { cause?: unknown }).cause;
          log(`    ${(error as Error).stack ?? String(error)}${cause ? `\n    cause: ${String(cause)}` : ''}`);
          report.error = [report.error, `${target.label}: ${(error as Error).message}`].filter(Boolean).join('; ');
          continue;
        }
        log(`    ${Math.round(result.requestsPerSecond)} req/s, p50 ${ms(result.latencyMs.p50)} ms, p99 ${ms(result.latencyMs.p99)} ms${result.settleSeconds > 1 ? `, server busy ${result.settleSeconds.toFixed(1)} s after the runs` : ''}${[...result.notes, ...result.problems].map((p) => `; ${p}`).join('')}`);
        report.results.push(result);
      }
    } finally {
      await app.close();
    }
  } catch (error) {
    log(`  ${bench.name}: ${(error as Error).stack ?? String(error)}`);
    report.error = (error as Error).message;
  } finally {
    current = undefined;
    await bench.close();
  }
  return report;
}

async function charts(): Promise<{ results?: ChartResult[]; skipped?: string; error?: string }> {
  const file = join(ROOT, 'src', 'charts', 'render.bench.ts');
  if (!existsSync(file)) return { skipped: 'src/charts/render.bench.ts is absent' };
  try {
    const module = (await import(pathToFileURL(file).href)) as { benchCharts?: unknown };
    if (typeof module.benchCharts !== 'function') return { skipped: 'src/charts/render.bench.ts does not export benchCharts()' };
    return { results: (module.benchCharts as () => ChartResult[])() };
  } catch (error) {
    return { error: (error as Error).stack ?? String(error) };
  }
}

function chartTable(results: ChartResult[]): string {
  return table(['chart', 'first ms', 'ms/render', 'renders', 'chars'],
    results.map((r) => [r.chart, ms(r.coldMs), ms(r.msPerRender), String(r.renders), r.chars.toLocaleString('en').replace(/,/g, ' ')]),
    [false, true, true, true, true]);
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const opts = options();
  const started = performance.now();
  const memory = new SQLite(':memory:');
  const sqliteVersion = (memory.prepare('select sqlite_version() as v').get() as { v: string }).v;
  memory.close();
  const environment = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    sqlite: sqliteVersion,
    commit: gitCommit(),
    /** Other work on the machine skews absolute figures (less so the ratios): the 1-minute load average. */
    loadAverage: { start: Math.round(loadavg()[0]! * 100) / 100, end: 0 },
  };
  if (opts.portal) log(`Samverka benchmark: ${opts.activities.toLocaleString('en')} generated activities, ${opts.duration} s per URL after ${opts.warmup} s warm-up, ${opts.connections} connections, pipelining 1`);

  const databases: [() => Promise<BenchDatabase>, string][] = opts.portal ? [
    [seedSqlite, 'seed portfolio (SQLite)'],
    [() => generatedSqlite(opts.activities, { regenerate: opts.regenerate }), `generated portfolio, ${opts.activities} activities (SQLite)`],
  ] : [];
  if (opts.portal && opts.postgres) databases.push([() => generatedPostgres(opts.activities), `generated portfolio, ${opts.activities} activities (PostgreSQL)`]);
  const reports: DatabaseReport[] = [];
  for (const [open, name] of databases) reports.push(await benchDatabase(open, name, opts));

  let chartReport: Awaited<ReturnType<typeof charts>> = { skipped: '--iati-only' };
  if (opts.portal) {
    log('\nRendering charts …');
    chartReport = await charts();
  }

  let iati: IatiReport | undefined;
  if (opts.iati) {
    const sizes = [Math.max(1, Math.round(opts.iatiActivities / 10)), opts.iatiActivities];
    log(`\nIATI import and export: generated files of ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} activities, each step in a child process …`);
    iati = await benchIati(sizes, { postgres: opts.iatiPostgres, worker: opts.iatiWorker }, log);
  }
  environment.loadAverage.end = Math.round(loadavg()[0]! * 100) / 100;

  const out: string[] = [];
  out.push('', `Samverka benchmark, ${new Date().toISOString()}${environment.commit ? `, commit ${environment.commit}` : ''}`);
  out.push(`Node ${environment.node}, ${environment.cpu}, ${environment.cores} cores, ${environment.memoryGiB} GiB, ${environment.platform}, SQLite ${environment.sqlite}`);
  out.push(`Machine load (1-minute load average) at start ${environment.loadAverage.start}, at end ${environment.loadAverage.end}${Math.max(environment.loadAverage.start, environment.loadAverage.end) > environment.cores / 2 ? ': other work was running, so absolute figures are low; compare the ratios' : ''}.`);
  if (opts.portal) {
    out.push(`Load: autocannon in a worker thread, ${opts.connections} connections, pipelining 1, ${opts.warmup} s warm-up (not reported) then ${opts.duration} s per URL; server in-process on 127.0.0.1; ` +
      `rendered-page cache ${opts.pageCache ? 'ON (--page-cache): repeated pages come from memory' : 'off: every request renders its page'}.`);
  }
  for (const report of reports) {
    out.push('', `== ${report.name}${report.activities !== undefined ? `: ${report.activities.toLocaleString('en')} activities in the database` : ''}`);
    if (report.build) out.push(buildLine(report.build));
    if (report.results.length) out.push('', loadTable(report.results));
    if (report.error) out.push(`ERROR: ${report.error}`);
  }
  if (opts.portal) {
    out.push('', '== Chart rendering (src/charts/render.bench.ts)');
    if (chartReport.results) out.push(chartTable(chartReport.results));
    else if (chartReport.skipped) out.push(`skipped: ${chartReport.skipped}`);
    else out.push(`ERROR: ${chartReport.error}`);
  }
  if (iati) {
    out.push('', '== IATI 2.03 import and export (bench/iati.bench.ts): each step in its own process; import = read, map, validate, upsert, search index, planner statistics; "vs parse" = MB/s over the faster of two raw saxes parses of the same file in this run (before and after the imports)');
    out.push(iatiTable(iati));
  }

  const problems = [
    ...reports.flatMap((r) => [...(r.error ? [`${r.name}: ${r.error}`] : []), ...r.results.flatMap((x) => x.problems.map((p) => `${r.name} ${x.label}: ${p}`))]),
    ...(chartReport.error ? [`charts: ${chartReport.error.split('\n')[0]}`] : []),
    ...(iati?.problems ?? []),
  ];
  out.push('', `Total time ${((performance.now() - started) / 1000).toFixed(0)} s. ${problems.length ? `FAILED, ${problems.length} problem(s):` : 'No errors.'}`);
  for (const p of problems) out.push(`  - ${p}`);
  process.stdout.write(`${out.join('\n')}\n`);

  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(), environment, options: opts,
    databases: reports.map((r) => {
      const reference = r.results.find((x) => x.label === '/healthz')?.requestsPerSecond;
      return { ...r, results: r.results.map((x) => ({ ...x, ratioToHealthz: reference ? x.requestsPerSecond / reference : null })) };
    }),
    charts: chartReport, ...(iati ? { iati: iatiJson(iati) } : {}), problems,
  };
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  log(`Results written to ${join('bench', 'results', 'latest.json')}`);
  return problems.length ? 1 : 0;
}

process.once('SIGINT', () => {
  log('\nInterrupted: closing the database (and dropping the PostgreSQL schema, if any) …');
  void (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
});

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
