/**
 * Fresh databases for tests, once per dialect: SQLite is migrated once and copied per test;
 * PostgreSQL gets a schema of its own per test. PostgreSQL is skipped (and says so) when the
 * server is unreachable, unless CI=true or SAMVERKA_REQUIRE_POSTGRES=1 makes it mandatory.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export type DialectName = 'sqlite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgresRequired = process.env.CI === 'true' || process.env.SAMVERKA_REQUIRE_POSTGRES === '1';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (postgresRequired) {
      throw new Error(`PostgreSQL at ${POSTGRES_URL} is required (CI=true or SAMVERKA_REQUIRE_POSTGRES=1) but unreachable: ${(error as Error).message}`);
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgAvailable = await postgresReachable();
if (!pgAvailable) {
  console.warn(`# PostgreSQL at ${POSTGRES_URL} is unreachable: the PostgreSQL half of the database tests is SKIPPED. ` +
    'Start PostgreSQL or set TEST_DATABASE_URL to run it; CI=true or SAMVERKA_REQUIRE_POSTGRES=1 makes it mandatory.');
}

/** The dialects every database test runs against, with the reason when one is skipped. */
export const DIALECTS: { name: DialectName; skip: string | false }[] = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: pgAvailable ? false : `PostgreSQL unreachable at ${POSTGRES_URL}` },
];

const workDir = mkdtempSync(join(tmpdir(), 'samverka-test-'));
process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
let template: string | undefined;

export interface TestDatabase {
  db: Db;
  /** A DATABASE_URL that reaches the same data, for the CLI and the server. */
  url: string;
  close: () => Promise<void>;
}

export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = randomBytes(6).toString('hex');
  if (dialect === 'sqlite') {
    if (!template) {
      template = join(workDir, 'template.sqlite');
      const db = await openDatabase(template);
      await migrateToLatest(db);
      await db.destroy();
    }
    const file = join(workDir, `${name}.sqlite`);
    copyFileSync(template, file);
    const db = await openDatabase(file);
    return { db, url: file, close: () => db.destroy() };
  }
  const schema = `t_${name}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = await openDatabase(url);
  await migrateToLatest(db);
  return {
    db, url,
    close: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
