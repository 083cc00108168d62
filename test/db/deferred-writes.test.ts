/**
 * Deferred writes (src/db/bulk-insert.ts): on PostgreSQL gathered and sent by flush() as one
 * message of statements, on SQLite written at once; either way the rows stored are the rows given,
 * a text that looks like the quoting is only text, reserved ids never meet the ids the column's
 * default gives, and a refused statement fails the flush and, with the transaction, writes nothing.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { DeferredWrites, dollarQuoted, withDeferredWrites } from '../../src/db/bulk-insert.ts';
import type { Db } from '../../src/db/database.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-02T10:00:00.000Z';

function source(slug: string, title: string | null = null) {
  return { slug, title_sv: title, title_en: null, location: null, version: 1, created_at: NOW, updated_at: NOW };
}

async function slugs(db: Db, prefix: string): Promise<string[]> {
  return (await db.selectFrom('sources').select('slug').where('slug', 'like', `${prefix}-%`).orderBy('slug').execute()).map((r) => r.slug);
}

describe('dollarQuoted', () => {
  it('picks a tag the text does not hold', () => {
    assert.equal(dollarQuoted('plain'), '$samverka$plain$samverka$');
    assert.equal(dollarQuoted('a $samverka$ b'), '$samverka1$a $samverka$ b$samverka1$');
    assert.equal(dollarQuoted('$samverka$ and $samverka1$'), '$samverka2$$samverka$ and $samverka1$$samverka2$');
  });
});

for (const dialect of DIALECTS) {
  describe(`deferred writes (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    const postgres = dialect.name === 'postgres';
    before(async () => {
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    it(postgres ? 'writes nothing before flush(), then everything' : 'writes each insert when it is added', async () => {
      await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        await writes.insert('sources', ['a', 'b', 'c'].map((s) => source(`order-${s}`)));
        await writes.insert('sources', []);
        assert.deepEqual(await slugs(trx, 'order'), postgres ? [] : ['order-a', 'order-b', 'order-c']);
        await writes.insert('sources', [source('order-d')]);
        await writes.flush();
        assert.deepEqual(await slugs(trx, 'order'), ['order-a', 'order-b', 'order-c', 'order-d']);
        await writes.flush();
      });
    });

    it('sends what it gathered once the text is long enough, without waiting for flush()', async () => {
      await t.db.transaction().execute(async (trx) => {
        // About 130 characters of SQL per row, and sent from 2 000: the first insert stays, the second one goes.
        const writes = new DeferredWrites(trx, { sendFrom: 2_000 });
        await writes.insert('sources', Array.from({ length: 5 }, (_, i) => source(`bounded-a${i}`)));
        assert.equal((await slugs(trx, 'bounded')).length, postgres ? 0 : 5);
        await writes.insert('sources', Array.from({ length: 20 }, (_, i) => source(`bounded-b${i}`)));
        assert.equal((await slugs(trx, 'bounded')).length, 25);
        await writes.insert('sources', [source('bounded-c')]);
        assert.equal((await slugs(trx, 'bounded')).length, postgres ? 25 : 26);
        await writes.flush();
        assert.equal((await slugs(trx, 'bounded')).length, 26);
      });
    });

    it('deletes in the order added: after the inserts before it, before the inserts after it', async () => {
      await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        const reserved = await writes.reserveIds('sources', 2);
        const [x, y] = [source('delete-x'), source('delete-y')];
        await writes.insert('sources', reserved ? [{ id: reserved[0]!, ...x }, { id: reserved[1]!, ...y }] : [x, y]);
        const xId = reserved?.[0] ?? (await trx.selectFrom('sources').select('id').where('slug', '=', 'delete-x').executeTakeFirstOrThrow()).id;
        await writes.deleteWhereIn('sources', 'id', [xId]);
        await writes.deleteWhereIn('sources', 'id', []);
        await writes.insert('sources', [source('delete-z')]);
        await writes.flush();
        assert.deepEqual(await slugs(trx, 'delete'), ['delete-y', 'delete-z']);
      });
    });

    it('stores texts that look like quoting, escapes or SQL as they are', async () => {
      const titles = [
        '$samverka$; drop table sources; --', "it's 'quoted'", 'back\\slash \\n \\u0041 and "double"', '$$ $1 $tag$',
        'åäö ÅÄÖ ”citat” – emoji 😀', 'line\nbreak\ttab',
      ];
      await t.db.transaction().execute((trx) => withDeferredWrites(trx, undefined, (writes) =>
        writes.insert('sources', titles.map((title, i) => source(`quote-${i}`, title)))));
      const back = await t.db.selectFrom('sources').select(['slug', 'title_sv']).where('slug', 'like', 'quote-%').orderBy('slug').execute();
      assert.deepEqual(back.map((r) => r.title_sv), titles);
    });

    it(postgres ? 'reserves ids from the sequence that the column default goes on from' : 'reserves no ids (rows are inserted at once)', async () => {
      const reserved = await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        const ids = await writes.reserveIds('sources', 3);
        if (ids) await writes.insert('sources', ids.map((id, i) => ({ id, ...source(`reserved-${i}`) })));
        await writes.flush();
        return ids;
      });
      if (!postgres) {
        assert.equal(reserved, undefined);
        return;
      }
      assert.equal(reserved?.length, 3);
      assert.equal(new Set(reserved).size, 3);
      await t.db.insertInto('sources').values(source('reserved-default')).execute();
      const rows = await t.db.selectFrom('sources').select(['id', 'slug']).where('slug', 'like', 'reserved-%').orderBy('slug').execute();
      assert.deepEqual(rows.slice(0, 3).map((r) => r.id), reserved);
      assert.ok(rows[3]!.id > Math.max(...reserved!), 'the default takes the next id after the reserved ones');
      assert.deepEqual(await t.db.transaction().execute((trx) => new DeferredWrites(trx).reserveIds('sources', 0)), []);
    });

    it('hands out ids reserved ahead for several tables, and takes more when they run out', async () => {
      const [reserved, otherTable] = await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        await writes.reserveAhead({ sources: 2, organisations: 1, results: 0 });
        const ids = [...(await writes.reserveIds('sources', 1)) ?? [], ...(await writes.reserveIds('sources', 3)) ?? []];
        const organisations = await writes.reserveIds('organisations', 1);
        if (!postgres) return [undefined, organisations];
        await writes.insert('sources', ids.map((id, i) => ({ id, ...source(`ahead-${i}`) })));
        await writes.flush();
        return [ids, organisations];
      });
      if (!postgres) {
        assert.deepEqual([reserved, otherTable], [undefined, undefined]);
        return;
      }
      assert.equal(reserved?.length, 4);
      assert.equal(new Set(reserved).size, 4);
      assert.equal(otherTable?.length, 1);
      const stored = await t.db.selectFrom('sources').select('id').where('slug', 'like', 'ahead-%').orderBy('slug').execute();
      assert.deepEqual(stored.map((r) => r.id), reserved);
    });

    it('runs a statement around one JSON value, in its turn', async () => {
      await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        await writes.insert('sources', [source('json-a')]);
        const value = { t: "it's $samverka$ \\ \"quoted\"" };
        if (postgres) await writes.jsonStatement('update sources set title_en = (', value, "::json)->>'t' where slug = 'json-a'");
        else await writes.jsonStatement('update sources set title_en = json_extract(', value, ", '$.t') where slug = 'json-a'");
        await writes.flush();
        const row = await trx.selectFrom('sources').select('title_en').where('slug', '=', 'json-a').executeTakeFirstOrThrow();
        assert.equal(row.title_en, value.t);
      });
    });

    it('a refused statement fails the flush, and with the transaction nothing is written', async () => {
      await assert.rejects(t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        await writes.insert('sources', [source('refused-a'), source('refused-b')]);
        await writes.insert('sources', [source('refused-a')]);
        await writes.flush();
      }), (error: Error & { code?: string }) => ['23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes(error.code ?? ''));
      assert.deepEqual(await slugs(t.db, 'refused'), []);
    });

    it('refuses ids that are not integers before writing anything', async () => {
      await t.db.transaction().execute(async (trx) => {
        const writes = new DeferredWrites(trx);
        await assert.rejects(writes.deleteWhereIn('sources', 'id', [1, 2.5]), /must be integers/);
        await assert.rejects(writes.deleteWhereIn('sources', 'id', [Number.NaN]), /must be integers/);
        await writes.flush();
      });
    });
  });
}
