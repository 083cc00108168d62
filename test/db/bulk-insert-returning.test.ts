/**
 * Bulk inserts that return columns: on SQLite, in a transaction, the rowid and the row's own values
 * are answered without RETURNING (no statement journal); where SQLite would store a value other
 * than the one given (a column's affinity), the answer is still what was stored, on both dialects.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { insertRows } from '../../src/db/bulk-insert.ts';
import type { Database } from '../../src/db/database.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** The texts of the INSERT statements better-sqlite3 ran (run or get) while recording. */
const ran: string[] = [];
let recording = false;
const prepare = SQLite.prototype.prepare;
const patched = new WeakSet<object>();
SQLite.prototype.prepare = function (this: SQLite.Database, text: string) {
  const statement = prepare.call(this, text) as SQLite.Statement;
  const proto = Object.getPrototypeOf(statement) as Record<'run' | 'get', (...args: unknown[]) => unknown>;
  if (!patched.has(proto)) {
    patched.add(proto);
    for (const method of ['run', 'get'] as const) {
      const original = proto[method];
      proto[method] = function (this: SQLite.Statement, ...args: unknown[]) {
        if (recording && this.source.startsWith('insert')) ran.push(this.source);
        return original.apply(this, args);
      };
    }
  }
  return statement;
} as typeof SQLite.prototype.prepare;

function source(slug: string) {
  return { slug, title_sv: null, title_en: `Source ${slug}`, location: null, version: 2, created_at: NOW, updated_at: NOW };
}

for (const dialect of DIALECTS) {
  describe(`bulk inserts returning columns (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(dialect.name);
    });
    after(() => t?.close());

    it('returns the stored id and the row\'s own values, renamed as asked', async () => {
      const rows = ['r-a', 'r-b', 'r-c'].map(source);
      ran.length = 0;
      recording = true;
      const returned = await t.db.transaction().execute((trx) =>
        insertRows<'sources', { id: number; key: string; version: number }>(trx, 'sources', rows, ['id', 'slug as key', 'version']));
      recording = false;
      const stored = await t.db.selectFrom('sources').select(['id', 'slug', 'version']).where('slug', 'like', 'r-%').orderBy('id').execute();
      assert.deepEqual(returned, stored.map((s) => ({ id: s.id, key: s.slug, version: s.version })));
      assert.deepEqual(returned.map((r) => r.key), ['r-a', 'r-b', 'r-c']);
      if (dialect.name === 'sqlite') {
        assert.equal(ran.length, 3);
        assert.ok(ran.every((text) => !/returning/i.test(text)), ran.join('\n'));
      }
    });

    it('returns what was stored where the column stores another value than the one given', async () => {
      // A number given to a text column is stored as text, a numeric string given to an integer column as a number.
      const odd = { ...source('unused'), slug: 4711 as unknown as string, version: '3' as unknown as number };
      ran.length = 0;
      recording = true;
      const returned = await t.db.transaction().execute((trx) =>
        insertRows<'sources', { id: number; slug: unknown; version: unknown }>(trx, 'sources', [source('plain'), odd], ['id', 'slug', 'version']));
      recording = false;
      const stored = await t.db.selectFrom('sources').select(['id', 'slug', 'version']).where('id', 'in', returned.map((r) => r.id)).orderBy('id').execute();
      assert.deepEqual(returned, stored);
      // SQLite binds a JavaScript number as a real, so its text is '4711.0'; PostgreSQL's is '4711'.
      assert.deepEqual(returned.map((r) => [typeof r.slug, r.version]), [['string', 2], ['string', 3]]);
      assert.match(String(returned[1]!.slug), /^4711/);
      if (dialect.name === 'sqlite') assert.deepEqual(ran.map((text) => /returning/i.test(text)), [false, true]);
    });

    it('returns a lone surrogate as it was stored, not as it was given', async () => {
      const row = { ...source('surrogate'), title_en: 'a\ud800b' };
      const returned = await t.db.transaction().execute((trx) =>
        insertRows<'sources', { title_en: string }>(trx, 'sources', [row], ['title_en']));
      const stored = await t.db.selectFrom('sources').select('title_en').where('slug', '=', 'surrogate').execute();
      assert.deepEqual(returned, stored);
      // U+FFFD on PostgreSQL; on SQLite the three bytes of its WTF-8 form, each read back as U+FFFD.
      assert.match(returned[0]!.title_en, /^a\ufffd+b$/);
    });

    it('returns -0 given to an integer column as the 0 stored', async () => {
      const returned = await t.db.transaction().execute((trx) =>
        insertRows<'sources', { version: number }>(trx, 'sources', [{ ...source('minus-zero'), version: -0 }], ['version']));
      assert.ok(Object.is(returned[0]!.version, 0), String(returned[0]!.version));
    });

    it('a column that is neither the rowid nor given comes from RETURNING', async () => {
      const { title_sv: _none, ...row } = source('not-given');
      ran.length = 0;
      recording = true;
      const returned = await t.db.transaction().execute((trx) =>
        insertRows<'sources', { slug: string; title_sv: string | null }>(trx, 'sources', [row], ['slug', 'title_sv']));
      recording = false;
      assert.deepEqual(returned, [{ slug: 'not-given', title_sv: null }]);
      if (dialect.name === 'sqlite') assert.deepEqual(ran.map((text) => /returning/i.test(text)), [true]);
    });

    // SQLite's rowid only: PostgreSQL has no such column, so the case does not exist there.
    if (dialect.name === 'sqlite') it('an INTEGER PRIMARY KEY that is not the rowid (DESC, WITHOUT ROWID) is answered by RETURNING', async () => {
      await sql`create table keys_desc (id integer primary key desc, name text)`.execute(t.db);
      await sql`create table keys_without_rowid (id integer primary key, name text) without rowid`.execute(t.db);
      for (const [table, row] of [['keys_desc', { name: 'no id' }], ['keys_without_rowid', { id: 7, name: 'given' }]] as const) {
        const returned = await t.db.transaction().execute(async (trx) => {
          // A rowid that lastInsertRowid would wrongly give back for a key that is not the rowid.
          await insertRows(trx, 'sources', [source(`before-${table}`)]);
          ran.length = 0;
          recording = true;
          return insertRows<keyof Database, { id: number | null; name: string }>(trx, table as keyof Database, [row] as never, ['id', 'name']);
        });
        recording = false;
        const stored = await sql<{ id: number | null; name: string }>`select id, name from ${sql.table(table)}`.execute(t.db);
        assert.deepEqual(returned, stored.rows);
        // Asked for a key the row does not give, only RETURNING knows it; given, it is the row's own.
        assert.deepEqual(ran.map((text) => /returning/i.test(text)), ['id' in row ? false : true]);
      }
    });
  });
}
