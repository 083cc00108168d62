/**
 * One measurement of the IATI benchmark, run in a process of its own so that its peak memory
 * (maxRSS) is its own. Prints one line of JSON on standard output.
 *
 *   node --import tsx bench/iati.child.ts parse FILE
 *   node --import tsx bench/iati.child.ts import FILE DATABASE_URL [worker]
 *   node --import tsx bench/iati.child.ts export DATABASE_URL
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { SaxesParser } from 'saxes';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { writeIatiFile } from '../src/iati/iati.export.ts';
import { mapsInWorker } from '../src/iati/import/iati.batches.ts';
import { importIatiFile } from '../src/iati/import/iati.import.ts';
import { GENERATED_AT } from './iati.file.ts';

export interface ChildResult {
  seconds: number;
  bytes: number;
  activities: number;
  /** Peak resident set size of this process, in bytes. */
  maxRss: number;
  outcomes?: Record<string, number>;
  errors?: number;
  warnings?: number;
  critical?: string;
  /** SHA-256 of what the export wrote. */
  sha256?: string;
  /** Whether the import read and mapped in a worker thread. */
  worker?: boolean;
  /** CPU seconds the step used, where they went (see CpuSampler). */
  cpu?: CpuUse;
  /** An import into SQLite: the seconds spent inside SQLite's own calls (see timeSqliteCalls). */
  sqliteSeconds?: number;
}

/**
 * Times every call into SQLite from now on (preparing a statement, running one, reading its rows,
 * exec), as wall time on this thread, where better-sqlite3 runs them one after another: what the
 * database's own work takes, beside the import's work in JavaScript. Returns the seconds so far.
 * The clock reads cost about 0.1 µs a call, against tens of µs for the calls themselves.
 */
function timeSqliteCalls(): () => number {
  let nanoseconds = 0n;
  const timed = (prototype: object, name: string) => {
    const target = prototype as Record<string, (...args: unknown[]) => unknown>;
    const call = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return call.apply(this, args);
      } finally {
        nanoseconds += process.hrtime.bigint() - started;
      }
    };
  };
  const probe = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as object;
  probe.close();
  for (const name of ['run', 'get', 'all']) timed(statement, name);
  // pragma() prepares and runs a statement itself, so it is counted through those.
  for (const name of ['prepare', 'exec']) timed(SQLite.prototype, name);
  return () => Number(nanoseconds) / 1e9;
}

/**
 * CPU seconds in this process's main thread, in its busiest other thread (the import's worker,
 * when there is one), in all its other threads together (the garbage collector's helpers, I/O),
 * and in the local PostgreSQL server's processes. Wall time mixes these with whatever else the
 * machine runs; these figures say which part would limit the step on an idle machine.
 */
export interface CpuUse {
  main: number;
  busiest: number;
  rest: number;
  postgres: number;
  /**
   * The busiest PostgreSQL process alone: the backend of the import's one transaction, which runs
   * in one process (so on one core). Absent from results of commits before it was measured.
   */
  postgresBusiest?: number;
}

/** CPU seconds (user + system) from a /proc stat line. */
function statCpu(path: string): { name: string; seconds: number } | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return undefined; // The thread or process ended between listing and reading.
  }
}

/** Samples every thread of this process (threads end, so their last reading is kept) and the PostgreSQL processes. */
class CpuSampler {
  private readonly threads = new Map<string, number>();
  private readonly start = new Map<string, number>();
  private readonly postgresStart: Map<string, number>;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.sample();
    for (const [tid, seconds] of this.threads) this.start.set(tid, seconds);
    this.postgresStart = CpuSampler.postgres();
    this.timer = setInterval(() => this.sample(), 100);
  }

  private sample(): void {
    for (const tid of readdirSync('/proc/self/task')) {
      const cpu = statCpu(`/proc/self/task/${tid}/stat`);
      if (cpu) this.threads.set(tid, cpu.seconds);
    }
  }

  /** CPU seconds of each PostgreSQL process so far, by pid. */
  private static postgres(): Map<string, number> {
    const seconds = new Map<string, number>();
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const cpu = statCpu(`/proc/${pid}/stat`);
      if (cpu && /^postgres/.test(cpu.name)) seconds.set(pid, cpu.seconds);
    }
    return seconds;
  }

  stop(): CpuUse {
    clearInterval(this.timer);
    this.sample();
    const used = [...this.threads].map(([tid, seconds]) => ({ tid, seconds: seconds - (this.start.get(tid) ?? 0) }));
    const main = used.find((t) => t.tid === String(process.pid))?.seconds ?? 0;
    const others = used.filter((t) => t.tid !== String(process.pid)).map((t) => t.seconds).sort((a, b) => b - a);
    // A server process that ended meanwhile is not counted (an import's backend lives as long as its connection).
    const server = [...CpuSampler.postgres()].map(([pid, seconds]) => seconds - (this.postgresStart.get(pid) ?? 0));
    return {
      main, busiest: others[0] ?? 0, rest: others.slice(1).reduce((a, b) => a + b, 0),
      postgres: server.reduce((a, b) => a + b, 0), postgresBusiest: Math.max(0, ...server),
    };
  }
}

function finish(result: Omit<ChildResult, 'maxRss'>): void {
  const out: ChildResult = { ...result, maxRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** saxes alone, as the import reader configures it: decoding and parsing, counting activities. */
async function parse(file: string): Promise<void> {
  const cpu = new CpuSampler();
  const started = performance.now();
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let activities = 0;
  let bytes = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'iati-activity') activities += 1;
  });
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
  finish({ seconds: (performance.now() - started) / 1000, cpu: cpu.stop(), bytes, activities });
}

/** The whole import (reading, mapping, validation, upsert, search index, planner statistics), into a migrated empty database. */
async function runImport(file: string, url: string, worker: boolean): Promise<void> {
  const db = await openDatabase(url);
  try {
    await migrateToLatest(db);
    const sqliteSeconds = url.startsWith('postgres') ? undefined : timeSqliteCalls();
    const cpu = new CpuSampler();
    const started = performance.now();
    const mapping = worker ? { worker: true } : { sizeHint: statSync(file).size };
    const report = await importIatiFile(db, createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER, ...mapping });
    const seconds = (performance.now() - started) / 1000;
    finish({
      seconds, cpu: cpu.stop(), ...(sqliteSeconds ? { sqliteSeconds: sqliteSeconds() } : {}),
      worker: mapsInWorker(mapping), bytes: report.summary.bytes, activities: report.activities.length, outcomes: report.summary.activities,
      errors: report.summary.errors, warnings: report.summary.warnings, ...(report.critical ? { critical: `${report.critical.code}: ${report.critical.message.en}` } : {}),
    });
  } finally {
    await db.destroy();
  }
}

/** The streaming export of everything imported, to a sink that only counts and hashes. */
async function runExport(url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.byteLength;
        hash.update(chunk);
        done();
      },
    });
    const cpu = new CpuSampler();
    const started = performance.now();
    const summary = await writeIatiFile(db, sink, { now: GENERATED_AT });
    finish({ seconds: (performance.now() - started) / 1000, cpu: cpu.stop(), bytes, activities: summary.activities, sha256: hash.digest('hex') });
  } finally {
    await db.destroy();
  }
}

const [mode, a, b, c] = process.argv.slice(2);
const run = mode === 'parse' && a ? parse(a)
  : mode === 'import' && a && b ? runImport(a, b, c === 'worker')
    : mode === 'export' && a ? runExport(a)
      : Promise.reject(new Error('usage: iati.child.ts parse FILE | import FILE DATABASE_URL [worker] | export DATABASE_URL'));
run.then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
