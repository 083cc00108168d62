/** Keeps the search index in step with the activities: called after every write, and after migrating. */
import { sql } from 'kysely';
import { readActivities } from '../activities/activity.read.ts';
import type { Activity } from '../activities/activity.schema.ts';
import { sqliteStatement } from '../db/bulk-insert.ts';
import type { Db } from '../db/database.ts';
import { dialectOf, type Dialect } from '../db/dialect.ts';
import { countryName } from '../reference/countries.ts';
import { findRegion } from '../reference/regions.ts';
import type { Lang } from '../shared/i18n.ts';
import { stemmedText } from './search.text.ts';

const BATCH = 500;

/** Everything a person might search an activity by, in one language. */
export function searchableText(a: Activity, lang: Lang, organisations: OrganisationNames): string {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const t = a.texts[lang];
  const parts: (string | undefined | null)[] = [
    t?.title, t?.acronym, t?.summary, t?.description, t?.objectives,
    // Names are searched in both languages: an English reader may type the Swedish name.
    a.texts[other]?.title, a.texts[other]?.acronym, a.slug,
    ...a.participations.flatMap((p) => {
      const o = organisations.get(p.organisation);
      return [o?.[lang], o?.[other], o?.acronym];
    }),
    ...a.countries.map((c) => countryName(c.code, lang)),
    ...a.regions.map((r) => findRegion(r)?.name[lang]),
    ...a.engagements.flatMap((e) => [e.title?.[lang], e.topic?.[lang]]),
    ...a.results.map((r) => r.title[lang]),
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/** Organisation names as the index needs them, by slug. */
export type OrganisationNames = Map<string, { sv: string | null; en: string | null; acronym: string | null }>;

/**
 * What one activity's index row holds: on SQLite the Snowball stems of each language's text (FTS5
 * matches them), on PostgreSQL the plain texts (the server stems them with to_tsvector). Made
 * from the document alone, so it can be made away from the database (the import's worker).
 */
export interface SearchDocument {
  sv: string;
  en: string;
}

export function searchDocument(a: Activity, dialect: Dialect, organisations: OrganisationNames): SearchDocument {
  const sv = searchableText(a, 'sv', organisations);
  const en = searchableText(a, 'en', organisations);
  return dialect === 'postgres' ? { sv, en } : { sv: stemmedText(sv, 'sv'), en: stemmedText(en, 'en') };
}

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
