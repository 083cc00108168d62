/**
 * On PostgreSQL the migrator looks only at its own schema (src/db/migrate.ts): another schema
 * created and dropped meanwhile (as the tests' schemas are, two test files at a time) does not
 * make a migration fail, and the introspection it is given lists this schema's tables alone.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest, schemaIntrospector } from '../../src/db/migrate.ts';
import { DIALECTS, POSTGRES_URL, freshDatabase, type TestDatabase } from '../support/databases.ts';

const postgres = DIALECTS.find((d) => d.name === 'postgres')!;

describe('migrations on PostgreSQL look at their own schema only', { skip: postgres.skip }, () => {
  let t: TestDatabase;
  let other: pg.Client;
  before(async () => {
    t = await freshDatabase('postgres');
    other = new pg.Client({ connectionString: POSTGRES_URL });
    await other.connect();
  });
  after(async () => {
    await other?.end();
    await t?.close();
  });

  it('lists the tables of its own schema and no other', async () => {
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s;
    await other.query('create schema if not exists migrate_elsewhere');
    await other.query('create table if not exists migrate_elsewhere.schema_migrations (name text)');
    try {
      const introspector = schemaIntrospector(t.db, schema);
      assert.deepEqual(await introspector.getSchemas(), [{ name: schema }]);
      const tables = await introspector.getTables();
      assert.ok(tables.some((x) => x.name === 'schema_migrations' && x.schema === schema));
      assert.ok(tables.some((x) => x.name === 'activities'));
      assert.ok(tables.every((x) => x.schema === schema));
      assert.deepEqual((await introspector.getMetadata()).tables, tables);
    } finally {
      await other.query('drop schema migrate_elsewhere cascade');
    }
  });

  it('migrates while other schemas are created and dropped', async () => {
    let running = true;
    const churn = (async () => {
      for (let i = 0; running; i++) {
        await other.query(`create schema migrate_churn_${i}`);
        await other.query(`create table migrate_churn_${i}.a (id serial primary key, b text, c int, d text)`);
        await other.query(`drop schema migrate_churn_${i} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 150; i++) assert.deepEqual(await migrateToLatest(t.db), []);
    } finally {
      running = false;
      await churn;
    }
  });
});
