/**
 * The IATI file the import benchmark reads: the generated portfolio of bench/generate.ts (N
 * activities over about 2 000 organisations, deterministic) written into a scratch SQLite file
 * through the real write path and exported with the real streaming IATI writer, so the file is
 * what `samverka export --format iati` writes for such a portfolio. Cached in bench/.cache/ by N
 * and a hash of everything that decides its bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { writeIatiFile } from '../src/iati/iati.export.ts';
import { generatePortfolio } from './generate.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const CACHE_DIR = join(BENCH_DIR, '.cache');
/** The file's generated-datetime, fixed so the same N gives the same bytes. */
export const GENERATED_AT = '2026-06-01T12:00:00.000Z';

/** What decides the file's bytes: the generator, this file and the IATI mapping and writer. */
const INPUTS = ['bench/generate.ts', 'bench/iati.file.ts'];
const INPUT_DIRS = ['src/iati'];

function cacheKey(activities: number): string {
  const hash = createHash('sha256');
  const files = [...INPUTS, ...INPUT_DIRS.flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => `${dir}/${f}`))];
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file)));
  return `iati-${activities}-${hash.digest('hex').slice(0, 12)}`;
}

export interface IatiFile {
  file: string;
  bytes: number;
  /** Activities in the file (published ones only are exported). */
  activities: number;
  /** SHA-256 of the file, to compare a re-export with. */
  sha256: string;
  how: 'generated' | 'cached';
}

/** Generated activities for the bench's large IATI file (about 400 MB); the small one has a tenth. */
export const LARGE_IATI_ACTIVITIES = 57_000;
export const SMALL_IATI_ACTIVITIES = LARGE_IATI_ACTIVITIES / 10;

export async function iatiBenchFile(count: number, log: (message: string) => void): Promise<IatiFile> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey(count);
  const file = join(CACHE_DIR, `${key}.xml`);
  const metaFile = join(CACHE_DIR, `${key}.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { activities: number; sha256: string };
    return { file, bytes: statSync(file).size, ...meta, how: 'cached' };
  }
  log(`Generating an IATI file of ${count.toLocaleString('en')} portfolio activities into ${file} …`);
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-iati-'));
  const db = await openDatabase(join(dir, 'source.sqlite'));
  const partial = `${file}.partial-${process.pid}`;
  try {
    await migrateToLatest(db);
    await generatePortfolio(db, count, (done, stats) => {
      if (done % 10_000 === 0 || done === count) log(`  ${done.toLocaleString('en')}/${count.toLocaleString('en')} activities stored, ${stats.seconds.toFixed(0)} s`);
    });
    const summary = await writeIatiFile(db, createWriteStream(partial), { now: GENERATED_AT });
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(partial) as AsyncIterable<Buffer>) hash.update(chunk);
    renameSync(partial, file);
    const meta = { activities: summary.activities, sha256: hash.digest('hex') };
    writeFileSync(metaFile, `${JSON.stringify(meta)}\n`);
    return { file, bytes: statSync(file).size, ...meta, how: 'generated' };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}
