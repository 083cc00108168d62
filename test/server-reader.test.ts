/**
 * The public side reads beside a write transaction (openReader in src/db/connect.ts): while an IATI
 * import holds its transaction open, waiting for the rest of an upload, the health check, the
 * portal, the read API and the data files answer, with what was committed before it; after the
 * import's commit they show what it wrote. On SQLite this needs the read-only second connection
 * (without it every read waited for the import); on PostgreSQL the pool gives it.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importIatiFile } from '../src/iati/import/iati.import.ts';
import { buildServer } from '../src/server/server.ts';
import { generatedIatiXml } from './iati/generated-portfolio.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases.ts';

const COUNT = 60;
const NOW = '2026-11-25T10:00:00.000Z';
/** Only a bound, so that a read that waits for the import fails the test instead of hanging it. */
const PATIENCE_MS = 15_000;

for (const dialect of DIALECTS) {
  describe(`reads beside an open import (${dialect.name})`, { skip: dialect.skip }, () => {
    let xml: string;
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    before(async () => {
      xml = await generatedIatiXml(dialect.name, COUNT, NOW);
      t = await freshDatabase(dialect.name);
      app = await buildServer(t.db, { logLevel: 'silent' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    const total = async () => ((await (await fetch(`${base}/api/activities`)).json()) as { total: number }).total;

    it('answers the public side with the committed state while the import waits for the rest of the file, and shows the import after its commit', { timeout: 120_000 }, async () => {
      let release!: () => void;
      const rest = new Promise<void>((resolve) => { release = resolve; });
      let halfRead!: () => void;
      const waiting = new Promise<void>((resolve) => { halfRead = resolve; });
      const half = xml.lastIndexOf('<iati-activity ', Math.floor(xml.length / 2));
      async function* upload() {
        yield Buffer.from(xml.slice(0, half));
        halfRead();
        await rest;
        yield Buffer.from(xml.slice(half));
      }
      // Small batches: the first half's activities are written inside the open transaction.
      const importing = importIatiFile(t.db, upload(), { batchSize: 5, now: NOW });
      try {
        await waiting;
        const reads = (async () => {
          const answers: Record<string, number> = {};
          for (const path of ['/healthz', '/', '/en/', '/api/activities', '/data/portfolio.json', '/data/iati-activities.xml']) {
            answers[path] = (await fetch(`${base}${path}`)).status;
          }
          return { answers, total: await total() };
        })();
        const during = await Promise.race([reads, sleep(PATIENCE_MS).then(() => 'waited for the import' as const)]);
        assert.ok(during !== 'waited for the import', 'the public side waited for the import');
        for (const [path, status] of Object.entries(during.answers)) assert.equal(status, 200, path);
        assert.equal(during.total, 0, 'nothing the open import wrote is seen');
      } finally {
        release();
      }
      const report = await importing;
      assert.equal(report.summary.activities.created, COUNT);
      assert.equal(await total(), COUNT, 'the committed import is seen at once');
    });
  });
}
