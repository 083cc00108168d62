/** Saving and finding activities. Every function takes the database (or a transaction) first. */
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/database.ts';
import { withoutMeta, type SaveOutcome } from '../shared/records.ts';
import { readActivities } from './activity.read.ts';
import type { Activity } from './activity.schema.ts';
import type { References } from '../db/references.ts';
import { reindexActivities } from '../search/search.index.ts';
import {
  deleteActivityChildren, insertActivityChildren, insertActivityRow, insertRelations, updateActivityRow,
} from './activity.write.ts';

/**
 * Saves activities as wholes. Rows first, so that relations can point at activities later in the
 * list; an activity equal to what is stored (bookkeeping aside) is not touched.
 */
export async function saveActivities(trx: Db, activities: Activity[], refs: References, now: string): Promise<Map<string, SaveOutcome>> {
  const outcomes = new Map<string, SaveOutcome>();
  const slugs = activities.map((a) => a.slug);
  const storedRows = slugs.length ? await trx.selectFrom('activities').selectAll().where('slug', 'in', slugs).execute() : [];
  const stored = new Map((await readActivities(trx, storedRows)).map((a) => [a.slug, a]));
  const changed: { id: number; activity: Activity }[] = [];
  for (const activity of activities) {
    const before = stored.get(activity.slug);
    if (before && isDeepStrictEqual(withoutMeta(before), withoutMeta(activity))) {
      outcomes.set(activity.slug, 'unchanged');
      continue;
    }
    if (before) {
      const id = refs.activities.get(activity.slug)!;
      await updateActivityRow(trx, id, activity, now);
      await deleteActivityChildren(trx, id);
      changed.push({ id, activity });
      outcomes.set(activity.slug, 'updated');
    } else {
      const id = await insertActivityRow(trx, activity, now);
      refs.activities.set(activity.slug, id);
      changed.push({ id, activity });
      outcomes.set(activity.slug, 'created');
    }
  }
  for (const { id, activity } of changed) await insertActivityChildren(trx, id, activity, refs);
  for (const { id, activity } of changed) await insertRelations(trx, id, activity, refs);
  await reindexActivities(trx, changed.map((c) => c.id));
  return outcomes;
}

export async function findActivity(db: Db, slug: string, options: { publishedOnly?: boolean } = {}): Promise<Activity | undefined> {
  let q = db.selectFrom('activities').selectAll().where('slug', '=', slug);
  if (options.publishedOnly) q = q.where('publication', '=', 'published');
  const row = await q.executeTakeFirst();
  return row ? (await readActivities(db, [row]))[0] : undefined;
}

export async function allActivities(db: Db, options: { publishedOnly?: boolean } = {}): Promise<Activity[]> {
  let q = db.selectFrom('activities').selectAll().orderBy('id');
  if (options.publishedOnly) q = q.where('publication', '=', 'published');
  return readActivities(db, await q.execute());
}

/** Relations other activities hold towards this one: the inverse side, which is never stored. */
export async function findIncomingRelations(db: Db, slug: string, options: { publishedOnly?: boolean } = {}): Promise<{ from: string; type: string; basis: string }[]> {
  let q = db.selectFrom('relations')
    .innerJoin('activities as target', 'target.id', 'relations.target_activity_id')
    .innerJoin('activities as source', 'source.id', 'relations.activity_id')
    .select(['source.slug as from', 'relations.relation_type as type', 'relations.basis'])
    .where('target.slug', '=', slug)
    .orderBy('source.slug').orderBy('relations.position');
  if (options.publishedOnly) q = q.where('source.publication', '=', 'published');
  return q.execute();
}
