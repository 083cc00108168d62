/** Keeping the query planner informed after bulk writes, on either dialect. */
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { dialectOf } from './dialect.ts';

/** The tables whose sizes and spreads decide the plans of the portal's filters. */
const PLANNED_TABLES = ['activities', 'activity_countries', 'activity_regions', 'participations', 'fundings', 'alignments', 'activity_search'];

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
