/**
 * Finding activities: the filters the portal and the API share, full-text search, sorting,
 * pagination and the counts per filter value. Everything is SQL that runs the same on both dialects,
 * except the search match, which each dialect does with its own index (the same stems and the same
 * forms of each query word on both, from search.text.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import type { ActivityKind, ActivityStatus } from '../reference/codes.ts';
import { fts5Query, queryWords, tsqueryLiteral } from '../search/search.text.ts';
import type { Lang } from '../shared/i18n.ts';
import { readActivities } from './activity.read.ts';
import type { Activity } from './activity.schema.ts';

export interface ActivityFilter {
  kind?: ActivityKind | undefined;
  status?: ActivityStatus | undefined;
  country?: string | undefined;
  region?: string | undefined;
  instrument?: string | undefined;
  /** An organisation that funds the activity (as funder of a funding line, or in the funder role). */
  funder?: string | undefined;
  /** An organisation taking part in any role. */
  organisation?: string | undefined;
  /** Activities whose period overlaps these years (inclusive). */
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  gcm?: string | undefined;
  sdgTarget?: string | undefined;
  /** Free text, in Swedish or English. */
  q?: string | undefined;
  publishedOnly?: boolean | undefined;
  /** Leaves out soft-deleted activities (the staff list). */
  excludeDeleted?: boolean | undefined;
  /** A further condition on the activity's row from the caller (the staff list's review state, src/editing/). */
  where?: ((eb: ExpressionBuilder<Database, 'activities'>) => Expression<SqlBool>) | undefined;
}

export const SORTS = ['relevance', 'start-desc', 'start-asc', 'title'] as const;
export type Sort = (typeof SORTS)[number];

export interface Page {
  limit: number;
  offset: number;
}

/** The widest span an activity's dates allow, kept on its row (see activity.write.ts). */
export const START = sql.ref<string | null>('activities.start_date');
export const END = sql.ref<string | null>('activities.end_date');

