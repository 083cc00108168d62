/**
 * Other identifiers of an activity (such as an EU grant number), in order, each with the
 * organisation that issued it. Every stored document gains the (empty) list, so the content hashes
 * are cleared for migrateToLatest to fill again. Runs unchanged on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const serial = dialectOf(db) === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('other_identifiers')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('activity_id', 'integer', (c) => c.references('activities.id').onDelete('cascade').notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('organisations.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('other_identifiers_activity').on('other_identifiers').column('activity_id').execute();
  await sql`update activities set content_hash = null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('other_identifiers').execute();
  await sql`update activities set content_hash = null`.execute(db);
}
