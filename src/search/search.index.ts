/** Keeps the search index in step with the activities: called after every write, and after migrating. */
import { sql } from 'kysely';
import { readActivities } from '../activities/activity.read.ts';
import type { Activity } from '../activities/activity.schema.ts';
import type { Db } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { countryName } from '../reference/countries.ts';
import { findRegion } from '../reference/regions.ts';
import type { Lang } from '../shared/i18n.ts';
import { stemmedText } from './search.text.ts';

const BATCH = 500;

/** Everything a person might search an activity by, in one language. */
export function searchableText(a: Activity, lang: Lang, organisations: Map<string, { sv: string | null; en: string | null; acronym: string | null }>): string {
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

export async function reindexActivities(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const postgres = dialectOf(db) === 'postgres';
  const orgRows = await db.selectFrom('organisations').select(['slug', 'name_sv', 'name_en', 'acronym']).execute();
  const organisations = new Map(orgRows.map((o) => [o.slug, { sv: o.name_sv, en: o.name_en, acronym: o.acronym }]));
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await db.selectFrom('activities').selectAll().where('id', 'in', batch).execute();
    const activities = await readActivities(db, rows);
    if (postgres) await sql`delete from activity_search where activity_id in (${sql.join(batch)})`.execute(db);
    else await sql`delete from activity_search where rowid in (${sql.join(batch)})`.execute(db);
    for (const [index, row] of rows.entries()) {
      const a = activities[index]!;
      const sv = searchableText(a, 'sv', organisations);
      const en = searchableText(a, 'en', organisations);
      if (postgres) {
        await sql`insert into activity_search (activity_id, document)
          values (${row.id}, to_tsvector('swedish', ${sv}) || to_tsvector('english', ${en}))`.execute(db);
      } else {
        await sql`insert into activity_search (rowid, sv, en) values (${row.id}, ${stemmedText(sv, 'sv')}, ${stemmedText(en, 'en')})`.execute(db);
      }
    }
  }
}

export async function reindexAll(db: Db): Promise<number> {
  const ids = (await db.selectFrom('activities').select('id').orderBy('id').execute()).map((r) => r.id);
  await reindexActivities(db, ids);
  return ids.length;
}
