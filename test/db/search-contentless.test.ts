/**
 * The migration that makes SQLite's search index contentless (2026120105_contentless_search): a
 * migrated database has it, the index rows move over as they are, searching and re-indexing an edited activity work as before,
 * and down gives back a table with content. On PostgreSQL it changes nothing.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { listActivities } from '../../src/activities/activity.query.ts';
import { findActivity, saveActivities } from '../../src/activities/activity.repository.ts';
import { loadReferences } from '../../src/db/references.ts';
import * as contentless from '../../src/db/migrations/2026120105_contentless_search.ts';
import { importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import type { Db } from '../../src/db/database.ts';
import { buildActivity, buildPortfolio } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = '2026-12-02T10:00:00.000Z';

async function found(db: Db, q: string): Promise<string[]> {
  return (await listActivities(db, { q }, { limit: 50, offset: 0 }, 'relevance')).items.map((a) => a.slug).sort();
}

/** The table's definition on SQLite, or undefined on PostgreSQL. */
async function definition(db: Db, dialect: string): Promise<string | undefined> {
  if (dialect !== 'sqlite') return undefined;
  return (await sql<{ sql: string }>`select sql from sqlite_master where name = 'activity_search'`.execute(db)).rows[0]?.sql;
}

for (const dialect of DIALECTS) {
  describe(`contentless search index (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(dialect.name);
      await importPortfolio(t.db, parsePortfolio(buildPortfolio({
        activities: [
          buildActivity(),
          buildActivity({ slug: 'falcons', iatiIdentifier: 'SE-ON-2021002163-FALCON', texts: { sv: { title: 'Falkar i bergen' }, en: { title: 'Falcons of the mountains' } } }),
        ],
      })), { now: NOW });
    });
    after(() => t?.close());

    it('is what a migrated database has; from a table with content, up keeps every index row and finds the same activities', async () => {
      if (dialect.name === 'sqlite') assert.match((await definition(t.db, dialect.name))!, /contentless_delete\s*=\s*1/);
      const before = await found(t.db, 'mountains');
      assert.deepEqual(before, ['falcons']);
      await contentless.down(t.db as unknown as Kysely<unknown>);
      if (dialect.name === 'sqlite') assert.doesNotMatch((await definition(t.db, dialect.name))!, /content\s*=/);
      assert.deepEqual(await found(t.db, 'mountains'), before);
      await contentless.up(t.db as unknown as Kysely<unknown>);
      if (dialect.name === 'sqlite') assert.match((await definition(t.db, dialect.name))!, /contentless_delete\s*=\s*1/);
      assert.deepEqual(await found(t.db, 'mountains'), before);
      assert.deepEqual(await found(t.db, 'falkar'), ['falcons']);
      assert.deepEqual(await found(t.db, 'testprojektet'), ['test-project']);
      const count = await sql<{ n: number }>`select count(*) as n from activity_search`.execute(t.db);
      assert.equal(Number(count.rows[0]!.n), 2);
    });

    it('re-indexes an edited activity: the new words are found, the old ones no longer', async () => {
      const stored = (await findActivity(t.db, 'falcons'))!;
      await t.db.transaction().execute(async (trx) => {
        const refs = await loadReferences(trx);
        await saveActivities(trx, [{ ...stored, texts: { sv: { title: 'Ugglor i skogen' }, en: { title: 'Owls of the forest' } } }], refs, NOW);
      });
      assert.deepEqual(await found(t.db, 'mountains'), []);
      assert.deepEqual(await found(t.db, 'bergen'), []);
      assert.deepEqual(await found(t.db, 'owls'), ['falcons']);
      assert.deepEqual(await found(t.db, 'ugglor'), ['falcons']);
    });

    it('goes back down to a table with content, rebuilt from the activities', async () => {
      await contentless.down(t.db as unknown as Kysely<unknown>);
      if (dialect.name === 'sqlite') assert.doesNotMatch((await definition(t.db, dialect.name))!, /content\s*=/);
      assert.deepEqual(await found(t.db, 'owls'), ['falcons']);
      assert.deepEqual(await found(t.db, 'testprojektet'), ['test-project']);
      await contentless.up(t.db as unknown as Kysely<unknown>);
      assert.deepEqual(await found(t.db, 'owls'), ['falcons']);
    });
  });
}
