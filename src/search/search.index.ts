/** Keeps the search index in step with the activities: called after every write, and after migrating. */
import { sql } from 'kysely';
import { readActivities } from '../activities/activity.read.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { sqliteStatement, withDeferredWrites, type DeferredWrites } from '../db/bulk-insert.ts';
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
 * and each batch is one DELETE and one INSERT. On PostgreSQL they go to `later` when given
 * (written by its flush), else are written before this returns.
 */
export async function indexActivities(db: Db, items: { id: number; activity: Activity; search?: SearchDocument }[], later?: DeferredWrites): Promise<void> {
  if (items.length === 0) return;
  const dialect = dialectOf(db);
  const postgres = dialect === 'postgres';
  const named = [...new Set(items.flatMap(({ activity, search }) => (search ? [] : activity.participations.map((p) => p.organisation))))];
  const organisations = await organisationNames(db, named);
  if (postgres) {
    await withDeferredWrites(db, later, async (writes) => {
      for (let i = 0; i < items.length; i += BATCH) {
        const batch = items.slice(i, i + BATCH);
        await writes.deleteWhereIn('activity_search', 'activity_id', batch.map((b) => b.id));
        // The literal becomes a tsvector by tsvector's input function alone: no text parser and no
        // dictionary on the server.
        await writes.insert('activity_search', batch.map(({ id, activity, search }) => ({
          activity_id: id, document: tsvectorOf(search ?? searchDocument(activity, dialect, organisations)),
        })));
      }
    });
    return;
  }
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const ids = batch.map((b) => b.id);
    // An id can come back after its activity was deleted (SQLite reuses the largest rowid), and the
    // FTS5 table has no foreign key: clear every id first.
    await sql`delete from activity_search where rowid in (${sql.join(ids)})`.execute(db);
    const documents = batch.map(({ id, activity, search }) => ({ id, document: search ?? searchDocument(activity, dialect, organisations) }));
    const statement = sqliteStatement(db, 'insert into activity_search (rowid, sv, en) values (?, ?, ?)');
    if (statement) {
      for (const { id, document } of documents) statement.run(id, ...stemsOf(document));
      continue;
    }
    const values = documents.map(({ id, document }) => sql`(${id}, ${sql.join(stemsOf(document))})`);
    await sql`insert into activity_search (rowid, sv, en) values ${sql.join(values)}`.execute(db);
  }
}

/** Organisation names by slug, for the index rows of activities that name them. */
export async function organisationNames(db: Db, slugs: readonly string[]): Promise<OrganisationNames> {
  const names: OrganisationNames = new Map();
  for (let i = 0; i < slugs.length; i += 5_000) {
    const rows = await db.selectFrom('organisations').select(['slug', 'name_sv', 'name_en', 'acronym']).where('slug', 'in', slugs.slice(i, i + 5_000)).execute();
    for (const o of rows) names.set(o.slug, { sv: o.name_sv, en: o.name_en, acronym: o.acronym });
  }
  return names;
}

// An index row made for the other dialect is a programming error (searchDocument was given the wrong one).
function tsvectorOf(document: SearchDocument): string {
  if ('tsvector' in document) return document.tsvector;
  throw new Error('A SQLite search document was given to PostgreSQL\'s index');
}

function stemsOf(document: SearchDocument): [string, string] {
  if ('sv' in document) return [document.sv, document.en];
  throw new Error('A PostgreSQL search document was given to SQLite\'s index');
}

export async function reindexAll(db: Db): Promise<number> {
  const ids = (await db.selectFrom('activities').select('id').orderBy('id').execute()).map((r) => r.id);
  await reindexActivities(db, ids);
  return ids.length;
}
