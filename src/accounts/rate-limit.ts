/**
 * Failed sign-ins counted in the database per bucket ("ip:…" and "email:…") and fixed window, so
 * every server on one database shares the count. A bucket that reached the limit in the current
 * window refuses further attempts until the window ends.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface RateLimit {
  maxFailures: number;
  windowMinutes: number;
}

function windowOf(limit: RateLimit, now: Date): { start: string; endsAt: number } {
  const size = limit.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start).toISOString(), endsAt: start + size };
}

/** Seconds until every given bucket may try again; 0 when none is over its limit. */
export async function retryAfterSeconds(db: Db, buckets: string[], limit: RateLimit, now: Date): Promise<number> {
  const window = windowOf(limit, now);
  const over = await db.selectFrom('rate_limits').select('bucket')
    .where('bucket', 'in', buckets).where('window_start', '=', window.start).where('count', '>=', limit.maxFailures).executeTakeFirst();
  return over ? Math.max(1, Math.ceil((window.endsAt - now.getTime()) / 1000)) : 0;
}

export async function recordFailure(db: Db, buckets: string[], limit: RateLimit, now: Date): Promise<void> {
  const window = windowOf(limit, now);
  for (const bucket of buckets) {
    // One statement, atomic on both dialects: concurrent failures on two servers both count.
    await db.insertInto('rate_limits').values({ bucket, window_start: window.start, count: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }))
      .execute();
  }
  // Windows that ended are of no further use.
  await db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - 2 * limit.windowMinutes * 60_000).toISOString()).execute();
}

export async function clearBucket(db: Db, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('bucket', '=', bucket).execute();
}