/** Per calendar year, how many of these spans reach into it; a span without an end counts its start year. */
export function countPerYear(spans: { start: string | null; end: string | null }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of spans) {
    if (!s.start && !s.end) continue;
    const from = Number((s.start ?? s.end!).slice(0, 4));
    const to = Number((s.end ?? s.start!).slice(0, 4));
    for (let year = from; year <= to; year++) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** The condition that an activity matches the search words; undefined when there are none. */
function searchCondition(db: Db, q: string | undefined): Expression<SqlBool> | undefined {
  if (q === undefined) return undefined;
  if (dialectOf(db) === 'postgres') {
    const query = tsqueryLiteral(q);
    if (query === undefined) return undefined;
    return sql<SqlBool>`exists (select 1 from activity_search s where s.activity_id = activities.id and s.document @@ ${query}::tsquery)`;
  }
  const match = fts5Query(q);
  if (match === undefined) return undefined;
  return sql<SqlBool>`activities.id in (select rowid from activity_search where activity_search match ${match})`;
}

/**
 * PostgreSQL's rank of an activity for the words (negated, so that ascending order is best first).
 * Normalisation 1 divides by 1 + log(the number of words), as bm25 on SQLite weighs length: on the
 * seed it puts SQLite's first activity first for 574 of 625 one-word queries, against 414 without.
 */
function rank(q: string) {
  return sql<number>`(select -ts_rank(s.document, ${tsqueryLiteral(q)}::tsquery, 1) from activity_search s where s.activity_id = activities.id)`;
}

/** Whether the query text holds any searchable word ("***" or an emoji does not). */
export function hasSearchWords(q: string | undefined): boolean {
  return q !== undefined && queryWords(q).length > 0;
}

function filtered(db: Db, filter: ActivityFilter) {
  let q = db.selectFrom('activities');
  if (filter.publishedOnly) q = q.where('activities.publication', '=', 'published');
  if (filter.excludeDeleted) q = q.where('activities.publication', '!=', 'deleted');
  if (filter.where) q = q.where(filter.where);
  if (filter.kind) q = q.where('activities.kind', '=', filter.kind);
  if (filter.status) q = q.where('activities.status', '=', filter.status);
  const { country, region, instrument, funder, organisation, gcm, sdgTarget } = filter;
  if (country) {
    q = q.where((eb) => eb.exists(eb.selectFrom('activity_countries as c').select('c.activity_id')
      .whereRef('c.activity_id', '=', 'activities.id').where('c.country_code', '=', country)));
  }
  if (region) {
    // An activity is in a region when it names the region or one of the region's countries.
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('activity_regions as r').select('r.activity_id').whereRef('r.activity_id', '=', 'activities.id').where('r.region_code', '=', region)),
      eb.exists(eb.selectFrom('activity_countries as c').innerJoin('region_countries as rc', 'rc.country_code', 'c.country_code')
        .select('c.activity_id').whereRef('c.activity_id', '=', 'activities.id').where('rc.region_code', '=', region)),
    ]));
  }
  if (instrument) {
    q = q.where((eb) => eb.exists(eb.selectFrom('fundings as f').select('f.activity_id')
      .whereRef('f.activity_id', '=', 'activities.id').where('f.instrument', '=', instrument)));
  }
  if (funder) {
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('fundings as f').innerJoin('organisations as o', (j) => j.on((on) => on.or([on('o.id', '=', on.ref('f.funder_id')), on('o.id', '=', on.ref('f.via_id'))])))
        .select('f.activity_id').whereRef('f.activity_id', '=', 'activities.id').where('o.slug', '=', funder)),
      eb.exists(eb.selectFrom('participations as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select('p.activity_id').whereRef('p.activity_id', '=', 'activities.id').where('p.role', '=', 'funder').where('o.slug', '=', funder)),
    ]));
  }
  if (organisation) {
    q = q.where((eb) => eb.exists(eb.selectFrom('participations as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select('p.activity_id').whereRef('p.activity_id', '=', 'activities.id').where('o.slug', '=', organisation)));
  }
  if (gcm) {
    q = q.where((eb) => eb.exists(eb.selectFrom('alignments as al').select('al.activity_id')
      .whereRef('al.activity_id', '=', 'activities.id').where('al.framework', '=', 'gcm').where('al.code', '=', gcm)));
  }
  if (sdgTarget) {
    q = q.where((eb) => eb.exists(eb.selectFrom('alignments as al').select('al.activity_id')
      .whereRef('al.activity_id', '=', 'activities.id').where('al.framework', '=', 'sdg-target').where('al.code', '=', sdgTarget)));
  }
  if (filter.yearFrom !== undefined || filter.yearTo !== undefined) {
    // The widest span the dates allow (earliest start, latest end) overlaps the years; an open end
    // does not exclude, but an activity without any date is in no year.
    const first = `${filter.yearFrom ?? 1900}-01-01`;
    const last = `${filter.yearTo ?? 2100}-12-31`;
    q = q.where(sql<SqlBool>`(${START} is not null or ${END} is not null)
      and coalesce(${START}, ${first}) <= ${last} and coalesce(${END}, ${last}) >= ${first}`);
  }
  const search = searchCondition(db, filter.q);
  if (search) q = q.where(search);
  return q;
}

/** One page of activities and the total, in the order asked for. */
export async function listActivities(db: Db, filter: ActivityFilter, page: Page, sort: Sort = 'start-desc', lang: Lang = 'sv'): Promise<{ total: number; items: Activity[] }> {
  const totalRow = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let q = filtered(db, filter).selectAll('activities');
  const effective = sort === 'relevance' && !hasSearchWords(filter.q) ? 'start-desc' : sort;
  switch (effective) {
    case 'relevance':
      if (dialectOf(db) === 'sqlite') {
        // One full-text scan joined to the activities, ranked by bm25: a correlated subquery would
        // run the match again for every matching activity.
        q = q.innerJoin(sql<{ id: number; score: number }>`(select rowid as id, bm25(activity_search) as score from activity_search where activity_search match ${fts5Query(filter.q!)})`.as('ranked'),
          (join) => join.onRef('ranked.id', '=', 'activities.id'))
          .orderBy('ranked.score').orderBy(START, (ob) => ob.desc().nullsLast());
      } else {
        q = q.orderBy(rank(filter.q!)).orderBy(START, (ob) => ob.desc().nullsLast());
      }
      break;
    case 'start-asc':
      q = q.orderBy(START, (ob) => ob.asc().nullsLast());
      break;
    case 'title': {
      const other = lang === 'sv' ? 'en' : 'sv';
      q = q.orderBy(sql`lower(coalesce((select t.title from activity_texts t where t.activity_id = activities.id and t.lang = ${lang}),
        (select t.title from activity_texts t where t.activity_id = activities.id and t.lang = ${other}), activities.slug))`);
      break;
    }
    default:
      q = q.orderBy(START, (ob) => ob.desc().nullsLast());
  }
  const rows = await q.orderBy('activities.slug').limit(page.limit).offset(page.offset).execute();
  return { total: Number(totalRow.n), items: await readActivities(db, rows) };
}

export type FacetName = 'kind' | 'status' | 'country' | 'region' | 'instrument' | 'funder' | 'organisation' | 'gcm' | 'sdgTarget' | 'year';

/**
 * How many activities each filter value would give, counted within the other filters (so a
 * chosen value does not hide its alternatives).
 */
export async function facetCounts(db: Db, filter: ActivityFilter): Promise<Record<FacetName, Map<string, number>>> {
  const ids = (facet: keyof ActivityFilter) => filtered(db, { ...filter, [facet]: undefined }).select('activities.id');
  const toMap = (rows: { value: string | null; n: number | string }[]) => new Map(rows.filter((r) => r.value !== null).map((r) => [String(r.value), Number(r.n)]));
  const count = sql<number>`count(distinct activity_id)`;
  const [kind, status, country, region, instrument, funder, organisation, gcm, sdgTarget, years] = await Promise.all([
    filtered(db, { ...filter, kind: undefined }).select(['activities.kind as value', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('activities.kind').execute(),
    filtered(db, { ...filter, status: undefined }).select(['activities.status as value', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('activities.status').execute(),
    db.selectFrom('activity_countries').select(['country_code as value', count.as('n')]).where('activity_id', 'in', ids('country')).groupBy('country_code').execute(),
    db.selectFrom('region_countries as rc').innerJoin('activity_countries as c', 'c.country_code', 'rc.country_code')
      .select(['rc.region_code as value', sql<number>`count(distinct c.activity_id)`.as('n')]).where('c.activity_id', 'in', ids('region')).groupBy('rc.region_code')
      .union(db.selectFrom('activity_regions').select(['region_code as value', count.as('n')]).where('activity_id', 'in', ids('region')).groupBy('region_code')).execute(),
    db.selectFrom('fundings').select(['instrument as value', count.as('n')]).where('activity_id', 'in', ids('instrument')).groupBy('instrument').execute(),
    // Funders as the filter reads them: the funder of a funding line, or an organisation in the funder role.
    db.selectFrom((eb) => eb.selectFrom('fundings as f').innerJoin('organisations as o', 'o.id', 'f.funder_id').select(['o.slug', 'f.activity_id'])
      .union(eb.selectFrom('participations as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id').select(['o.slug', 'p.activity_id']).where('p.role', '=', 'funder'))
      .as('funders'))
      .select(['funders.slug as value', sql<number>`count(distinct funders.activity_id)`.as('n')])
      .where('funders.activity_id', 'in', ids('funder')).groupBy('funders.slug').execute(),
    db.selectFrom('participations as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id').select(['o.slug as value', sql<number>`count(distinct p.activity_id)`.as('n')])
      .where('p.activity_id', 'in', ids('organisation')).groupBy('o.slug').execute(),
    db.selectFrom('alignments').select(['code as value', count.as('n')]).where('framework', '=', 'gcm').where('activity_id', 'in', ids('gcm')).groupBy('code').execute(),
    db.selectFrom('alignments').select(['code as value', count.as('n')]).where('framework', '=', 'sdg-target').where('activity_id', 'in', ids('sdgTarget')).groupBy('code').execute(),
    filtered(db, { ...filter, yearFrom: undefined, yearTo: undefined }).select([START.as('start'), END.as('end')]).execute(),
  ]);
  // A region can be counted twice (named, and through a country): keep the larger, an upper bound.
  const regionMap = new Map<string, number>();
  for (const r of region) regionMap.set(r.value, Math.max(regionMap.get(r.value) ?? 0, Number(r.n)));
  const yearMap = new Map([...countPerYear(years)].map(([year, n]) => [String(year), n]));
  return {
    kind: toMap(kind), status: toMap(status), country: toMap(country), region: regionMap, instrument: toMap(instrument),
    funder: toMap(funder), organisation: toMap(organisation), gcm: toMap(gcm), sdgTarget: toMap(sdgTarget), year: yearMap,
  };
}
