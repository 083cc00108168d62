/**
 * Bulk inserts (src/db/bulk-insert.ts) store the same rows whichever way they go: SQLite's cached
 * statements in a transaction or Kysely outside one, PostgreSQL's JSON parameter; RETURNING gives
 * each row's own values, in the order of the rows, across parts; a constraint still refuses.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { insertRows } from '../../src/db/bulk-insert.ts';
import type { Db } from '../../src/db/database.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** More rows than one PostgreSQL part or one SQLite multi-row statement takes. */
function sources(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    slug: `${prefix}-${i}`,
    title_sv: i % 3 === 0 ? null : `Källa ”${i}” åäö`,
    title_en: i % 5 === 0 ? null : `Source 'quoted' ${i} \\ "x"`,
    location: i % 7 === 0 ? null : `https://example.org/${i}?a=1&b=2`,
    version: 1 + (i % 4), created_at: NOW, updated_at: NOW,
  }));
}

async function stored(db: Db, prefix: string) {
  return db.selectFrom('sources').select(['slug', 'title_sv', 'title_en', 'location', 'version', 'created_at', 'updated_at'])
    .where('slug', 'like', `${prefix}-%`).orderBy('id').execute();
}

for (const dialect of DIALECTS) {
  describe(`bulk inserts (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    for (const inTransaction of [true, false]) {
      it(`stores every row and returns each row's own id and slug (${inTransaction ? 'in a transaction' : 'outside one'})`, async () => {
        const prefix = inTransaction ? 'trx' : 'plain';
        const rows = sources(prefix, 6_100);
        const returned = inTransaction
          ? await t.db.transaction().execute((trx) => insertRows<'sources', { id: number; slug: string }>(trx, 'sources', rows, ['id', 'slug']))
          : await insertRows<'sources', { id: number; slug: string }>(t.db, 'sources', rows, ['id', 'slug']);
        assert.deepEqual(returned.map((r) => r.slug), rows.map((r) => r.slug));
        assert.equal(new Set(returned.map((r) => r.id)).size, rows.length);
        assert.deepEqual(await stored(t.db, prefix), rows);
        const byId = new Map((await t.db.selectFrom('sources').select(['id', 'slug']).execute()).map((r) => [r.id, r.slug]));
        for (const r of returned) assert.equal(byId.get(r.id), r.slug);
      });
    }

    it('renames returned columns and returns nothing when nothing is asked for', async () => {
      const rows = sources('renamed', 3);
      const none = await t.db.transaction().execute((trx) => insertRows(trx, 'sources', rows));
      assert.deepEqual(none, []);
      const more = sources('again', 2);
      const renamed = await t.db.transaction().execute((trx) => insertRows<'sources', { parent: string }>(trx, 'sources', more, ['slug as parent']));
      assert.deepEqual(renamed, [{ parent: 'again-0' }, { parent: 'again-1' }]);
    });

    it('stores a lone surrogate as the bound parameter did: U+FFFD on PostgreSQL, as it is on SQLite', async () => {
      const [row] = sources('surrogate', 1);
      const lone = { ...row!, title_sv: 'a\ud800b', title_en: 'pair \ud83d\ude00 and \udc00 alone' };
      await t.db.transaction().execute((trx) => insertRows(trx, 'sources', [lone]));
      const [back] = await stored(t.db, 'surrogate');
      const viaKysely = { ...lone, slug: 'kysely-0' };
      await t.db.insertInto('sources').values(viaKysely).execute();
      const [reference] = await stored(t.db, 'kysely');
      assert.equal(back!.title_sv, reference!.title_sv);
      assert.equal(back!.title_en, reference!.title_en);
    });

    it('a row the table refuses fails the insert and, with the transaction, writes nothing', async () => {
      const rows = [...sources('refused', 10), sources('refused', 1)[0]!];
      await assert.rejects(t.db.transaction().execute((trx) => insertRows(trx, 'sources', rows)));
      assert.deepEqual(await stored(t.db, 'refused'), []);
    });
  });
}
