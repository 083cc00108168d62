/**
 * Portfolio figures computed from the data at the moment they are asked for, with SQL aggregates
 * so that they cost the same at 19 activities and at 100 000. Nothing here is typed in by hand.
 */
import { sql } from 'kysely';
import { END, START, countPerYear } from '../activities/activity.query.ts';
import { readActivities } from '../activities/activity.read.ts';
import type { Activity } from '../activities/activity.schema.ts';
import type { Db } from '../db/database.ts';

export interface PortfolioFigures {
  activities: number;
  /** Under way by their dates (started, not ended), whatever their status says. */
  ongoing: number;
  countries: number;
  organisations: number;
  expertMissions: { total: number; asOf: string | null };
  euFunding: { eur: number; activities: number };
  firstYear: number | null;
  lastYear: number | null;
}

/** Instruments whose money comes from the EU budget (MPF is EU-funded, run by ICMPD). */
const EU_INSTRUMENTS = ['eu-amif', 'eu-amif-specific-actions', 'eu-isf-bmvi', 'eu-ipa', 'mpf', 'eu-other'];

/**
 * Under way by the dates: started, and either not yet at its end, or without an end while its
 * status says it is running. A plan whose start has passed unconfirmed is not under way.
 */
const ongoingCondition = (today: string) => sql<boolean>`activities.status <> 'cancelled' and ${START} <= ${today}
  and ((${END} is not null and ${END} >= ${today}) or (${END} is null and activities.status in ('implementation', 'finalisation', 'suspended')))`;

/** Not started by the dates, or still a plan without an end: shown as planned, with a note when its start has passed. */
const plannedCondition = (today: string) => sql<boolean>`activities.status not in ('cancelled', 'closed') and not (${ongoingCondition(today)})
  and (${START} > ${today} or ${START} is null or (activities.status = 'pipeline' and ${END} is null))`;

const published = (db: Db) => db.selectFrom('activities').where('activities.publication', '=', 'published');

export async function portfolioFigures(db: Db, today: string, reportingOrgRef: string): Promise<PortfolioFigures> {
  const [counts, ongoing, countries, organisations, missions, eu, span] = await Promise.all([
    published(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    published(db).select((eb) => eb.fn.countAll<number>().as('n'))
      .where(ongoingCondition(today)).executeTakeFirstOrThrow(),
    db.selectFrom('activity_countries').select(sql<number>`count(distinct country_code)`.as('n'))
      .where('activity_id', 'in', published(db).select('activities.id')).executeTakeFirstOrThrow(),
    db.selectFrom('participations').select(sql<number>`count(distinct organisation_id)`.as('n'))
      .where('activity_id', 'in', published(db).select('activities.id'))
      .where('organisation_id', 'not in', db.selectFrom('organisations').select('id').where('iati_ref', '=', reportingOrgRef))
      .executeTakeFirstOrThrow(),
    db.selectFrom('engagements').select([sql<number | null>`sum(coalesce(count, 1))`.as('n'), sql<string | null>`max(date_to)`.as('asOf')])
      .where('kind', '=', 'expert-mission').where('activity_id', 'in', published(db).select('activities.id')).executeTakeFirstOrThrow(),
    db.selectFrom('funding_flows as fl').innerJoin('fundings as f', 'f.id', 'fl.funding_id')
      .select([sql<number | null>`sum(cast(fl.amount as double precision))`.as('eur'), sql<number>`count(distinct f.activity_id)`.as('n')])
      .where('fl.kind', '=', 'budget').where('fl.currency', '=', 'EUR').where('f.instrument', 'in', EU_INSTRUMENTS)
      .where('f.activity_id', 'in', published(db).select('activities.id')).executeTakeFirstOrThrow(),
    published(db).select([sql<string | null>`min(coalesce(activities.start_date, activities.end_date))`.as('first'), sql<string | null>`max(coalesce(activities.end_date, activities.start_date))`.as('last')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    activities: Number(counts.n),
    ongoing: Number(ongoing.n),
    countries: Number(countries.n),
    organisations: Number(organisations.n),
    expertMissions: { total: Number(missions.n ?? 0), asOf: missions.asOf },
    euFunding: { eur: Number(eu.eur ?? 0), activities: Number(eu.n) },
    firstYear: span.first ? Number(span.first.slice(0, 4)) : null,
    lastYear: span.last ? Number(span.last.slice(0, 4)) : null,
  };
}

export type Phase = 'ongoing' | 'planned' | 'ended';

/** Published activities in one phase by their dates, most relevant first, at most `limit`. */
export async function activitiesInPhase(db: Db, phase: Phase, today: string, limit: number): Promise<Activity[]> {
  let q = published(db).selectAll('activities');
  if (phase === 'ongoing') {
    q = q.where(ongoingCondition(today)).orderBy(START, 'desc');
  } else if (phase === 'planned') {
    q = q.where(plannedCondition(today)).orderBy(START, 'asc');
  } else {
    q = q.where(sql<boolean>`${END} < ${today}`).orderBy(END, 'desc');
  }
  return readActivities(db, await q.orderBy('activities.slug').limit(limit).execute());
}

/** Per calendar year, how many published activities were under way at some time in it. */
export async function activitiesPerYear(db: Db): Promise<{ year: number; count: number }[]> {
  const counts = countPerYear(await published(db).select([START.as('start'), END.as('end')]).execute());
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/** The newest change to any published data: what Last-Modified and ETag are built from. */
export async function dataVersion(db: Db): Promise<{ lastModified: string; tag: string }> {
  const [a, o] = await Promise.all([
    db.selectFrom('activities').select([sql<string | null>`max(updated_at)`.as('max'), (eb) => eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow(),
    db.selectFrom('organisations').select([sql<string | null>`max(updated_at)`.as('max'), (eb) => eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow(),
  ]);
  const lastModified = [a.max, o.max].filter((x): x is string => x !== null).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
  return { lastModified, tag: `${lastModified}|${a.n}|${o.n}` };
}
