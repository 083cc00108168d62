/**
 * A content hash on each activity row (activity.write.ts `contentHash`): a save of the document
 * already stored is recognised from the row alone, without reading the activity back. The hashes
 * of activities stored before this migration are filled in by `migrateToLatest` (code, not SQL).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('content_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('content_hash').execute();
}
