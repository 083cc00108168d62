/** What the overview page reads that the editing domain has no function for: recent revisions (read only). */
import type { Db } from '../db/database.ts';

/** Activities with the newest editorial events first (by one author, or anyone), one line per activity. */
export async function recentActivityEdits(db: Db, options: { authorId?: number; limit: number }): Promise<{ slug: string; at: string; author: string | null }[]> {
  let q = db.selectFrom('revisions').innerJoin('activities', 'activities.id', 'revisions.entity_id')
    .select(['activities.slug', 'revisions.created_at', 'revisions.author_name'])
    .where('revisions.entity', '=', 'activity').where('revisions.action', '!=', 'baseline').where('activities.publication', '!=', 'deleted')
    .orderBy('revisions.created_at', 'desc').orderBy('revisions.id', 'desc').limit(options.limit * 20);
  if (options.authorId !== undefined) q = q.where('revisions.author_id', '=', options.authorId);
  const seen = new Set<string>();
  const out: { slug: string; at: string; author: string | null }[] = [];
  for (const r of await q.execute()) {
    if (seen.has(r.slug)) continue;
    seen.add(r.slug);
    out.push({ slug: r.slug, at: r.created_at, author: r.author_name });
    if (out.length === options.limit) break;
  }
  return out;
}
