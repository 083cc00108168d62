/**
 * COPY data in the message of deferred writes (src/db/postgres-copy.ts): the text format's
 * escaping, rows stored exactly as given through a real server, and a message the server refuses
 * part-way: the error is the flush's, the rest of the message (COPY data included) is dropped, and
 * the client it went through answers the next query. A pool of one client makes sure "the next
 * query" runs on the same connection.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { copyData, copyStatement, DeferredWrites, registerPostgresCopy } from '../../src/db/bulk-insert.ts';
import type { Database, Db } from '../../src/db/database.ts';
import { copyField, copyingPool } from '../../src/db/postgres-copy.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-07T10:00:00.000Z';

function source(slug: string, title: string | null = null, location: string | null = null) {
  return { slug, title_sv: title, title_en: null, location, version: 1, created_at: NOW, updated_at: NOW };
}

describe('COPY text format', () => {
  it('writes null as \\N and escapes backslash, newline, carriage return and tab', () => {
    assert.equal(copyField(null), '\\N');
    assert.equal(copyField(''), '');
    assert.equal(copyField('\\N'), '\\\\N');
    assert.equal(copyField('a\tb\nc\r\nd\\'), 'a\\tb\\nc\\r\\nd\\\\');
    assert.equal(copyField('\\.'), '\\\\.');
    assert.equal(copyField('åäö "citat" \'x\' $$ ; --'), 'åäö "citat" \'x\' $$ ; --');
  });

  it('writes numbers as JSON did: finite ones as they are, others as null', () => {
    assert.equal(copyField(0), '0');
    assert.equal(copyField(-12.5), '-12.5');
    assert.equal(copyField(Number.NaN), '\\N');
    assert.equal(copyField(Number.POSITIVE_INFINITY), '\\N');
  });

  it('writes a line per row in the order of the columns, a missing column as null', () => {
    assert.equal(copyData([{ a: 1, b: 'x' }, { b: 'y\tz' }], ['a', 'b']), '1\tx\n\\N\ty\\tz\n');
    assert.equal(copyData([], ['a']), '');
  });

  it('quotes the table and column names', () => {
    assert.equal(copyStatement('sources', ['slug', 'we"ird']), 'copy "sources" ("slug", "we""ird") from stdin');
  });
});

const postgres = DIALECTS.find((d) => d.name === 'postgres')!;

describe('COPY data in one message (postgres)', { skip: postgres.skip }, () => {
  let t: TestDatabase;
  /** The same schema through a pool of one client: every query after a failure runs on the client that failed. */
  let single: Db;

  before(async () => {
    t = await freshDatabase('postgres');
    single = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(new pg.Pool({ connectionString: t.url, max: 1 })) }) });
    registerPostgresCopy(single);
  });
  after(async () => {
    await single?.destroy();
    await t?.close();
  });

  const slugs = async (prefix: string) =>
    (await single.selectFrom('sources').select('slug').where('slug', 'like', `${prefix}-%`).orderBy('slug').execute()).map((r) => r.slug);

  it('stores every value as given, with statements between the COPYs run in their turn', async () => {
    const titles = ['\\N', '\\.', 'ends in a backslash \\', 'tab\there', 'crlf\r\nline', '', 'lone \ud800 surrogate', 'emoji 😀 åäö'];
    await single.transaction().execute(async (trx) => {
      const writes = new DeferredWrites(trx);
      await writes.insert('sources', titles.map((title, i) => source(`copy-${i}`, title, i % 2 ? null : '')));
      await writes.deleteWhereIn('sources', 'version', [1]);
      await writes.insert('sources', titles.map((title, i) => source(`copy-${i}`, title, i % 2 ? null : '')));
      await writes.flush();
    });
    const back = await single.selectFrom('sources').select(['slug', 'title_sv', 'location']).where('slug', 'like', 'copy-%').orderBy('slug').execute();
    assert.deepEqual(back.map((r) => r.title_sv), titles.map((title) => title.replace('\ud800', '\ufffd')));
    assert.deepEqual(back.map((r) => r.location), titles.map((_, i) => (i % 2 ? null : '')));
  });

  it('a row refused in a COPY fails the flush with the server\'s error, and the client answers the next query', async () => {
    await assert.rejects(single.transaction().execute(async (trx) => {
      const writes = new DeferredWrites(trx);
      await writes.insert('sources', [source('refused-a'), source('refused-a')]);
      await writes.insert('sources', [source('refused-b')]);
      await writes.flush();
    }), (error: Error & { code?: string }) => error.code === '23505' && /COPY sources/.test(String((error as { where?: string }).where)));
    assert.deepEqual(await slugs('refused'), []);
    assert.equal((await sql<{ n: number }>`select 1 as n`.execute(single)).rows[0]?.n, 1);
  });

  it('a statement refused before a COPY drops the COPY data sent after it', async () => {
    await assert.rejects(single.transaction().execute(async (trx) => {
      const writes = new DeferredWrites(trx);
      await writes.deleteWhereIn('no_such_table' as 'sources', 'id', [1]);
      await writes.insert('sources', [source('dropped-a')]);
      await writes.flush();
    }), (error: Error & { code?: string }) => error.code === '42P01');
    assert.deepEqual(await slugs('dropped'), []);
    await single.transaction().execute(async (trx) => {
      const writes = new DeferredWrites(trx);
      await writes.insert('sources', [source('dropped-b')]);
      await writes.flush();
    });
    assert.deepEqual(await slugs('dropped'), ['dropped-b']);
  });

  it('refuses to gather on a database whose pool cannot send COPY data', async () => {
    const plain = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 1 }) }) });
    try {
      await plain.transaction().execute(async (trx) => {
        assert.throws(() => new DeferredWrites(trx), /needs a database opened by openDatabase/);
      });
    } finally {
      await plain.destroy();
    }
  });
});
