/** Saving and finding activities. Every function takes the database (or a transaction) first. */
import { isDeepStrictEqual } from 'node:util';
import type { ActivityRow, Db } from '../db/database.ts';
import { withoutMeta, type SaveOutcome } from '../shared/records.ts';
import { readActivities } from './activity.read.ts';
import type { Activity } from './activity.schema.ts';
import type { References } from '../db/references.ts';
import { indexActivities } from '../search/search.index.ts';
import { withDeferredWrites, type BatchedSave } from '../db/bulk-insert.ts';
import type { SearchDocument } from '../search/search.document.ts';
import { contentHash } from './activity.hash.ts';
import {
  activityRow, deleteActivityChildren, insertActivityRows, insertChildren, insertRelationsOf, updateActivityRow,
  type WrittenActivity,
} from './activity.write.ts';

/**
 * Saves activities as wholes. Rows first, so that relations can point at activities later in the
 * list; an activity equal to what is stored (bookkeeping aside) is not touched.
 *
 * "Equal" is decided from the stored row: its columns and the content hash of the document saved
 * last (activity.write.ts). Only a row without a hash is read back and compared as a document.
 * Everything else is written for the whole list at once: one INSERT per table, and one search
 * index update built from the documents in hand.
 *
 * The options are the IATI import's (iati.import.ts); see SaveOptions.
 */
export async function saveActivities(trx: Db, activities: Activity[], refs: References, now: string,
  options: SaveOptions = {}): Promise<Map<string, SaveOutcome>> {
  const { prepared } = options;
  const outcomes = new Map<string, SaveOutcome>();
  if (activities.length === 0) return outcomes;
  const storedRows: ActivityRow[] = [];
  const slugs = activities.map((a) => a.slug).filter((slug) => options.mayBeStored?.(slug) ?? true);
  for (let i = 0; i < slugs.length; i += 5_000) {
    storedRows.push(...await trx.selectFrom('activities').selectAll().where('slug', 'in', slugs.slice(i, i + 5_000)).execute());
  }
  const rows = new Map(storedRows.map((r) => [r.slug, r]));
  const unhashed = new Map((await readActivities(trx, storedRows.filter((r) => r.content_hash === null))).map((a) => [a.slug, a]));
  const updated: (WrittenActivity & { hash: string })[] = [];
  const created: { activity: Activity; hash: string }[] = [];
  const search = new Map<Activity, SearchDocument>();
  for (const [i, activity] of activities.entries()) {
    const row = rows.get(activity.slug);
    const hash = prepared?.[i]?.hash ?? contentHash(activity);
    const document = prepared?.[i]?.search;
    if (document) search.set(activity, document);
    if (row && isStored(row, activity, hash, unhashed.get(activity.slug))) {
      outcomes.set(activity.slug, 'unchanged');
      continue;
    }
    if (row) {
      updated.push({ id: refs.activities.get(activity.slug) ?? row.id, activity, hash });
      outcomes.set(activity.slug, 'updated');
    } else {
      created.push({ activity, hash });
      outcomes.set(activity.slug, 'created');
    }
  }
  for (const { id, activity, hash } of updated) await updateActivityRow(trx, id, activity, now, hash);
  await deleteActivityChildren(trx, updated.map((u) => u.id));
  // On PostgreSQL the new rows get reserved ids and everything is sent together at the end: one
  // message, which the server works through while an import maps its next batch.
  await withDeferredWrites(trx, options.later, async (later) => {
    const ids = await insertActivityRows(trx, created, now, later);
    const changed: WrittenActivity[] = [...updated, ...created.map(({ activity }, i) => ({ id: ids[i]!, activity }))];
    for (const { id, activity } of changed) refs.activities.set(activity.slug, id);
    await insertChildren(trx, changed, refs, later);
    await insertRelationsOf(trx, changed, refs, later);
    await indexActivities(trx, changed.map((c) => ({ ...c, search: search.get(c.activity) })), later);
  });
  return outcomes;
}

export interface SaveOptions extends BatchedSave {
  /**
   * For each activity at the same position, its content hash and index row made beforehand (the
   * IATI import's mapping makes them); they must be what `contentHash` and `searchDocument` give
   * for that document.
   */
  prepared?: readonly PreparedActivity[];
}

/** What can be made of an activity before it is saved. */
export interface PreparedActivity {
  hash?: string;
  search?: SearchDocument;
}

/** Whether the row already holds this document: by hash when the row has one, else by reading it back. */
function isStored(row: ActivityRow, activity: Activity, hash: string, readBack: Activity | undefined): boolean {
  if (row.content_hash === null) return readBack !== undefined && isDeepStrictEqual(withoutMeta(readBack), withoutMeta(activity));
  if (row.content_hash !== hash) return false;
  // A writer that changed the row's own columns directly (publication, say) is seen here too.
  const columns = activityRow(activity);
  return (Object.keys(columns) as (keyof typeof columns)[]).every((k) => row[k] === columns[k]);
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
