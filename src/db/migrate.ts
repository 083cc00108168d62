/** Runs the migrations (timestamped files with up and down) and keeps the reference tables current. */
import { Migrator, sql, type DatabaseIntrospector, type Migration, type MigrationResultSet, type TableMetadata } from 'kysely';
import { dialectOf } from './dialect.ts';
import { COUNTRY_CODES } from '../reference/iati-codes.generated.ts';
import { REGIONS } from '../reference/regions.ts';
import { AppError } from '../shared/errors.ts';
import type { Db } from './database.ts';
import * as initial from './migrations/2026112501_initial.ts';
import * as search from './migrations/2026112502_search.ts';
import * as accounts from './migrations/2026120101_accounts.ts';
import * as editing from './migrations/2026120102_editing.ts';
import * as contentHash from './migrations/2026120103_content_hash.ts';
import * as internalNotes from './migrations/2026120104_internal_notes.ts';
import * as contentlessSearch from './migrations/2026120105_contentless_search.ts';
import * as stemmedPgSearch from './migrations/2026120106_stemmed_pg_search.ts';
import * as otherIdentifiers from './migrations/2026120301_other_identifiers.ts';
import * as activityReporters from './migrations/2026120401_activity_reporters.ts';
import { reindexAll } from '../search/search.index.ts';
import { storeContentHashes } from '../activities/activity.write.ts';

const MIGRATIONS: Record<string, Migration> = {
  '2026112501_initial': initial,
  '2026112502_search': search,
  '2026120101_accounts': accounts,
  '2026120102_editing': editing,
  '2026120103_content_hash': contentHash,
  '2026120104_internal_notes': internalNotes,
  '2026120105_contentless_search': contentlessSearch,
  '2026120106_stemmed_pg_search': stemmedPgSearch,
  '2026120301_other_identifiers': otherIdentifiers,
  '2026120401_activity_reporters': activityReporters,
};

async function migrator(db: Db): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema it can see; name ours explicitly so
  // that several Samverka schemas can share one PostgreSQL database.
  const schema = dialectOf(db) === 'postgres'
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  return new Migrator({
    db: schema ? withIntrospectionOf(db, schema) : db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * On PostgreSQL, the migrator asks whether its schema and tables exist through Kysely's
 * introspection, which reads every table and column of every schema, calling
 * has_schema_privilege() and pg_get_serial_sequence() for each. When another schema is dropped
 * meanwhile (tests drop theirs as they end, two files at a time), those calls fail with "schema
 * … does not exist", and so did the migration. The migrator is given the database with an
 * introspection of its own schema only: the names are all it reads.
 */
function withIntrospectionOf(db: Db, schema: string): Db {
  const introspection = schemaIntrospector(db, schema);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The schema's tables and views, by name (no columns: the migrator reads only names). */
export function schemaIntrospector(db: Db, schema: string): DatabaseIntrospector {
  const getTables = async (): Promise<TableMetadata[]> => {
    const rows = await sql<{ name: string; view: boolean }>`select c.relname as name, c.relkind in ('v', 'm') as view
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm') order by c.relname`.execute(db);
    return rows.rows.map((r) => ({ name: r.name, schema, isView: r.view, columns: [] }));
  };
  return {
    getSchemas: async () => (await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db)).rows,
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AppError('migration-failed', {
      sv: `Migreringen ${failed} misslyckades: ${reason}`,
      en: `Migration ${failed} failed: ${reason}`,
    }, 500);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const ran = check(await (await migrator(db)).migrateToLatest());
  await syncReferenceData(db);
  // The index is filled by code, so a new index starts from everything already stored; on
  // PostgreSQL, rows from before our own stems are rebuilt with them (SQLite had them already).
  if (ran.includes('2026112502_search') || (ran.includes('2026120106_stemmed_pg_search') && dialectOf(db) === 'postgres')) await reindexAll(db);
  // Likewise the content hashes of activities stored before the column existed, or before their
  // documents gained a field.
  if (ran.includes('2026120103_content_hash') || ran.includes('2026120301_other_identifiers')) await storeContentHashes(db);
  return ran;
}

export async function migrateDown(db: Db): Promise<string[]> {
  return check(await (await migrator(db)).migrateDown());
}

/** Countries and regions come from code (the IATI codelist and reference/regions.ts). */
async function syncReferenceData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const have = new Set((await trx.selectFrom('countries').select('code').execute()).map((r) => r.code));
    const missing = COUNTRY_CODES.filter((c) => !have.has(c));
    for (let i = 0; i < missing.length; i += 200) {
      await trx.insertInto('countries').values(missing.slice(i, i + 200).map((code) => ({ code }))).execute();
    }
    for (const region of REGIONS) {
      const row = { name_sv: region.name.sv, name_en: region.name.en, iati_region: region.iatiRegion };
      const updated = await trx.updateTable('regions').set(row).where('code', '=', region.code).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) await trx.insertInto('regions').values({ code: region.code, ...row }).execute();
      await trx.deleteFrom('region_countries').where('region_code', '=', region.code).execute();
      await trx.insertInto('region_countries').values(region.countries.map((country_code) => ({ region_code: region.code, country_code }))).execute();
    }
  });
}
