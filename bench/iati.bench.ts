/**
 * IATI throughput: the raw saxes parse of a generated file, the whole import of the same file into
 * a fresh SQLite file and into a fresh PostgreSQL schema, and the export of what was imported, at
 * two sizes (the second ten times the first) so that peak memory can be compared. Every
 * measurement runs in a child process (bench/iati.child.ts), so each peak RSS is its own.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { POSTGRES_URL } from './databases.ts';
import type { ChildResult, CpuUse } from './iati.child.ts';
import { iatiBenchFile, type IatiFile } from './iati.file.ts';
import { ratio, table } from './report.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const CHILD = join(BENCH_DIR, 'iati.child.ts');

export interface IatiMeasurement {
  step: 'parse' | 'import' | 'export';
  /** For the parse: measured before the imports or after them (the faster of the two is the reference). */
  when?: 'before' | 'after';
  dialect?: 'sqlite' | 'postgres';
  result?: ChildResult;
  error?: string;
}

export interface IatiSize {
  /** Activities generated; the file holds the published ones with a title and a date. */
  generated: number;
  file: Omit<IatiFile, 'file'>;
  measurements: IatiMeasurement[];
}

export interface IatiReport {
  sizes: IatiSize[];
  problems: string[];
}

/** Runs one measurement (bench/iati.child.ts, or another checkout's copy of it) in a process of its own. */
export function child(args: string[], script = CHILD): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { maxBuffer: 16 * 1024 * 1024, cwd: dirname(dirname(script)) }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${args[0]} failed: ${stderr.trim().split('\n').slice(-5).join(' | ') || error.message}`));
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`${args[0]} printed no result: ${line.slice(0, 200)}`));
      }
    });
  });
}

async function withPostgresSchema<T>(use: (url: string) => Promise<T>): Promise<T> {
  const schema = `bench_iati_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  try {
    return await use(`${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    const cleanup = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
    await cleanup.connect();
    await cleanup.query(`drop schema if exists ${schema} cascade`);
    await cleanup.end();
  }
}

async function measure(step: IatiMeasurement['step'], dialect: IatiMeasurement['dialect'], args: string[], log: (m: string) => void): Promise<IatiMeasurement> {
  log(`  ${step}${dialect ? ` (${dialect})` : ''} …`);
  try {
    const result = await child(args);
    log(`    ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s = ${(result.bytes / 1e6 / result.seconds).toFixed(2)} MB/s, ` +
      `${Math.round(result.activities / result.seconds)} activities/s, peak RSS ${(result.maxRss / 2 ** 20).toFixed(0)} MB${result.cpu ? `, CPU ${cpuText(result.cpu)}` : ''}`);
    return { step, ...(dialect ? { dialect } : {}), result };
  } catch (error) {
    log(`    ${(error as Error).message}`);
    return { step, ...(dialect ? { dialect } : {}), error: (error as Error).message };
  }
}

/** Runs `use` with the URL of a new, empty database of the dialect (a scratch SQLite file or a PostgreSQL schema), removed afterwards. */
export async function withFreshDatabase<T>(dialect: 'sqlite' | 'postgres', use: (url: string) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return withPostgresSchema(use);
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-iati-'));
  try {
    return await use(join(dir, 'import.sqlite'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Import, then export what was imported, in one database of the dialect. */
function importAndExport(file: string, dialect: 'sqlite' | 'postgres', worker: boolean, log: (m: string) => void): Promise<IatiMeasurement[]> {
  return withFreshDatabase(dialect, async (url) => {
    const imported = await measure('import', dialect, ['import', file, url, ...(worker ? ['worker'] : [])], log);
    if (!imported.result) return [imported];
    return [imported, await measure('export', dialect, ['export', url], log)];
  });
}

export async function benchIati(sizes: number[], options: { postgres: boolean; worker: boolean }, log: (m: string) => void): Promise<IatiReport> {
  const report: IatiReport = { sizes: [], problems: [] };
  for (const generated of sizes) {
    const { file, ...info } = await iatiBenchFile(generated, log);
    log(`\nIATI file of ${info.activities.toLocaleString('en')} activities, ${(info.bytes / 1e6).toFixed(1)} MB (${info.how === 'cached' ? 'from the cache' : 'generated now'}): ${file}`);
    const size: IatiSize = { generated, file: info, measurements: [] };
    // The parse runs before and after the imports, and the faster run is the reference: a parse
    // slowed by something else on the machine would make every ratio look better than it is.
    size.measurements.push({ ...await measure('parse', undefined, ['parse', file], log), when: 'before' });
    for (const dialect of options.postgres ? ['sqlite', 'postgres'] as const : ['sqlite'] as const) size.measurements.push(...await importAndExport(file, dialect, options.worker, log));
    size.measurements.push({ ...await measure('parse', undefined, ['parse', file], log), when: 'after' });
    for (const m of size.measurements) {
      const where = `IATI ${generated}${m.dialect ? ` ${m.dialect}` : ''} ${m.step}`;
      if (m.error) report.problems.push(`${where}: ${m.error}`);
      if (m.result?.critical) report.problems.push(`${where}: the file was refused: ${m.result.critical}`);
      if (m.step === 'import' && m.result && m.result.outcomes?.created !== info.activities) {
        report.problems.push(`${where}: ${m.result.outcomes?.created ?? 0} activities created, the file has ${info.activities}`);
      }
    }
    report.sizes.push(size);
  }
  return report;
}

const mbps = (r: ChildResult) => r.bytes / 1e6 / r.seconds;
/** CPU seconds by thread: main / busiest other thread (the import's worker) / the other threads / PostgreSQL. */
const cpuText = (c: CpuUse) => [c.main, c.busiest, c.rest, c.postgres].map((s) => s.toFixed(1)).join(' / ');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}`;

/** The reference of a size: its fastest raw parse. */
function referenceParse(size: IatiSize): ChildResult | undefined {
  const parses = size.measurements.flatMap((m) => (m.step === 'parse' && m.result ? [m.result] : []));
  return parses.sort((a, b) => mbps(b) - mbps(a))[0];
}

/** The table: per size and step, MB/s, activities/s, ratio to the raw parse of the same file, peak RSS. */
export function iatiTable(report: IatiReport): string {
  const rows: string[][] = [];
  for (const size of report.sizes) {
    const parse = referenceParse(size);
    for (const m of size.measurements) {
      const r = m.result;
      const what = m.step === 'parse' ? `raw saxes parse${m.when ? `, ${m.when}` : ''}` : `${m.step} ${m.dialect}`;
      const file = `${size.file.activities.toLocaleString('en').replace(/,/g, ' ')} act., ${(size.file.bytes / 1e6).toFixed(0)} MB`;
      if (!r) {
        rows.push([file, what, '–', '–', '–', '–', '–', `ERROR: ${m.error ?? ''}`]);
        continue;
      }
      const note = m.step === 'parse' ? (r === parse ? 'the reference' : '')
        : m.step === 'export'
        ? (r.sha256 === size.file.sha256 ? 'same bytes as the file' : 'DIFFERS from the file')
        : m.step === 'import' ? `${r.errors ?? 0} errors, ${r.warnings ?? 0} warnings, ${r.worker ? 'worker thread' : 'one thread'}` : '';
      rows.push([
        file, what, mbps(r).toFixed(2), Math.round(r.activities / r.seconds).toLocaleString('en').replace(/,/g, ' '),
        parse ? ratio(mbps(r) / mbps(parse)) : '–', mib(r.maxRss), r.cpu ? cpuText(r.cpu) : '–', note,
      ]);
    }
  }
  const lines = [table(['file', 'step', 'MB/s', 'activities/s', 'vs parse', 'peak RSS MiB', 'CPU s: main / worker / other / PostgreSQL', 'notes'], rows,
    [false, false, true, true, true, true, true, false])];
  if (report.sizes.length >= 2) {
    const [small, large] = [report.sizes[0]!, report.sizes.at(-1)!];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const rss = (s: IatiSize) => s.measurements.find((m) => m.step === 'import' && m.dialect === dialect)?.result?.maxRss;
      const [a, b] = [rss(small), rss(large)];
      if (a && b) {
        lines.push(`Import peak memory, ${dialect}: ${mib(b)} MiB for ${(large.file.bytes / 1e6).toFixed(0)} MB against ${mib(a)} MiB for ${(small.file.bytes / 1e6).toFixed(0)} MB = ${(b / a).toFixed(2)}×`);
      }
    }
  }
  lines.push(...report.sizes.flatMap(databaseCeiling));
  return lines.join('\n');
}

/**
 * What the database's own work allows. Each import is one transaction, whose statements run one
 * after another: on PostgreSQL in one server process (its CPU seconds), on SQLite in the calls
 * into SQLite on the import's thread (their time). The import cannot take less time than that,
 * however little the rest does; against the parse, that is the highest ratio any change outside the
 * database's work (reading, mapping, validating, threads) could reach.
 */
function databaseCeiling(size: IatiSize): string[] {
  const parse = referenceParse(size);
  if (!parse) return [];
  const imported = (dialect: 'sqlite' | 'postgres') => size.measurements.find((m) => m.step === 'import' && m.dialect === dialect)?.result;
  const lines: string[] = [];
  const say = (what: string, seconds: number | undefined) => {
    if (!seconds) return;
    lines.push(`${what}, ${(size.file.bytes / 1e6).toFixed(0)} MB: ${seconds.toFixed(1)} s = ${(seconds / parse.seconds).toFixed(1)}× the raw parse's ${parse.seconds.toFixed(1)} s, ` +
      `so nothing outside the database's work can take this import past ${ratio(parse.seconds / seconds)} the parse`);
  };
  say('SQLite\'s own calls during the import (one after another on its thread)', imported('sqlite')?.sqliteSeconds);
  say('PostgreSQL\'s import backend (CPU in its one process)', imported('postgres')?.cpu?.postgresBusiest);
  return lines;
}

/** The figures the JSON results keep, per measurement. */
export function iatiJson(report: IatiReport) {
  return {
    sizes: report.sizes.map((size) => {
      const parse = referenceParse(size);
      return {
        ...size,
        measurements: size.measurements.map((m) => ({
          ...m,
          ...(m.result ? {
            megabytesPerSecond: mbps(m.result), activitiesPerSecond: m.result.activities / m.result.seconds,
            ratioToParse: parse ? mbps(m.result) / mbps(parse) : null, peakRssMiB: m.result.maxRss / 2 ** 20,
          } : {}),
        })),
      };
    }),
    problems: report.problems,
  };
}
