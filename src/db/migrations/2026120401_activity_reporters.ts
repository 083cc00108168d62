/**
 * Who reports an activity to IATI when it is not the registry's own reporting organisation: an
 * activity another publisher (IOM, a sister agency) publishes itself, imported from its file.
 * At most one row per activity. Documents without a reporter are unchanged, so the content hashes
 * stay as they are. Runs unchanged on both dialects.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('activity_reporters')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('activity_reporters_organisation').on('activity_reporters').column('organisation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_reporters').execute();
}
