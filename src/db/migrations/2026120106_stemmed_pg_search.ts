/**
 * PostgreSQL: the search index holds Snowball stems made by the application, as a tsvector
 * literal, where it held what to_tsvector('swedish', …) || to_tsvector('english', …) made on the
 * server (docs/decisions/003-one-search.md). The table and its GIN index stay as they are; only
 * the rows change, and they are rebuilt by the migrator after this ran (src/db/migrate.ts), with
 * the code that writes them from then on. SQLite already indexed these stems: nothing changes there.
 */
import { sql, type Kysely } from 'kysely';
import { readActivities } from '../../activities/activity.read.ts';
import { searchableText } from '../../search/search.document.ts';
import { organisationNames } from '../../search/search.index.ts';
import type { Db } from '../database.ts';
import { dialectOf } from '../dialect.ts';

export async function up(): Promise<void> {
  // Nothing structural: the rows are rebuilt after migrating.
}

/**
 * Rebuilds PostgreSQL's rows the old way, so that the code before this migration (which queries
 * with plainto_tsquery) finds what it found before.
 */
export async function down(kysely: Kysely<unknown>): Promise<void> {
  if (dialectOf(kysely) !== 'postgres') return;
  const db = kysely as Db;
  const ids = (await db.selectFrom('activities').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('activities').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
    // The schema of this migration's time: no other identifiers yet.
    const activities = await readActivities(db, rows, { before: '2026120301_other_identifiers' });
    const names = await organisationNames(db, [...new Set(activities.flatMap((a) => a.participations.map((p) => p.organisation)))]);
    const values = rows.map((row, index) => {
      const activity = activities[index]!;
      const sv = searchableText(activity, 'sv', names);
      const en = searchableText(activity, 'en', names);
      return sql`(${row.id}, to_tsvector('swedish', ${sv}) || to_tsvector('english', ${en}))`;
    });
    await sql`delete from activity_search where activity_id in (${sql.join(rows.map((r) => r.id))})`.execute(db);
    await sql`insert into activity_search (activity_id, document) values ${sql.join(values)}`.execute(db);
  }
}
