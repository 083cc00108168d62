/**
 * Opens the database that DATABASE_URL names: a SQLite file (a path or a sqlite: URL, the
 * default) or PostgreSQL (postgres:// or postgresql://). Failures become one clear line.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../shared/errors.ts';
import { registerPostgresCopy, registerSqliteHandle } from './bulk-insert.ts';
import { isDatabaseBusy } from './busy.ts';
import type { Database, Db } from './database.ts';
import { copyingPool } from './postgres-copy.ts';

export type Target = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): Target {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.replace(/^sqlite:(\/\/)?/, '');
    if (!file) throw badUrl(url);
    return { dialect: 'sqlite', file };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw badUrl(url);
  return { dialect: 'sqlite', file: url };
}

function badUrl(url: string): ConfigError {
  const shown = url.replace(/\/\/[^@/]*@/, '//…@');
  return new ConfigError({
    sv: `DATABASE_URL "${shown}" stöds inte: ange en sökväg till en SQLite-fil, sqlite:FIL eller postgres://användare@värd:port/databas.`,
    en: `DATABASE_URL "${shown}" is not supported: give a path to a SQLite file, sqlite:FILE or postgres://user@host:port/database.`,
  });
}

// PostgreSQL returns bigint (counts) and numeric as strings; ours fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  const db = target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    const where = target.dialect === 'sqlite' ? target.file : target.url.replace(/\/\/[^@/]*@/, '//…@');
    throw new ConfigError({
      sv: `Kan inte ansluta till databasen ${where}: ${reason}`,
      en: `Cannot connect to the database ${where}: ${reason}`,
    });
  }
  return db;
}

/** How long a write on SQLite waits for another process's write lock before it fails as busy. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** SQLite's page cache per connection, in KiB. */
export const SQLITE_CACHE_KIB = 16_000;

/** The file of each SQLite database openSqlite opened, so that openReader can open it again. */
const sqliteFiles = new WeakMap<Db, string>();

function openSqlite(file: string): Db {
  let handle: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    handle = new SQLite(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = FULL');
    handle.pragma('foreign_keys = ON');
    // The page cache is resident memory, so its size is fixed here rather than left to the build:
    // 16 000 KiB, what better-sqlite3 compiles in (SQLite's own default is 2 MiB). Measured on the
    // IATI import's writes (bench/README.md): 32 MiB gained nothing measurable; 64 MiB saved about
    // a tenth of the SQLite side on a 270 MB database, but would hold 48 MiB more during the 386 MB
    // file's import, past 1.2 times the 40 MB file's peak.
    handle.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    // Gathers the planner's statistics where they are missing or stale (cheap; SQLite's advice for
    // long-lived connections), so filters start from the selective index rather than the first one.
    // It writes when statistics are missing: while another process holds the write lock (a large
    // import) it is skipped rather than waited for, as the statistics are only an optimisation.
    try {
      handle.pragma('optimize = 0x10002');
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
    // A write waits this long for another process's write lock, then fails as busy (src/db/busy.ts).
    handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError({
      sv: `Kan inte öppna SQLite-filen ${file}: ${reason}`,
      en: `Cannot open the SQLite file ${file}: ${reason}`,
    });
  }
  const db: Db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  // Bulk inserts in a transaction run cached statements on the handle itself (bulk-insert.ts).
  registerSqliteHandle(db, handle);
  if (file !== ':memory:' && file !== '') sqliteFiles.set(db, file);
  return db;
}

/**
 * A connection for reads that must not wait for writes. On SQLite the main connection is the only
 * one, and a write transaction holds it until it ends: an upload import for some seconds, during
 * which every read waited. The reader is a read-only handle on the same file; in WAL mode it reads
 * the last committed state while a write transaction is open, and writes never wait for it.
 * PostgreSQL's pool already reads beside a transaction, and an in-memory SQLite database is seen by
 * its own connection only, so for them the reader is `db` itself. The caller destroys a reader
 * that is not `db`.
 */
export function openReader(db: Db): Db {
  const file = sqliteFiles.get(db);
  if (file === undefined) return db;
  let handle: SQLite.Database;
  try {
    handle = new SQLite(file, { readonly: true, fileMustExist: true });
    handle.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    // A reader waits only while a checkpoint or recovery holds the WAL index, briefly.
    handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError({
      sv: `Kan inte öppna SQLite-filen ${file} för läsning: ${reason}`,
      en: `Cannot open the SQLite file ${file} for reading: ${reason}`,
    });
  }
  const reader: Db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  registerSqliteHandle(reader, handle);
  return reader;
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  // Its clients also run the COPY messages that deferred writes send (postgres-copy.ts).
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
  registerPostgresCopy(db);
  return db;
}
