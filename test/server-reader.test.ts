/**
 * The public side reads beside a write transaction (openReader in src/db/connect.ts): while an IATI
 * import holds its transaction open, waiting for the rest of an upload, the health check, the
 * portal, the read API and the data files answer, with what was committed before it; after the
 * import's commit they show what it wrote. Signed-in staff and API tokens are recognised on the
 * same connection, and the staff pages read through it, so they do not wait either; their
 * last-seen times are written once the import lets go. On SQLite this needs the read-only second
 * connection (without it every read waited for the import); on PostgreSQL the pool gives it.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importIatiFile, type IatiImportReport } from '../src/iati/import/iati.import.ts';
import { buildServer } from '../src/server/server.ts';
import { generatedIatiXml } from './iati/generated-portfolio.ts';
import { addTestUser, signedIn, testToken } from './support/accounts.ts';
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
    /** The server's clock for sessions and tokens, moved on by the test. */
    let clock = new Date(NOW);
    before(async () => {
      xml = await generatedIatiXml(dialect.name, COUNT, NOW);
      t = await freshDatabase(dialect.name);
      app = await buildServer(t.db, { logLevel: 'silent', auth: { now: () => clock } });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    const total = async () => ((await (await fetch(`${base}/api/activities`)).json()) as { total: number }).total;

    /**
     * Imports the file, holding its transaction open halfway through the file while `reads` runs;
     * fails if `reads` waited for the import. Returns what `reads` gave and the import's report.
     */
    async function duringOpenImport<T>(reads: () => Promise<T>): Promise<{ during: T; report: IatiImportReport }> {
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
      let during: T | 'waited for the import';
      try {
        await waiting;
        during = await Promise.race([reads(), sleep(PATIENCE_MS).then(() => 'waited for the import' as const)]);
      } finally {
        release();
      }
      const report = await importing;
      assert.ok(during !== 'waited for the import', 'the reads waited for the import');
      return { during, report };
    }

    it('answers the public side with the committed state while the import waits for the rest of the file, and shows the import after its commit', { timeout: 120_000 }, async () => {
      const { during, report } = await duringOpenImport(async () => {
        const answers: Record<string, number> = {};
        for (const path of ['/healthz', '/', '/en/', '/api/activities', '/data/portfolio.json', '/data/iati-activities.xml']) {
          answers[path] = (await fetch(`${base}${path}`)).status;
        }
        return { answers, total: await total() };
      });
      for (const [path, status] of Object.entries(during.answers)) assert.equal(status, 200, path);
      assert.equal(during.total, 0, 'nothing the open import wrote is seen');
      assert.equal(report.summary.activities.created, COUNT);
      assert.equal(await total(), COUNT, 'the committed import is seen at once');
    });

    it('recognises a signed-in reviewer and an API token without waiting for the import, serves the staff pages, and writes their last-seen times after it', { timeout: 120_000 }, async () => {
      const reviewer = await addTestUser(t.db, 'reviewer');
      const client = await signedIn(base, reviewer);
      const token = await testToken(t.db, reviewer);
      const session = [...client.cookies.values()][0]!;
      // Both last-seen times are due to be written on the next request.
      clock = new Date(clock.getTime() + 5 * 60_000);
      const seen = clock.toISOString();
      const activity = (await t.db.selectFrom('activities').select('slug').orderBy('slug').executeTakeFirstOrThrow()).slug;
      const organisation = (await t.db.selectFrom('organisations').select('slug').orderBy('slug').executeTakeFirstOrThrow()).slug;
      const staffPages = ['/edit', '/en/edit/activities', `/edit/activities/${activity}`, `/en/edit/activities/${activity}/review`,
        `/edit/activities/${activity}/preview`, `/en/edit/activities/${activity}/history`, '/edit/activities/new',
        '/edit/organisations', `/en/edit/organisations/${organisation}`, `/edit/organisations/${organisation}/history`, '/edit/import', '/en/edit/account'];
      // The same file again: nothing changes, but the import holds its transaction as long.
      const { during, report } = await duringOpenImport(async () => ({
        staff: Object.fromEntries(await Promise.all(staffPages.map(async (path) => [path, (await client.fetch(path)).status] as const))),
        portal: (await client.fetch('/en/')).status,
        api: (await fetch(`${base}/api/activities`, { headers: { authorization: `Bearer ${token}` } })).status,
        badToken: (await fetch(`${base}/api/activities`, { headers: { authorization: 'Bearer samverka_unknown' } })).status,
      }));
      assert.deepEqual(during, { staff: Object.fromEntries(staffPages.map((path) => [path, 200])), portal: 200, api: 200, badToken: 401 });
      assert.equal(report.summary.activities.unchanged, COUNT);
      assert.ok(client.cookies.size > 0 && [...client.cookies.values()][0] === session, 'the session was recognised, not cleared');
      // Written beside the request (SQLite) or before it answered (PostgreSQL): there by now or very soon.
      const deadline = Date.now() + PATIENCE_MS;
      let times: { session?: string; token?: string | null } = {};
      while (Date.now() < deadline) {
        times = {
          session: (await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', reviewer.id).executeTakeFirst())?.last_seen_at,
          token: (await t.db.selectFrom('api_tokens').select('last_used_at').where('user_id', '=', reviewer.id).executeTakeFirst())?.last_used_at,
        };
        if (times.session === seen && times.token === seen) break;
        await sleep(20);
      }
      assert.deepEqual(times, { session: seen, token: seen });
    });
  });
}
