/**
 * The import's write path at the size where batching matters (once per dialect): thousands of
 * activities in batches larger than one INSERT can take, unchanged activities recognised by their
 * content hash, a changed field changing one activity only, rows without a hash, and relations to
 * activities the file leaves out. Counts and versions, never times.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { storeContentHashes } from '../../../src/activities/activity.write.ts';
import type { Db } from '../../../src/db/database.ts';
import { importIatiFile } from '../../../src/iati/import/iati.import.ts';
import { fts5Query, tsqueryLiteral } from '../../../src/search/search.text.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../support/databases.ts';
import { exportIatiXml, generatedIatiXml } from '../generated-portfolio.ts';

const COUNT = 2_500;
/** Left without dates, so the export leaves it out, and the relation of the next activity with it. */
const DATELESS = 'generated-100';
const NOW = '2026-11-25T10:00:00.000Z';

const exportXml = (db: Db) => exportIatiXml(db, { now: NOW });

/** Every activity's bookkeeping, by slug. */
async function rows(db: Db) {
  const list = await db.selectFrom('activities').select(['slug', 'version', 'updated_at', 'content_hash']).orderBy('slug').execute();
  return new Map(list.map((r) => [r.slug, r]));
}

async function childCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['activity_texts', 'activity_dates', 'activity_countries', 'participations', 'fundings', 'funding_flows', 'relations',
    'alignments', 'results', 'indicators', 'indicator_periods', 'documents', 'provenance', 'activity_search'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return out;
}

for (const dialect of DIALECTS) {
  describe(`IATI import in batches (${dialect.name})`, { skip: dialect.skip }, () => {
    let xml: string;
    let t: TestDatabase;
    before(async () => {
      xml = await generatedIatiXml(dialect.name, COUNT, NOW, async (db) => {
        const id = (await db.selectFrom('activities').select('id').where('slug', '=', DATELESS).executeTakeFirstOrThrow()).id;
        await db.deleteFrom('activity_dates').where('activity_id', '=', id).execute();
      });
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    it('imports more rows per table than one INSERT takes, and exports the same file again', { timeout: 600_000 }, async () => {
      assert.equal(xml.includes(`activity="${DATELESS}"`), false, 'no relation to the activity the file leaves out');
      const report = await importIatiFile(t.db, Readable.from([xml]), { batchSize: 5_000, now: '2027-01-01T00:00:00.000Z' });
      assert.equal(report.critical, undefined);
      assert.equal(report.summary.errors, 0);
      assert.equal(report.summary.warnings, 0);
      assert.equal(report.summary.activities.created, COUNT - 1);
      const hashes = [...(await rows(t.db)).values()];
      assert.equal(hashes.filter((r) => r.content_hash === null).length, 0);
      assert.equal(await exportXml(t.db), xml);
    });

    it('a second import of the same file writes nothing: no version, time, hash or row changes', { timeout: 600_000 }, async () => {
      const [before, counts] = [await rows(t.db), await childCounts(t.db)];
      const report = await importIatiFile(t.db, Readable.from([xml]), { now: '2027-02-01T00:00:00.000Z' });
      assert.deepEqual(report.summary.activities, { created: 0, updated: 0, unchanged: COUNT - 1, skipped: 0 });
      assert.deepEqual(report.summary.organisations, { created: 0, updated: 0, unchanged: report.summary.organisations.unchanged });
      assert.equal(report.summary.warnings, 0);
      assert.deepEqual(await rows(t.db), before);
      assert.deepEqual(await childCounts(t.db), counts);
    });

    it('one changed field in the big file updates that activity alone, and search finds the new words', { timeout: 600_000 }, async () => {
      const before = await rows(t.db);
      const changed = xml.replace('<narrative>Cooperation project number 1234</narrative>', '<narrative>Cooperation project number 1234 on falconry</narrative>');
      assert.notEqual(changed, xml);
      const report = await importIatiFile(t.db, Readable.from([changed]), { now: '2027-03-01T00:00:00.000Z' });
      assert.deepEqual(report.summary.activities, { created: 0, updated: 1, unchanged: COUNT - 2, skipped: 0 });
      const after = await rows(t.db);
      for (const [slug, row] of after) {
        const was = before.get(slug)!;
        if (slug === 'generated-1234') {
          assert.equal(row.version, was.version + 1);
          assert.equal(row.updated_at, '2027-03-01T00:00:00.000Z');
          assert.notEqual(row.content_hash, was.content_hash);
        } else {
          assert.deepEqual(row, was, slug);
        }
      }
      const id = (await t.db.selectFrom('activities').select('id').where('slug', '=', 'generated-1234').executeTakeFirstOrThrow()).id;
      const found = dialect.name === 'postgres'
        ? await sql<{ id: number }>`select activity_id as id from activity_search where document @@ ${tsqueryLiteral('falconry')}::tsquery`.execute(t.db)
        : await sql<{ id: number }>`select rowid as id from activity_search where activity_search match ${fts5Query('falconry')}`.execute(t.db);
      assert.deepEqual(found.rows.map((r) => Number(r.id)), [id]);
    });

    it('rows without a content hash are compared by reading them back, and storeContentHashes fills them in', { timeout: 600_000 }, async () => {
      await t.db.updateTable('activities').set({ content_hash: null }).execute();
      const before = await rows(t.db);
      const first = await importIatiFile(t.db, Readable.from([xml]), { now: '2027-04-01T00:00:00.000Z' });
      // The file still has the old title of generated-1234: that one changes back, nothing else.
      assert.deepEqual(first.summary.activities, { created: 0, updated: 1, unchanged: COUNT - 2, skipped: 0 });
      const middle = await rows(t.db);
      assert.equal([...middle.values()].filter((r) => r.content_hash !== null).length, 1);
      for (const [slug, row] of middle) if (slug !== 'generated-1234') assert.deepEqual(row, before.get(slug));
      assert.equal(await storeContentHashes(t.db), COUNT - 2);
      const filled = await rows(t.db);
      assert.equal([...filled.values()].filter((r) => r.content_hash === null).length, 0);
      const again = await importIatiFile(t.db, Readable.from([xml]), { now: '2027-05-01T00:00:00.000Z' });
      assert.deepEqual(again.summary.activities, { created: 0, updated: 0, unchanged: COUNT - 1, skipped: 0 });
      assert.deepEqual(await rows(t.db), filled);
    });

    it('a row changed outside the write path (its publication) is not taken for unchanged', { timeout: 600_000 }, async () => {
      await t.db.updateTable('activities').set({ publication: 'draft' }).where('slug', '=', 'generated-7').execute();
      const report = await importIatiFile(t.db, Readable.from([xml]), { now: '2027-06-01T00:00:00.000Z' });
      assert.deepEqual(report.summary.activities, { created: 0, updated: 1, unchanged: COUNT - 2, skipped: 0 });
      assert.equal(report.activities.find((a) => a.slug === 'generated-7')?.outcome, 'updated');
      const row = await t.db.selectFrom('activities').select('publication').where('slug', '=', 'generated-7').executeTakeFirstOrThrow();
      assert.equal(row.publication, 'published');
    });
  });
}
