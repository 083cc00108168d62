/** Keeps the search index in step with the activities: called after every write, and after migrating. */
import { sql } from 'kysely';
import { readActivities } from '../activities/activity.read.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { sqliteStatement } from '../db/bulk-insert.ts';
import type { Db } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { searchDocument, type OrganisationNames, type SearchDocument } from './search.document.ts';

const BATCH = 500;

/** Rebuilds the index rows of the given activities from what is stored. */
export async function reindexActivities(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db.selectFrom('activities').selectAll().where('id', 'in', ids.slice(i, i + BATCH)).execute();
    const activities = await readActivities(db, rows);
    await indexActivities(db, rows.map((row, index) => ({ id: row.id, activity: activities[index]! })));
  }
}

/**
 * Writes the index rows of activities just saved, from the documents in hand (or the index rows
 * the caller made already): nothing is read back but the names of the organisations they name,
 * and each batch is one DELETE and one INSERT.
 */
export async function indexActivities(db: Db, items: { id: number; activity: Activity; search?: SearchDocument }[]): Promise<void> {
  if (items.length === 0) return;
  const dialect = dialectOf(db);
  const postgres = dialect === 'postgres';
  const named = [...new Set(items.flatMap(({ activity, search }) => (search ? [] : activity.participations.map((p) => p.organisation))))];
  const organisations: OrganisationNames = new Map();
  for (let i = 0; i < named.length; i += 5_000) {
    const orgRows = await db.selectFrom('organisations').select(['slug', 'name_sv', 'name_en', 'acronym']).where('slug', 'in', named.slice(i, i + 5_000)).execute();
    for (const o of orgRows) organisations.set(o.slug, { sv: o.name_sv, en: o.name_en, acronym: o.acronym });
  }
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const ids = batch.map((b) => b.id);
    // An id can come back after its activity was deleted (SQLite reuses the largest rowid), and the
    // FTS5 table has no foreign key: clear every id first.
    if (postgres) await sql`delete from activity_search where activity_id in (${sql.join(ids)})`.execute(db);
    else await sql`delete from activity_search where rowid in (${sql.join(ids)})`.execute(db);
    const documents = batch.map(({ id, activity, search }) => ({ id, ...(search ?? searchDocument(activity, dialect, organisations)) }));
    const statement = postgres ? undefined : sqliteStatement(db, 'insert into activity_search (rowid, sv, en) values (?, ?, ?)');
    if (statement) {
      for (const { id, sv, en } of documents) statement.run(id, sv, en);
      continue;
    }
    const values = documents.map(({ id, sv, en }) => (postgres ? sql`(${id}, to_tsvector('swedish', ${sv}) || to_tsvector('english', ${en}))` : sql`(${id}, ${sv}, ${en})`));
    if (postgres) await sql`insert into activity_search (activity_id, document) values ${sql.join(values)}`.execute(db);
    else await sql`insert into activity_search (rowid, sv, en) values ${sql.join(values)}`.execute(db);
  }
}

export async function reindexAll(db: Db): Promise<number> {
  const ids = (await db.selectFrom('activities').select('id').orderBy('id').execute()).map((r) => r.id);
  await reindexActivities(db, ids);
  return ids.length;
}
