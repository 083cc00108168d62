/**
 * Internal notes: a staff conversation on an activity or an organisation. They are not part of the
 * record's document, so nothing that reads the registry (portal, exports, IATI, search, the public
 * API) ever sees them. Runs unchanged on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const serial = dialectOf(db) === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('internal_notes')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('activity', 'organisation')`))
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 4000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('internal_notes_entity').on('internal_notes').columns(['entity', 'entity_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('internal_notes').execute();
}
