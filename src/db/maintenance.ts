/** Keeping the query planner informed after bulk writes, on either dialect. */
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { dialectOf } from './dialect.ts';

/**
 * The tables whose sizes and spreads decide the plans of the portal's filters, and those that
 * reading whole activities joins (activity.read.ts): without statistics PostgreSQL took a freshly
 * imported `relations` table for a tiny one and joined it to every activity and organisation by a
 * sequential scan, once per page of 100, so exporting 400 MB took four times as long per byte as 40 MB.
 */
const PLANNED_TABLES = [
  'activities', 'activity_countries', 'activity_regions', 'participations', 'fundings', 'alignments', 'activity_search',
  'activity_texts', 'activity_dates', 'relations', 'provenance', 'funding_flows', 'key_figures', 'results', 'indicators',
  'indicator_periods', 'engagements', 'engagement_organisations', 'engagement_countries', 'documents', 'other_identifiers', 'activity_reporters', 'organisations', 'sources',
];

/**
 * After an import, the planner's statistics may describe a much smaller portfolio; without fresh
 * ones, a filter can start from the least selective index. Cheap when little has changed.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql.raw(`analyze ${PLANNED_TABLES.join(', ')}`).execute(db);
  } else {
    await sql`pragma optimize`.execute(db);
  }
}
