/**
 * The databases the benchmark runs against: the seed portfolio in a fresh SQLite file, a generated
 * portfolio in SQLite (cached under bench/.cache/ by size and generator), and optionally the
 * generated portfolio in a PostgreSQL schema of its own that is dropped at the end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDatabase } from '../src/seed/load-seed.ts';
import { generatePortfolio, type GenerationStats } from './generate.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BuildInfo {
  /** How the data got there: the seed loader, a fresh generation, or a generation reused from the cache. */
  how: 'seed' | 'generated' | 'cached';
  /** Wall time of building the database in this run (opening the cache counts as building). */
  seconds: number;
  generation?: GenerationStats & { generatedAt: string };
  file?: string;
  fileBytes?: number;
}

export interface BenchDatabase {
  name: string;
  dialect: 'sqlite' | 'postgres';
  db: Db;
  build: BuildInfo;
  close: () => Promise<void>;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function fileBytes(file: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
}

export async function seedSqlite(): Promise<BenchDatabase> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-'));
  const file = join(dir, 'seed.sqlite');
  const db = await openDatabase(file);
  await migrateToLatest(db);
  await seedDatabase(db);
  return {
    name: 'seed portfolio (SQLite)', dialect: 'sqlite', db,
    build: { how: 'seed', seconds: (performance.now() - started) / 1000, file, fileBytes: fileBytes(file) },
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Source files whose change changes what a generated database holds, besides the migrations. */
const WRITE_PATH = ['bench/generate.ts', 'src/db/migrate.ts', 'src/activities/activity.write.ts', 'src/search/search.index.ts', 'src/search/search.text.ts'];

/**
 * Changes to the generator, the migrations (names and contents: a migration may be edited in place
 * before release) or the write path make a new cache entry; old entries stay until removed.
 */
export function cacheKey(activities: number): string {
  const hash = createHash('sha256');
  for (const file of WRITE_PATH) hash.update(`${file}\0`).update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : '');
  const migrations = join(ROOT, 'src', 'db', 'migrations');
  for (const name of readdirSync(migrations).sort()) hash.update(`${name}\0`).update(readFileSync(join(migrations, name)));
  return `generated-${activities}-${hash.digest('hex').slice(0, 12)}`;
}

async function schemaOf(db: Db): Promise<string> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`.execute(db);
  return rows.rows.map((r) => `${r.type} ${r.name}: ${r.sql ?? ''}`).join('\n');
}

/** The schema a fresh migration gives now, to check a cached database against. */
async function currentSchema(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-schema-'));
  const db = await openDatabase(join(dir, 'schema.sqlite'));
  try {
    await migrateToLatest(db);
    return await schemaOf(db);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

function progressLogger(total: number): (done: number, stats: GenerationStats) => void {
  let last = 0;
  return (done, stats) => {
    if (done < total && stats.seconds - last < 15) return;
    last = stats.seconds;
    log(`  ${done.toLocaleString('en')}/${total.toLocaleString('en')} activities, ${stats.seconds.toFixed(0)} s, import ${stats.importActivitiesPerSecond.toFixed(0)} activities/s`);
  };
}

export async function generatedSqlite(activities: number, options: { regenerate?: boolean } = {}): Promise<BenchDatabase> {
  const started = performance.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey(activities);
  const file = join(CACHE_DIR, `${key}.sqlite`);
  const metaFile = join(CACHE_DIR, `${key}.json`);
  let how: BuildInfo['how'] = 'cached';
  let stale = false;
  if (!options.regenerate && existsSync(file) && existsSync(metaFile)) {
    // A safety net under the key: the cached schema must be exactly what the migrations make today.
    const cached = await openDatabase(file);
    stale = (await schemaOf(cached)) !== (await currentSchema());
    await cached.destroy();
    if (stale) log(`The cached database ${file} has an older schema than the migrations make now: regenerating.`);
  }
  if (options.regenerate || stale || !existsSync(file) || !existsSync(metaFile)) {
    how = 'generated';
    log(`Generating ${activities.toLocaleString('en')} activities into ${file} …`);
    // Built under a temporary name and renamed when complete, so an interrupted run leaves no half cache.
    const partial = join(CACHE_DIR, `${key}.partial-${process.pid}.sqlite`);
    const db = await openDatabase(partial);
    try {
      await migrateToLatest(db);
      const stats = await generatePortfolio(db, activities, progressLogger(activities));
      // No ANALYZE: the application never runs it, so the planner works without statistics, as in production.
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
      await db.destroy();
      renameSync(partial, file);
      writeFileSync(metaFile, `${JSON.stringify({ ...stats, generatedAt: new Date().toISOString() }, null, 2)}\n`);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
      throw error;
    }
  } else {
    log(`Using the cached ${activities.toLocaleString('en')}-activity database ${file} (--regenerate to rebuild).`);
  }
  const generation = JSON.parse(readFileSync(metaFile, 'utf8')) as GenerationStats & { generatedAt: string };
  const db = await openDatabase(file);
  return {
    name: `generated portfolio, ${activities.toLocaleString('en')} activities (SQLite)`, dialect: 'sqlite', db,
    build: { how, seconds: (performance.now() - started) / 1000, generation, file, fileBytes: fileBytes(file) },
    close: () => db.destroy(),
  };
}

/** The generated portfolio in a PostgreSQL schema of its own; close() drops the schema. */
export async function generatedPostgres(activities: number): Promise<BenchDatabase> {
  const started = performance.now();
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dropSchema = async () => {
    const cleanup = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
    await cleanup.connect();
    await cleanup.query(`drop schema if exists ${schema} cascade`);
    await cleanup.end();
  };
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let db: Db | undefined;
  try {
    db = await openDatabase(url);
    await migrateToLatest(db);
    log(`Generating ${activities.toLocaleString('en')} activities into PostgreSQL schema ${schema} …`);
    const stats = await generatePortfolio(db, activities, progressLogger(activities));
    // PostgreSQL's autovacuum would have analysed the tables by now in a running system.
    await sql`analyze`.execute(db);
    const opened = db;
    return {
      name: `generated portfolio, ${activities.toLocaleString('en')} activities (PostgreSQL)`, dialect: 'postgres', db: opened,
      build: { how: 'generated', seconds: (performance.now() - started) / 1000, generation: { ...stats, generatedAt: new Date().toISOString() } },
      close: async () => {
        await opened.destroy();
        await dropSchema();
      },
    };
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    await dropSchema().catch(() => undefined);
    throw error;
  }
}
