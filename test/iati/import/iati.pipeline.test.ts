/**
 * The import writes one batch while it reads and maps the next. Small batches (many writes
 * overlapping reads, relations to activities in later batches, organisations first met in later
 * batches) must give the same report and the same stored portfolio as one batch for the whole
 * file, and a critical problem found while a batch is being written must still leave nothing
 * written. The same holds when reading and mapping run in a worker thread (as they do for large
 * files). Once per dialect; outcomes and bytes, never times.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { allActivities } from '../../../src/activities/activity.repository.ts';
import type { Db } from '../../../src/db/database.ts';
import { importIatiFile } from '../../../src/iati/import/iati.import.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../support/databases.ts';
import { exportIatiXml, generatedIatiXml } from '../generated-portfolio.ts';

const COUNT = 120;
const NOW = '2026-11-25T10:00:00.000Z';

const exportXml = (db: Db) => exportIatiXml(db, { now: NOW });

async function counts(db: Db) {
  const n = async (table: 'activities' | 'organisations' | 'relations') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { activities: await n('activities'), organisations: await n('organisations'), relations: await n('relations') };
}

for (const dialect of DIALECTS) {
  describe(`IATI import pipeline (${dialect.name})`, { skip: dialect.skip }, () => {
    let xml: string;
    const open: TestDatabase[] = [];
    const fresh = async () => {
      const t = await freshDatabase(dialect.name);
      open.push(t);
      return t;
    };
    before(async () => {
      xml = await generatedIatiXml(dialect.name, COUNT, NOW);
    });
    after(async () => {
      for (const t of open) await t.close();
    });

    it('batches of 7 give the same report and the same portfolio as one batch', { timeout: 300_000 }, async () => {
      const [small, whole] = [await fresh(), await fresh()];
      const a = await importIatiFile(small.db, Readable.from([xml]), { batchSize: 7, now: NOW });
      const b = await importIatiFile(whole.db, Readable.from([xml]), { batchSize: 5_000, now: NOW });
      assert.equal(a.critical, undefined);
      assert.equal(a.summary.activities.created, COUNT);
      assert.ok((await counts(small.db)).relations > 0, 'the file has relations, some to activities in later batches');
      assert.deepEqual(a, b);
      assert.deepEqual(await counts(small.db), await counts(whole.db));
      assert.equal(await exportXml(small.db), await exportXml(whole.db));
      assert.equal(await exportXml(small.db), xml);
    });

    it('mapped in a worker thread: the same report and the same portfolio as in this thread', { timeout: 300_000 }, async () => {
      const [here, there] = [await fresh(), await fresh()];
      // In chunks, as a file arrives, so that batches are written while the worker reads on.
      const chunks = Array.from({ length: Math.ceil(xml.length / 4096) }, (_, i) => xml.slice(i * 4096, (i + 1) * 4096));
      const a = await importIatiFile(here.db, Readable.from(chunks), { batchSize: 7, now: NOW, worker: false });
      const b = await importIatiFile(there.db, Readable.from(chunks), { batchSize: 7, now: NOW, worker: true });
      assert.equal(b.critical, undefined);
      assert.equal(b.summary.activities.created, COUNT);
      assert.deepEqual(b, a);
      assert.deepEqual(await counts(there.db), await counts(here.db));
      assert.equal(await exportXml(there.db), xml);
      // Importing it again in the worker changes nothing.
      const again = await importIatiFile(there.db, Readable.from(chunks), { now: NOW, worker: true });
      assert.equal(again.summary.activities.unchanged, COUNT);
    });

    it('another publisher\'s real file mapped in a worker thread: the same report (its reporter and what is not imported included) and the same activities', { timeout: 300_000 }, async (ctx) => {
      const file = new URL('../../../../shared/iati/real/iom-XM-DAC-47066_dportal_118.xml', import.meta.url);
      if (!existsSync(file)) { ctx.skip(`${fileURLToPath(file)} is absent: SKIPPED`); return; }
      const iom = readFileSync(file, 'utf8');
      const [here, there] = [await fresh(), await fresh()];
      const a = await importIatiFile(here.db, Readable.from([iom]), { batchSize: 7, now: NOW, worker: false });
      const b = await importIatiFile(there.db, Readable.from([iom]), { batchSize: 7, now: NOW, worker: true });
      assert.equal(b.critical, undefined);
      assert.ok(b.summary.reportedElsewhere.length === 1 && b.summary.notImported.length > 0, JSON.stringify(b.summary));
      assert.deepEqual(b, a);
      assert.deepEqual(await allActivities(there.db), await allActivities(here.db));
    });

    it('a file whose reading fails half-way (an upload cut off): the import fails with that error and writes nothing', { timeout: 300_000 }, async () => {
      for (const worker of [false, true]) {
        const t = await fresh();
        const before = await counts(t.db);
        async function* cutOff() {
          for (let i = 0; i < xml.length / 2; i += 4096) yield xml.slice(i, i + 4096);
          throw new Error('connection reset');
        }
        await assert.rejects(importIatiFile(t.db, cutOff(), { batchSize: 7, now: NOW, worker }), /connection reset/);
        assert.deepEqual(await counts(t.db), before, `worker: ${worker}`);
      }
    });

    it('a row the database refuses in an early batch fails the import with that refusal, while later batches are prepared, and writes nothing', { timeout: 300_000 }, async () => {
      // The first activity's English title is marked, and a trigger refuses the marked row: on
      // PostgreSQL the batch's writes are sent together while the next batches are prepared, and
      // what those run afterwards fails only because the transaction was already refused.
      // (English narratives carry no xml:lang: English is the file's default language.)
      const at = xml.indexOf('<narrative>', xml.indexOf('<title>')) + '<narrative>'.length;
      const marked = `${xml.slice(0, at)}REFUSE-ME ${xml.slice(at)}`;
      const chunks = Array.from({ length: Math.ceil(marked.length / 4096) }, (_, i) => marked.slice(i * 4096, (i + 1) * 4096));
      for (const worker of [false, true]) {
        const t = await fresh();
        if (dialect.name === 'postgres') {
          await sql`create function refuse_marked() returns trigger language plpgsql as $$
            begin if new.title like 'REFUSE-ME%' then raise exception 'refused by the test trigger'; end if; return new; end $$`.execute(t.db);
          await sql`create trigger refuse_marked before insert on activity_texts for each row execute function refuse_marked()`.execute(t.db);
        } else {
          await sql`create trigger refuse_marked before insert on activity_texts when new.title like 'REFUSE-ME%'
            begin select raise(abort, 'refused by the test trigger'); end`.execute(t.db);
        }
        const before = await counts(t.db);
        await assert.rejects(importIatiFile(t.db, Readable.from(chunks), { batchSize: 7, now: NOW, worker }), /refused by the test trigger/, `worker: ${worker}`);
        assert.deepEqual(await counts(t.db), before, `worker: ${worker}`);
        // Without the mark the same file imports. Imported again with it, the first activity is
        // updated and refused, while the next batch looks up its stored activities.
        const report = await importIatiFile(t.db, Readable.from([xml]), { batchSize: 7, now: NOW, worker });
        assert.equal(report.summary.activities.created, COUNT);
        await assert.rejects(importIatiFile(t.db, Readable.from(chunks), { batchSize: 7, now: NOW, worker }), /refused by the test trigger/, `worker: ${worker}`);
        assert.equal(await exportXml(t.db), xml);
      }
    });

    it('a critical problem near the end, met while earlier batches are written, leaves nothing written', { timeout: 300_000 }, async () => {
      for (const worker of [false, true]) {
        const t = await fresh();
        const before = await counts(t.db);
        const cut = xml.lastIndexOf('<iati-activity ');
        const broken = `${xml.slice(0, cut)}<iati-activity><iati-identifier>x</iati-activity></iati-activities>`;
        // In small chunks, as a file is read: activities are handed out (and batches written) before the end is parsed.
        const chunks = Array.from({ length: Math.ceil(broken.length / 4096) }, (_, i) => broken.slice(i * 4096, (i + 1) * 4096));
        const report = await importIatiFile(t.db, Readable.from(chunks), { batchSize: 7, now: NOW, worker });
        assert.equal(report.critical?.code, 'malformed-xml', `worker: ${worker}`);
        assert.equal(report.summary.activities.created, 0);
        assert.equal(report.summary.activities.skipped, report.activities.length);
        assert.ok(report.activities.length > 100, 'most of the file was read before the problem');
        assert.deepEqual(await counts(t.db), before);
      }
    });
  });
}
