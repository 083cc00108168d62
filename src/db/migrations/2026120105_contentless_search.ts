/**
 * SQLite: the search index no longer keeps a copy of the stemmed text it indexes. Nothing reads
 * the FTS5 table's columns (searches use MATCH, bm25 and the rowid), and the copy was three
 * quarters of the table: an import wrote four times the pages it needed. `contentless_delete=1`
 * (SQLite 3.43+) keeps the DELETE by rowid that re-indexing an activity uses. The index rows are
 * moved over as they are, so nothing has to be re-indexed. PostgreSQL's index stores only the
 * tsvector already: nothing changes there.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../database.ts';
import { dialectOf } from '../dialect.ts';
import { reindexAll } from '../../search/search.index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`create virtual table activity_search_contentless using fts5(sv, en, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1)`.execute(db);
  await sql`insert into activity_search_contentless (rowid, sv, en) select rowid, sv, en from activity_search`.execute(db);
  await sql`drop table activity_search`.execute(db);
  await sql`alter table activity_search_contentless rename to activity_search`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  // A contentless table cannot give its text back: the index is rebuilt from the activities.
  await sql`drop table activity_search`.execute(db);
  await sql`create virtual table activity_search using fts5(sv, en, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  await reindexAll(db as Db);
}
