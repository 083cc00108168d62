/**
 * The full-text search index of activities, one row per activity. SQLite: an FTS5 table whose
 * rowid is the activity id, holding Snowball-stemmed Swedish and English text. PostgreSQL: a
 * tsvector built with the swedish and english configurations, under a GIN index. The index is
 * filled by the application (src/search/search.index.ts) after the migration.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create table activity_search (
      activity_id integer primary key references activities(id) on delete cascade,
      document tsvector not null
    )`.execute(db);
    await sql`create index activity_search_document on activity_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table activity_search using fts5(sv, en, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists activity_search`.execute(db);
}
